// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICertificateVerifier} from "./ICertificateVerifier.sol";
import {IERC5192} from "./IERC5192.sol";

// Events index the ids and addresses that readers filter on; flags, times and reason codes are
// data, and indexing them would only add gas to every emit.
// solhint-disable gas-indexed-events

/// @title IAcademyCertificates
/// @notice Soulbound course certificates of the Busan academy. Institutions (issuers) create
///         courses and certify graduates three ways: a direct mint, a Merkle root anchoring a whole
///         cohort, and a claim that turns one cohort leaf into the graduate's soulbound token.
///         Names never reach the chain: a leaf commits to `keccak256(salt ‖ name)`.
/// @dev Leaf of a certificate (direct or cohort), as `@openzeppelin/merkle-tree`'s
///      StandardMerkleTree hashes it (double keccak of the ABI encoding):
///      `keccak256(bytes.concat(keccak256(abi.encode(uint256 chainId, address registry,
///      uint64 courseId, address recipient, bytes32 nameCommitment, uint40 validFrom,
///      uint40 validUntil))))`. The token id of a certificate is the leaf with its low 64 bits
///      replaced by the course id, so one leaf can become at most one token, and the course of a
///      token is readable from its id. A holder holds at most one live certificate per course.
interface IAcademyCertificates is ICertificateVerifier, IERC5192 {
    // ---------------------------------------------------------------------------------------
    // Types
    // ---------------------------------------------------------------------------------------

    /// @notice What a verifier learns about a certificate or a cohort leaf.
    enum Status {
        Valid,
        Revoked,
        Suspended,
        Expired,
        NotYetValid,
        UnknownIssuer,
        IssuerRetired,
        Superseded,
        NotFound
    }

    /// @notice An institution that certifies graduates.
    struct Issuer {
        /// @dev The account that acts for the institution: an EOA or an ERC-1271 contract wallet.
        address account;
        /// @dev When the issuer was registered.
        uint40 registeredAt;
        /// @dev 0 while active; otherwise certificates issued at or after this time are not valid.
        uint40 retiredAt;
        /// @dev While true the issuer cannot act and its certificates report Suspended.
        bool suspended;
    }

    /// @notice A course, created by its issuer.
    struct Course {
        /// @dev The issuer that created the course and alone certifies it.
        uint32 issuerId;
        /// @dev Longest allowed `validUntil - validFrom` in seconds; 0 means no maximum (a
        ///      certificate may then also never expire, `validUntil` 0).
        uint40 maxValidity;
        /// @dev Whether the issuer may revoke or suspend certificates of the course.
        bool revocable;
        /// @dev Hash of the course metadata document (e.g. its SHA-256 or keccak256).
        bytes32 metadataHash;
    }

    /// @notice The fields of a certificate leaf (see the contract's leaf definition).
    struct LeafFields {
        /// @dev The course certified.
        uint64 courseId;
        /// @dev The graduate's wallet, the holder of the token.
        address recipient;
        /// @dev `keccak256(salt ‖ utf8(name))`; the name and the salt stay in the credential JSON.
        bytes32 nameCommitment;
        /// @dev Start of validity (unix seconds).
        uint40 validFrom;
        /// @dev End of validity (unix seconds, exclusive); 0 means it does not expire.
        uint40 validUntil;
    }

    /// @notice Everything a verifier needs about a certificate or a leaf, read in one call.
    struct CertificateState {
        /// @dev The verdict at the current block time.
        Status status;
        /// @dev The token id the certificate has (or would have once claimed).
        uint256 tokenId;
        /// @dev The current holder, or zero when no token exists.
        address holder;
        /// @dev The course of the certificate.
        uint64 courseId;
        /// @dev The issuer of the course, 0 when the course is unknown.
        uint32 issuerId;
        /// @dev The issuer's acting account.
        address issuerAccount;
        /// @dev Time of issuance (the mint, or the cohort's anchoring); 0 when unknown.
        uint40 issuedAt;
        /// @dev Start of validity.
        uint40 validFrom;
        /// @dev End of validity, 0 for none.
        uint40 validUntil;
        /// @dev For a cohort leaf: whether the Merkle proof leads to the root.
        bool proofValid;
        /// @dev For a cohort leaf: whether the root was anchored for this course.
        bool anchored;
        /// @dev The certificate that replaced this one, 0 when none.
        uint256 successor;
    }

    // ---------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------

    /// @notice Certificates cannot be transferred (only recovered by their issuer).
    /// @param tokenId The certificate.
    error AcademyCertificatesSoulbound(uint256 tokenId);
    /// @notice Certificates cannot be approved for transfer.
    error AcademyCertificatesApprovalDisabled();
    /// @notice An address argument was zero.
    error AcademyCertificatesZeroAddress();
    /// @notice The account is already the acting account of an issuer.
    /// @param account The account.
    /// @param issuerId Its issuer.
    error AcademyCertificatesAccountAlreadyIssuer(address account, uint32 issuerId);
    /// @notice No issuer has this id.
    /// @param issuerId The id.
    error AcademyCertificatesUnknownIssuer(uint32 issuerId);
    /// @notice The caller is not the acting account of a registered issuer.
    /// @param caller The caller.
    error AcademyCertificatesNotIssuer(address caller);
    /// @notice The issuer is suspended or retired and cannot act.
    /// @param issuerId The issuer.
    error AcademyCertificatesIssuerNotActive(uint32 issuerId);
    /// @notice The issuer's suspension is already in the requested state.
    /// @param issuerId The issuer.
    /// @param suspended The state requested.
    error AcademyCertificatesIssuerSuspensionUnchanged(uint32 issuerId, bool suspended);
    /// @notice A retirement time must lie between registration and now.
    /// @param issuerId The issuer.
    /// @param retiredAt The time given.
    error AcademyCertificatesInvalidRetirementTime(uint32 issuerId, uint40 retiredAt);
    /// @notice No course has this id.
    /// @param courseId The id.
    error AcademyCertificatesUnknownCourse(uint64 courseId);
    /// @notice The caller is not the acting account of the course's issuer.
    /// @param courseId The course.
    /// @param caller The caller.
    error AcademyCertificatesNotCourseIssuer(uint64 courseId, address caller);
    /// @notice `validUntil` is not after `validFrom`.
    /// @param validFrom Start.
    /// @param validUntil End.
    error AcademyCertificatesInvalidValidity(uint40 validFrom, uint40 validUntil);
    /// @notice The validity period exceeds the course's maximum (or is unbounded when one is set).
    /// @param courseId The course.
    /// @param validFrom Start.
    /// @param validUntil End (0 = unbounded).
    /// @param maxValidity The course maximum in seconds.
    error AcademyCertificatesValidityTooLong(uint64 courseId, uint40 validFrom, uint40 validUntil, uint40 maxValidity);
    /// @notice A cohort root must not be zero.
    error AcademyCertificatesZeroRoot();
    /// @notice A cohort must have at least one graduate.
    error AcademyCertificatesEmptyCohort();
    /// @notice The root is already anchored.
    /// @param root The root.
    error AcademyCertificatesCohortAlreadyAnchored(bytes32 root);
    /// @notice The root was never anchored.
    /// @param root The root.
    error AcademyCertificatesUnknownCohort(bytes32 root);
    /// @notice The leaf is of another course than the cohort.
    /// @param root The cohort root.
    /// @param courseId The course in the leaf.
    error AcademyCertificatesCohortCourseMismatch(bytes32 root, uint64 courseId);
    /// @notice The Merkle proof does not lead from the leaf to the root.
    /// @param root The cohort root.
    /// @param leaf The leaf computed from the fields.
    error AcademyCertificatesInvalidProof(bytes32 root, bytes32 leaf);
    /// @notice This certificate was already issued or claimed (even if later burned or replaced).
    /// @param tokenId The certificate.
    error AcademyCertificatesAlreadyIssued(uint256 tokenId);
    /// @notice The cohort leaf was revoked before it was claimed.
    /// @param tokenId The certificate the leaf would become.
    error AcademyCertificatesLeafRevoked(uint256 tokenId);
    /// @notice The holder already holds a live certificate of the course.
    /// @param holder The holder.
    /// @param courseId The course.
    error AcademyCertificatesHolderAlreadyCertified(address holder, uint64 courseId);
    /// @notice No live certificate has this id.
    /// @param tokenId The id.
    error AcademyCertificatesUnknownCertificate(uint256 tokenId);
    /// @notice The course's certificates cannot be revoked or suspended.
    /// @param courseId The course.
    error AcademyCertificatesNotRevocable(uint64 courseId);
    /// @notice The certificate is already revoked.
    /// @param tokenId The certificate.
    error AcademyCertificatesAlreadyRevoked(uint256 tokenId);
    /// @notice The certificate's suspension is already in the requested state.
    /// @param tokenId The certificate.
    /// @param suspended The state requested.
    error AcademyCertificatesSuspensionUnchanged(uint256 tokenId, bool suspended);
    /// @notice Only the holder may burn a certificate.
    /// @param tokenId The certificate.
    /// @param caller The caller.
    error AcademyCertificatesNotHolder(uint256 tokenId, address caller);
    /// @notice A signed consent is past its deadline.
    /// @param deadline The deadline.
    error AcademyCertificatesConsentExpired(uint256 deadline);
    /// @notice The consent signature is not the signer's for this contract, chain and nonce.
    /// @param signer The account that had to sign.
    error AcademyCertificatesInvalidConsent(address signer);
    /// @notice A reissued certificate must be of the same course as the one it replaces.
    /// @param oldTokenId The certificate being replaced.
    /// @param courseId The course given for the new one.
    error AcademyCertificatesReissueCourseMismatch(uint256 oldTokenId, uint64 courseId);
    /// @notice A batch is empty or larger than the maximum.
    /// @param length The length given.
    /// @param max The maximum.
    error AcademyCertificatesInvalidBatchSize(uint256 length, uint256 max);

    // ---------------------------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------------------------

    /// @notice An issuer was registered.
    /// @param issuerId The new issuer's id.
    /// @param account Its acting account.
    /// @param name The institution's name.
    /// @param metadataURI Where its profile is published.
    event IssuerRegistered(uint32 indexed issuerId, address indexed account, string name, string metadataURI);
    /// @notice An issuer was suspended or unsuspended.
    /// @param issuerId The issuer.
    /// @param suspended The new state.
    event IssuerSuspensionChanged(uint32 indexed issuerId, bool suspended);
    /// @notice An issuer was retired.
    /// @param issuerId The issuer.
    /// @param retiredAt From this time on its certificates are not valid.
    event IssuerRetired(uint32 indexed issuerId, uint40 retiredAt);
    /// @notice A course was created.
    /// @param courseId The new course's id.
    /// @param issuerId Its issuer.
    /// @param metadataURI Where the course description is published.
    /// @param metadataHash Hash of that description.
    /// @param maxValidity Longest validity of a certificate in seconds (0 = no maximum).
    /// @param revocable Whether certificates can be revoked or suspended.
    event CourseCreated(
        uint64 indexed courseId,
        uint32 indexed issuerId,
        string metadataURI,
        bytes32 metadataHash,
        uint40 maxValidity,
        bool revocable
    );
    /// @notice A cohort root was anchored.
    /// @param root The Merkle root.
    /// @param courseId The course.
    /// @param issuerId The issuer.
    /// @param graduates Number of leaves (informational).
    event CohortAnchored(bytes32 indexed root, uint64 indexed courseId, uint32 indexed issuerId, uint32 graduates);
    /// @notice A certificate token was minted, directly or by a claim.
    /// @param tokenId The certificate.
    /// @param holder The graduate.
    /// @param courseId The course.
    /// @param cohortRoot The cohort it was claimed from, zero for a direct issue.
    event CertificateIssued(
        uint256 indexed tokenId,
        address indexed holder,
        uint64 indexed courseId,
        bytes32 cohortRoot
    );
    /// @notice A certificate (or an unclaimed cohort leaf, by its token id) was revoked.
    /// @param tokenId The certificate.
    /// @param courseId The course.
    /// @param reasonCode Issuer-defined reason code.
    /// @param reasonHash Hash of the published reason.
    event CertificateRevoked(uint256 indexed tokenId, uint64 indexed courseId, uint8 reasonCode, bytes32 reasonHash);
    /// @notice A certificate was suspended or unsuspended.
    /// @param tokenId The certificate.
    /// @param suspended The new state.
    event CertificateSuspensionChanged(uint256 indexed tokenId, bool suspended);
    /// @notice A certificate was replaced by a new one; the old one is burned and Superseded.
    /// @param oldTokenId The replaced certificate.
    /// @param newTokenId The new certificate.
    event CertificateReissued(uint256 indexed oldTokenId, uint256 indexed newTokenId);
    /// @notice A certificate moved to a new wallet after key loss.
    /// @param tokenId The certificate.
    /// @param from The lost wallet.
    /// @param to The new wallet, which consented.
    event CertificateRecovered(uint256 indexed tokenId, address indexed from, address indexed to);
    /// @notice The holder burned their certificate.
    /// @param tokenId The certificate.
    /// @param holder The former holder.
    event CertificateBurned(uint256 indexed tokenId, address indexed holder);

    // ---------------------------------------------------------------------------------------
    // Issuers (registrar role)
    // ---------------------------------------------------------------------------------------

    /// @notice Registers an institution. Caller needs `REGISTRAR_ROLE`.
    /// @param account Its acting account (EOA or ERC-1271 wallet); one issuer per account.
    /// @param name The institution's public name.
    /// @param metadataURI Where its profile is published.
    /// @return issuerId The new id (from 1).
    function registerIssuer(
        address account,
        string calldata name,
        string calldata metadataURI
    ) external returns (uint32 issuerId);

    /// @notice Suspends or unsuspends an issuer. Caller needs `REGISTRAR_ROLE`.
    /// @param issuerId The issuer.
    /// @param suspended The new state.
    function setIssuerSuspended(uint32 issuerId, bool suspended) external;

    /// @notice Retires an issuer for good: it cannot act any more and certificates it issued at or
    ///         after `retiredAt` are not valid (earlier ones stay valid). A past time is allowed
    ///         (e.g. the time a key was compromised). Caller needs `REGISTRAR_ROLE`.
    /// @param issuerId The issuer.
    /// @param retiredAt Between its registration and now.
    function retireIssuer(uint32 issuerId, uint40 retiredAt) external;

    // ---------------------------------------------------------------------------------------
    // Courses and issuance (issuer accounts)
    // ---------------------------------------------------------------------------------------

    /// @notice Creates a course of the caller's issuer.
    /// @param metadataURI Where the course description is published.
    /// @param metadataHash Hash of that description.
    /// @param maxValidity Longest validity of a certificate in seconds (0 = no maximum).
    /// @param revocable Whether certificates can be revoked or suspended.
    /// @return courseId The new id (from 1).
    function createCourse(
        string calldata metadataURI,
        bytes32 metadataHash,
        uint40 maxValidity,
        bool revocable
    ) external returns (uint64 courseId);

    /// @notice Mints a certificate directly to a graduate. Caller: the course's issuer account.
    /// @param fields The certificate's leaf fields.
    /// @return tokenId The certificate.
    function issue(LeafFields calldata fields) external returns (uint256 tokenId);

    /// @notice Anchors the Merkle root of a cohort of any size in one transaction. Caller: the
    ///         course's issuer account.
    /// @param root The StandardMerkleTree root of the cohort's leaves.
    /// @param courseId The course every leaf certifies.
    /// @param graduates Number of leaves (informational, emitted).
    function anchorCohort(bytes32 root, uint64 courseId, uint32 graduates) external;

    /// @notice Turns a cohort leaf into the graduate's soulbound token. Caller: the recipient
    ///         (holding it is their consent); relayers use `claimWithConsent`.
    /// @param root The anchored cohort root.
    /// @param fields The leaf fields.
    /// @param proof The Merkle proof of the leaf.
    /// @return tokenId The certificate.
    function claim(
        bytes32 root,
        LeafFields calldata fields,
        bytes32[] calldata proof
    ) external returns (uint256 tokenId);

    /// @notice `claim` relayed by anyone, with the recipient's EIP-712
    ///         `ClaimConsent(uint256 tokenId,uint256 nonce,uint256 deadline)` signature (EOA or
    ///         ERC-1271).
    /// @param root The anchored cohort root.
    /// @param fields The leaf fields.
    /// @param proof The Merkle proof of the leaf.
    /// @param deadline Last valid second of the consent.
    /// @param signature The recipient's signature.
    /// @return tokenId The certificate.
    function claimWithConsent(
        bytes32 root,
        LeafFields calldata fields,
        bytes32[] calldata proof,
        uint256 deadline,
        bytes calldata signature
    ) external returns (uint256 tokenId);

    // ---------------------------------------------------------------------------------------
    // Status changes (issuer accounts, holder burn)
    // ---------------------------------------------------------------------------------------

    /// @notice Revokes certificates (live tokens, or unclaimed cohort leaves by their token id so
    ///         they can never be claimed). Caller: the issuer of each certificate's course.
    /// @param tokenIds At most `MAX_BATCH` ids.
    /// @param reasonCode Issuer-defined reason code.
    /// @param reasonHash Hash of the published reason.
    function revoke(uint256[] calldata tokenIds, uint8 reasonCode, bytes32 reasonHash) external;

    /// @notice Suspends or unsuspends a live certificate (reversible). Caller: the course's issuer.
    /// @param tokenId The certificate.
    /// @param suspended The new state.
    function setSuspended(uint256 tokenId, bool suspended) external;

    /// @notice Replaces a live certificate with a new one of the same course (e.g. a corrected
    ///         name); the old token is burned, reports Superseded and points to the new one.
    ///         Caller: the course's issuer.
    /// @param oldTokenId The certificate to replace.
    /// @param fields The new certificate's leaf fields (same course).
    /// @return newTokenId The new certificate.
    function reissue(uint256 oldTokenId, LeafFields calldata fields) external returns (uint256 newTokenId);

    /// @notice Moves a certificate to a new wallet after the holder lost their key. Caller: the
    ///         course's issuer; `newHolder` consents with an EIP-712
    ///         `RecoveryConsent(uint256 tokenId,address newHolder,uint256 nonce,uint256 deadline)`
    ///         signature (EOA or ERC-1271).
    /// @param tokenId The certificate.
    /// @param newHolder The new wallet.
    /// @param deadline Last valid second of the consent.
    /// @param signature The new holder's signature.
    function recover(uint256 tokenId, address newHolder, uint256 deadline, bytes calldata signature) external;

    /// @notice The holder destroys their own certificate; it can never be claimed again.
    /// @param tokenId The certificate.
    function burn(uint256 tokenId) external;

    // ---------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------

    /// @notice The verdict on a certificate token.
    /// @param tokenId The certificate.
    /// @return status The status at the current block time.
    function verifyCertificate(uint256 tokenId) external view returns (Status status);

    /// @notice The verdict on a cohort leaf (claimed or not).
    /// @param root The cohort root.
    /// @param fields The leaf fields.
    /// @param proof The Merkle proof.
    /// @return status The status at the current block time (NotFound for a bad proof or course,
    ///         UnknownIssuer for a root no issuer anchored).
    function verifyLeaf(
        bytes32 root,
        LeafFields calldata fields,
        bytes32[] calldata proof
    ) external view returns (Status status);

    /// @notice Everything about a certificate token in one call.
    /// @param tokenId The certificate.
    /// @return state The state.
    function certificateState(uint256 tokenId) external view returns (CertificateState memory state);

    /// @notice Everything about a cohort leaf in one call (the token's state once claimed).
    /// @param root The cohort root.
    /// @param fields The leaf fields.
    /// @param proof The Merkle proof.
    /// @return state The state.
    function leafState(
        bytes32 root,
        LeafFields calldata fields,
        bytes32[] calldata proof
    ) external view returns (CertificateState memory state);

    /// @notice The StandardMerkleTree leaf of certificate fields on this chain and contract.
    /// @param fields The fields.
    /// @return leaf The double-hashed leaf.
    function leafOf(LeafFields calldata fields) external view returns (bytes32 leaf);

    /// @notice The token id a leaf becomes: the leaf with its low 64 bits replaced by the course.
    /// @param leaf The leaf.
    /// @param courseId The course.
    /// @return tokenId The token id.
    function tokenIdOf(bytes32 leaf, uint64 courseId) external pure returns (uint256 tokenId);

    /// @notice An issuer.
    /// @param issuerId The issuer.
    /// @return issuer_ Its record (zero account when unknown).
    function issuer(uint32 issuerId) external view returns (Issuer memory issuer_);

    /// @notice The issuer id of an acting account (0 when none).
    /// @param account The account.
    /// @return issuerId The issuer.
    function issuerIdOf(address account) external view returns (uint32 issuerId);

    /// @notice The public profile of an issuer.
    /// @param issuerId The issuer.
    /// @return name The institution's name.
    /// @return metadataURI Where its profile is published.
    function issuerProfile(uint32 issuerId) external view returns (string memory name, string memory metadataURI);

    /// @notice Where a course's description is published.
    /// @param courseId The course.
    /// @return metadataURI The URI.
    function courseMetadataURI(uint64 courseId) external view returns (string memory metadataURI);

    /// @notice Number of issuers registered (ids run from 1 to this).
    /// @return count The count.
    function issuerCount() external view returns (uint32 count);

    /// @notice A course.
    /// @param courseId The course.
    /// @return course_ Its record (issuer 0 when unknown).
    function course(uint64 courseId) external view returns (Course memory course_);

    /// @notice Number of courses created (ids run from 1 to this).
    /// @return count The count.
    function courseCount() external view returns (uint64 count);

    /// @notice The cohort anchored under a root.
    /// @param root The root.
    /// @return courseId Its course (0 when not anchored).
    /// @return anchoredAt When it was anchored.
    function cohort(bytes32 root) external view returns (uint64 courseId, uint40 anchoredAt);

    /// @notice The certificate that replaced `tokenId`, 0 when none.
    /// @param tokenId The certificate.
    /// @return successor The replacement.
    function supersededBy(uint256 tokenId) external view returns (uint256 successor);

    /// @notice The EIP-712 digest a new holder signs to consent to a recovery (current nonce).
    /// @param tokenId The certificate.
    /// @param newHolder The new wallet.
    /// @param deadline Last valid second.
    /// @return digest The digest.
    function recoveryDigest(
        uint256 tokenId,
        address newHolder,
        uint256 deadline
    ) external view returns (bytes32 digest);

    /// @notice The EIP-712 digest a recipient signs to consent to a relayed claim (current nonce).
    /// @param tokenId The certificate the leaf becomes.
    /// @param recipient The recipient.
    /// @param deadline Last valid second.
    /// @return digest The digest.
    function claimDigest(uint256 tokenId, address recipient, uint256 deadline) external view returns (bytes32 digest);
}
