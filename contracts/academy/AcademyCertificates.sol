// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

import {ICertificateVerifier} from "../interfaces/ICertificateVerifier.sol";
import {IAcademyCertificates} from "../interfaces/IAcademyCertificates.sol";
import {IERC5192} from "../interfaces/IERC5192.sol";

/// @title AcademyCertificates
/// @notice Soulbound ERC-721 (ERC-5192) course certificates: direct issue, Merkle cohorts and
///         claims, revocation, suspension, expiry, reissue and consented recovery.
contract AcademyCertificates is IAcademyCertificates, ERC721, AccessControl, EIP712, Nonces {
    // ---------------------------------------------------------------------------------------
    // Constants
    // ---------------------------------------------------------------------------------------

    /// @notice Role that registers, suspends and retires issuers.
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");

    /// @notice Most certificates one `revoke` call handles.
    uint256 public constant MAX_BATCH = 256;

    /// @notice EIP-712 type of a new holder's consent to a recovery.
    bytes32 public constant RECOVERY_CONSENT_TYPEHASH = keccak256(
        "RecoveryConsent(uint256 tokenId,address newHolder,uint256 nonce,uint256 deadline)"
    );

    /// @notice EIP-712 type of a recipient's consent to a relayed claim.
    bytes32 public constant CLAIM_CONSENT_TYPEHASH = keccak256(
        "ClaimConsent(uint256 tokenId,uint256 nonce,uint256 deadline)"
    );

    /// @dev The low 64 bits of a token id carry the course id.
    uint256 private constant COURSE_ID_MASK = type(uint64).max;

    /// @dev Fate of a token id that was burned by its holder.
    uint256 private constant FATE_BURNED = type(uint256).max;

    /// @dev Fate of an unclaimed cohort leaf that was revoked.
    uint256 private constant FATE_REVOKED_UNCLAIMED = type(uint256).max - 1;

    // ---------------------------------------------------------------------------------------
    // Storage
    // ---------------------------------------------------------------------------------------

    /// @dev A live certificate, one slot, stored under (holder, course).
    struct Certificate {
        uint40 issuedAt;
        uint40 validFrom;
        uint40 validUntil;
        bool revoked;
        bool suspended;
    }

    /// @dev An anchored cohort, one slot.
    struct Cohort {
        uint64 courseId;
        uint40 anchoredAt;
    }

    /// @dev Public profile of an issuer (not read on hot paths).
    struct IssuerProfile {
        string name;
        string metadataURI;
    }

    uint32 private _issuerCount;
    uint64 private _courseCount;

    mapping(uint32 issuerId => Issuer) private _issuers;
    mapping(uint32 issuerId => IssuerProfile) private _issuerProfiles;
    mapping(address account => uint32 issuerId) private _issuerIds;
    mapping(uint64 courseId => Course) private _courses;
    mapping(uint64 courseId => string) private _courseURIs;
    mapping(bytes32 root => Cohort) private _cohorts;
    mapping(address holder => mapping(uint64 courseId => Certificate)) private _certificates;
    /// @dev Why a token id can no longer be minted: a successor id, FATE_BURNED or
    ///      FATE_REVOKED_UNCLAIMED; 0 while nothing happened to it.
    mapping(uint256 tokenId => uint256 fate) private _fates;

    /// @dev Set only for the duration of a recovery, the one transfer `_update` allows.
    bool private transient _recovering;

    // ---------------------------------------------------------------------------------------
    // Construction
    // ---------------------------------------------------------------------------------------

    /// @notice Deploys the registry.
    /// @param admin Holder of the admin and registrar roles.
    constructor(address admin) ERC721("Busan Academy Certificate", "BACERT") EIP712("Busan Academy Certificates", "1") {
        if (admin == address(0)) revert AcademyCertificatesZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(REGISTRAR_ROLE, admin);
    }

    // ---------------------------------------------------------------------------------------
    // Issuers
    // ---------------------------------------------------------------------------------------

    /// @inheritdoc IAcademyCertificates
    function registerIssuer(
        address account,
        string calldata name,
        string calldata metadataURI
    ) external onlyRole(REGISTRAR_ROLE) returns (uint32 issuerId) {
        if (account == address(0)) revert AcademyCertificatesZeroAddress();
        uint32 existing = _issuerIds[account];
        if (existing != 0) revert AcademyCertificatesAccountAlreadyIssuer(account, existing);
        issuerId = ++_issuerCount;
        _issuers[issuerId] = Issuer({
            account: account,
            registeredAt: uint40(block.timestamp),
            retiredAt: 0,
            suspended: false
        });
        _issuerProfiles[issuerId] = IssuerProfile({name: name, metadataURI: metadataURI});
        _issuerIds[account] = issuerId;
        emit IssuerRegistered(issuerId, account, name, metadataURI);
    }

    /// @inheritdoc IAcademyCertificates
    function setIssuerSuspended(uint32 issuerId, bool suspended) external onlyRole(REGISTRAR_ROLE) {
        Issuer storage record = _existingIssuer(issuerId);
        if (record.retiredAt != 0) revert AcademyCertificatesIssuerNotActive(issuerId);
        if (record.suspended == suspended) revert AcademyCertificatesIssuerSuspensionUnchanged(issuerId, suspended);
        record.suspended = suspended;
        emit IssuerSuspensionChanged(issuerId, suspended);
    }

    /// @inheritdoc IAcademyCertificates
    function retireIssuer(uint32 issuerId, uint40 retiredAt) external onlyRole(REGISTRAR_ROLE) {
        Issuer storage record = _existingIssuer(issuerId);
        if (record.retiredAt != 0) revert AcademyCertificatesIssuerNotActive(issuerId);
        if (retiredAt < record.registeredAt || retiredAt > block.timestamp) {
            revert AcademyCertificatesInvalidRetirementTime(issuerId, retiredAt);
        }
        record.retiredAt = retiredAt;
        emit IssuerRetired(issuerId, retiredAt);
    }

    // ---------------------------------------------------------------------------------------
    // Courses and issuance
    // ---------------------------------------------------------------------------------------

    /// @inheritdoc IAcademyCertificates
    function createCourse(
        string calldata metadataURI,
        bytes32 metadataHash,
        uint40 maxValidity,
        bool revocable
    ) external returns (uint64 courseId) {
        uint32 issuerId = _issuerIds[msg.sender];
        if (issuerId == 0) revert AcademyCertificatesNotIssuer(msg.sender);
        Issuer storage record = _issuers[issuerId];
        if (record.suspended || record.retiredAt != 0) revert AcademyCertificatesIssuerNotActive(issuerId);
        courseId = ++_courseCount;
        _courses[courseId] = Course({
            issuerId: issuerId,
            maxValidity: maxValidity,
            revocable: revocable,
            metadataHash: metadataHash
        });
        _courseURIs[courseId] = metadataURI;
        emit CourseCreated(courseId, issuerId, metadataURI, metadataHash, maxValidity, revocable);
    }

    /// @inheritdoc IAcademyCertificates
    function issue(LeafFields calldata fields) external returns (uint256 tokenId) {
        Course storage record = _requireCourseIssuer(fields.courseId);
        tokenId = _mintCertificate(fields, _leaf(fields), record.maxValidity, uint40(block.timestamp), bytes32(0));
    }

    /// @inheritdoc IAcademyCertificates
    function anchorCohort(bytes32 root, uint64 courseId, uint32 graduates) external {
        if (root == bytes32(0)) revert AcademyCertificatesZeroRoot();
        if (graduates == 0) revert AcademyCertificatesEmptyCohort();
        Course storage record = _requireCourseIssuer(courseId);
        Cohort storage entry = _cohorts[root];
        if (entry.courseId != 0) revert AcademyCertificatesCohortAlreadyAnchored(root);
        entry.courseId = courseId;
        entry.anchoredAt = uint40(block.timestamp);
        emit CohortAnchored(root, courseId, record.issuerId, graduates);
    }

    /// @inheritdoc IAcademyCertificates
    function claim(
        bytes32 root,
        LeafFields calldata fields,
        bytes32[] calldata proof
    ) external returns (uint256 tokenId) {
        if (msg.sender != fields.recipient) revert AcademyCertificatesInvalidConsent(fields.recipient);
        tokenId = _claim(root, fields, proof);
    }

    /// @inheritdoc IAcademyCertificates
    function claimWithConsent(
        bytes32 root,
        LeafFields calldata fields,
        bytes32[] calldata proof,
        uint256 deadline,
        bytes calldata signature
    ) external returns (uint256 tokenId) {
        uint256 expected = _tokenIdOf(_leaf(fields), fields.courseId);
        bytes32 structHash = keccak256(
            abi.encode(CLAIM_CONSENT_TYPEHASH, expected, _useNonce(fields.recipient), deadline)
        );
        _checkConsent(fields.recipient, structHash, deadline, signature);
        tokenId = _claim(root, fields, proof);
    }

    // ---------------------------------------------------------------------------------------
    // Status changes
    // ---------------------------------------------------------------------------------------

    /// @inheritdoc IAcademyCertificates
    function revoke(uint256[] calldata tokenIds, uint8 reasonCode, bytes32 reasonHash) external {
        uint256 count = tokenIds.length;
        if (count == 0 || count > MAX_BATCH) revert AcademyCertificatesInvalidBatchSize(count, MAX_BATCH);
        // Course ids start at 1, so 0 means "none checked yet"; an id of course 0 is still checked
        // (and refused as an unknown course) instead of matching that initial value.
        uint64 checkedCourse = 0;
        for (uint256 i = 0; i < count; ++i) {
            uint256 tokenId = tokenIds[i];
            uint64 courseId = uint64(tokenId);
            if (courseId != checkedCourse || courseId == 0) {
                Course storage record = _requireCourseIssuer(courseId);
                if (!record.revocable) revert AcademyCertificatesNotRevocable(courseId);
                checkedCourse = courseId;
            }
            address holder = _ownerOf(tokenId);
            if (holder != address(0)) {
                Certificate storage cert = _certificates[holder][courseId];
                if (cert.revoked) revert AcademyCertificatesAlreadyRevoked(tokenId);
                cert.revoked = true;
            } else {
                uint256 fate = _fates[tokenId];
                if (fate == FATE_REVOKED_UNCLAIMED) revert AcademyCertificatesAlreadyRevoked(tokenId);
                if (fate != 0) revert AcademyCertificatesUnknownCertificate(tokenId);
                _fates[tokenId] = FATE_REVOKED_UNCLAIMED;
            }
            emit CertificateRevoked(tokenId, courseId, reasonCode, reasonHash);
        }
    }

    /// @inheritdoc IAcademyCertificates
    function setSuspended(uint256 tokenId, bool suspended) external {
        uint64 courseId = uint64(tokenId);
        Course storage record = _requireCourseIssuer(courseId);
        if (!record.revocable) revert AcademyCertificatesNotRevocable(courseId);
        Certificate storage cert = _certificates[_liveHolder(tokenId)][courseId];
        if (cert.suspended == suspended) revert AcademyCertificatesSuspensionUnchanged(tokenId, suspended);
        cert.suspended = suspended;
        emit CertificateSuspensionChanged(tokenId, suspended);
    }

    /// @inheritdoc IAcademyCertificates
    function reissue(uint256 oldTokenId, LeafFields calldata fields) external returns (uint256 newTokenId) {
        uint64 oldCourse = uint64(oldTokenId);
        if (fields.courseId != oldCourse) revert AcademyCertificatesReissueCourseMismatch(oldTokenId, fields.courseId);
        Course storage record = _requireCourseIssuer(oldCourse);
        address holder = _liveHolder(oldTokenId);
        bytes32 leaf = _leaf(fields);
        newTokenId = _tokenIdOf(leaf, fields.courseId);
        if (newTokenId == oldTokenId) revert AcademyCertificatesAlreadyIssued(newTokenId);
        delete _certificates[holder][oldCourse];
        _fates[oldTokenId] = newTokenId;
        _burn(oldTokenId);
        _mintCertificate(fields, leaf, record.maxValidity, uint40(block.timestamp), bytes32(0));
        emit CertificateReissued(oldTokenId, newTokenId);
    }

    /// @inheritdoc IAcademyCertificates
    function recover(uint256 tokenId, address newHolder, uint256 deadline, bytes calldata signature) external {
        uint64 courseId = uint64(tokenId);
        _requireCourseIssuer(courseId);
        address holder = _liveHolder(tokenId);
        if (newHolder == address(0)) revert AcademyCertificatesZeroAddress();
        Certificate storage target = _certificates[newHolder][courseId];
        if (target.issuedAt != 0) revert AcademyCertificatesHolderAlreadyCertified(newHolder, courseId);
        bytes32 structHash = keccak256(
            abi.encode(RECOVERY_CONSENT_TYPEHASH, tokenId, newHolder, _useNonce(newHolder), deadline)
        );
        _checkConsent(newHolder, structHash, deadline, signature);
        Certificate storage source = _certificates[holder][courseId];
        _certificates[newHolder][courseId] = source;
        delete _certificates[holder][courseId];
        _recovering = true;
        _update(newHolder, tokenId, address(0));
        _recovering = false;
        emit CertificateRecovered(tokenId, holder, newHolder);
    }

    /// @inheritdoc IAcademyCertificates
    function burn(uint256 tokenId) external {
        address holder = _ownerOf(tokenId);
        if (holder != msg.sender) revert AcademyCertificatesNotHolder(tokenId, msg.sender);
        delete _certificates[holder][uint64(tokenId)];
        _fates[tokenId] = FATE_BURNED;
        _burn(tokenId);
        emit CertificateBurned(tokenId, holder);
    }

    // ---------------------------------------------------------------------------------------
    // Soulbound: transfers and approvals
    // ---------------------------------------------------------------------------------------

    /// @notice Approvals are disabled: certificates cannot be transferred.
    /// @dev Always reverts.
    function approve(address, uint256) public pure override {
        revert AcademyCertificatesApprovalDisabled();
    }

    /// @notice Approvals are disabled: certificates cannot be transferred.
    /// @dev Always reverts.
    function setApprovalForAll(address, bool) public pure override {
        revert AcademyCertificatesApprovalDisabled();
    }

    /// @inheritdoc IERC5192
    function locked(uint256 tokenId) external view returns (bool isLocked) {
        _requireOwned(tokenId);
        return true;
    }

    // ---------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------

    /// @inheritdoc ICertificateVerifier
    function hasValidCertificate(address holder, uint256 courseId) external view returns (bool valid) {
        if (courseId > COURSE_ID_MASK) return false;
        uint64 id = uint64(courseId);
        Certificate memory cert = _certificates[holder][id];
        if (cert.issuedAt == 0) return false;
        (Status status, ) = _evaluate(id, cert);
        return status == Status.Valid;
    }

    /// @inheritdoc IAcademyCertificates
    function verifyCertificate(uint256 tokenId) external view returns (Status status) {
        return _certificateState(tokenId).status;
    }

    /// @inheritdoc IAcademyCertificates
    function verifyLeaf(
        bytes32 root,
        LeafFields calldata fields,
        bytes32[] calldata proof
    ) external view returns (Status status) {
        return _leafState(root, fields, proof).status;
    }

    /// @inheritdoc IAcademyCertificates
    function certificateState(uint256 tokenId) external view returns (CertificateState memory state) {
        return _certificateState(tokenId);
    }

    /// @inheritdoc IAcademyCertificates
    function leafState(
        bytes32 root,
        LeafFields calldata fields,
        bytes32[] calldata proof
    ) external view returns (CertificateState memory state) {
        return _leafState(root, fields, proof);
    }

    /// @inheritdoc IAcademyCertificates
    function leafOf(LeafFields calldata fields) external view returns (bytes32 leaf) {
        return _leaf(fields);
    }

    /// @inheritdoc IAcademyCertificates
    function tokenIdOf(bytes32 leaf, uint64 courseId) external pure returns (uint256 tokenId) {
        return _tokenIdOf(leaf, courseId);
    }

    /// @inheritdoc IAcademyCertificates
    function issuer(uint32 issuerId) external view returns (Issuer memory issuer_) {
        return _issuers[issuerId];
    }

    /// @inheritdoc IAcademyCertificates
    function issuerProfile(uint32 issuerId) external view returns (string memory name, string memory metadataURI) {
        IssuerProfile storage profile = _issuerProfiles[issuerId];
        return (profile.name, profile.metadataURI);
    }

    /// @inheritdoc IAcademyCertificates
    function issuerIdOf(address account) external view returns (uint32 issuerId) {
        return _issuerIds[account];
    }

    /// @inheritdoc IAcademyCertificates
    function issuerCount() external view returns (uint32 count) {
        return _issuerCount;
    }

    /// @inheritdoc IAcademyCertificates
    function course(uint64 courseId) external view returns (Course memory course_) {
        return _courses[courseId];
    }

    /// @inheritdoc IAcademyCertificates
    function courseMetadataURI(uint64 courseId) external view returns (string memory metadataURI) {
        return _courseURIs[courseId];
    }

    /// @inheritdoc IAcademyCertificates
    function courseCount() external view returns (uint64 count) {
        return _courseCount;
    }

    /// @inheritdoc IAcademyCertificates
    function cohort(bytes32 root) external view returns (uint64 courseId, uint40 anchoredAt) {
        Cohort memory entry = _cohorts[root];
        return (entry.courseId, entry.anchoredAt);
    }

    /// @inheritdoc IAcademyCertificates
    function supersededBy(uint256 tokenId) external view returns (uint256 successor) {
        uint256 fate = _fates[tokenId];
        return fate >= FATE_REVOKED_UNCLAIMED ? 0 : fate;
    }

    /// @inheritdoc IAcademyCertificates
    function recoveryDigest(
        uint256 tokenId,
        address newHolder,
        uint256 deadline
    ) external view returns (bytes32 digest) {
        return
            _hashTypedDataV4(
                keccak256(abi.encode(RECOVERY_CONSENT_TYPEHASH, tokenId, newHolder, nonces(newHolder), deadline))
            );
    }

    /// @inheritdoc IAcademyCertificates
    function claimDigest(uint256 tokenId, address recipient, uint256 deadline) external view returns (bytes32 digest) {
        return _hashTypedDataV4(keccak256(abi.encode(CLAIM_CONSENT_TYPEHASH, tokenId, nonces(recipient), deadline)));
    }

    /// @notice ERC-165: ERC-721, ERC-5192, AccessControl.
    /// @param interfaceId The interface.
    /// @return supported Whether it is supported.
    function supportsInterface(
        bytes4 interfaceId
    ) public view override(ERC721, AccessControl) returns (bool supported) {
        return interfaceId == type(IERC5192).interfaceId || super.supportsInterface(interfaceId);
    }

    // ---------------------------------------------------------------------------------------
    // Internal
    // ---------------------------------------------------------------------------------------

    /// @dev The single transfer rule: mints and burns pass, a transfer only during a recovery.
    function _update(address to, uint256 tokenId, address auth) internal override returns (address from) {
        from = _ownerOf(tokenId);
        if (from != address(0) && to != address(0) && !_recovering) revert AcademyCertificatesSoulbound(tokenId);
        return super._update(to, tokenId, auth);
    }

    /// @dev Claims a cohort leaf for its recipient.
    function _claim(bytes32 root, LeafFields calldata fields, bytes32[] calldata proof) private returns (uint256) {
        Cohort memory entry = _cohorts[root];
        if (entry.courseId == 0) revert AcademyCertificatesUnknownCohort(root);
        if (entry.courseId != fields.courseId) revert AcademyCertificatesCohortCourseMismatch(root, fields.courseId);
        bytes32 leaf = _leaf(fields);
        if (!MerkleProof.verifyCalldata(proof, root, leaf)) revert AcademyCertificatesInvalidProof(root, leaf);
        return _mintCertificate(fields, leaf, _courses[fields.courseId].maxValidity, entry.anchoredAt, root);
    }

    /// @dev Validates and mints one certificate; the token id is derived from the fields' leaf.
    function _mintCertificate(
        LeafFields calldata fields,
        bytes32 leaf,
        uint40 maxValidity,
        uint40 issuedAt,
        bytes32 root
    ) private returns (uint256 tokenId) {
        address recipient = fields.recipient;
        uint64 courseId = fields.courseId;
        if (recipient == address(0)) revert AcademyCertificatesZeroAddress();
        _checkValidity(courseId, maxValidity, fields.validFrom, fields.validUntil);
        tokenId = _tokenIdOf(leaf, courseId);
        uint256 fate = _fates[tokenId];
        if (fate == FATE_REVOKED_UNCLAIMED) revert AcademyCertificatesLeafRevoked(tokenId);
        if (fate != 0 || _ownerOf(tokenId) != address(0)) revert AcademyCertificatesAlreadyIssued(tokenId);
        Certificate storage cert = _certificates[recipient][courseId];
        if (cert.issuedAt != 0) revert AcademyCertificatesHolderAlreadyCertified(recipient, courseId);
        _certificates[recipient][courseId] = Certificate({
            issuedAt: issuedAt,
            validFrom: fields.validFrom,
            validUntil: fields.validUntil,
            revoked: false,
            suspended: false
        });
        _mint(recipient, tokenId);
        emit Locked(tokenId);
        emit CertificateIssued(tokenId, recipient, courseId, root);
    }

    /// @dev Requires the caller to be the active issuer account of an existing course.
    function _requireCourseIssuer(uint64 courseId) private view returns (Course storage record) {
        record = _courses[courseId];
        uint32 issuerId = record.issuerId;
        if (issuerId == 0) revert AcademyCertificatesUnknownCourse(courseId);
        Issuer storage owner = _issuers[issuerId];
        if (owner.account != msg.sender) revert AcademyCertificatesNotCourseIssuer(courseId, msg.sender);
        if (owner.suspended || owner.retiredAt != 0) revert AcademyCertificatesIssuerNotActive(issuerId);
    }

    /// @dev A registered issuer.
    function _existingIssuer(uint32 issuerId) private view returns (Issuer storage record) {
        record = _issuers[issuerId];
        if (record.account == address(0)) revert AcademyCertificatesUnknownIssuer(issuerId);
    }

    /// @dev The holder of a live token.
    function _liveHolder(uint256 tokenId) private view returns (address holder) {
        holder = _ownerOf(tokenId);
        if (holder == address(0)) revert AcademyCertificatesUnknownCertificate(tokenId);
    }

    /// @dev Reverts unless `signer` signed `structHash` under this contract's EIP-712 domain.
    function _checkConsent(
        address signer,
        bytes32 structHash,
        uint256 deadline,
        bytes calldata signature
    ) private view {
        if (block.timestamp > deadline) revert AcademyCertificatesConsentExpired(deadline);
        if (!SignatureChecker.isValidSignatureNowCalldata(signer, _hashTypedDataV4(structHash), signature)) {
            revert AcademyCertificatesInvalidConsent(signer);
        }
    }

    /// @dev Validity must be a non-empty period within the course maximum.
    function _checkValidity(uint64 courseId, uint40 maxValidity, uint40 validFrom, uint40 validUntil) private pure {
        if (!_validityAllowed(maxValidity, validFrom, validUntil)) {
            if (validUntil != 0 && validUntil <= validFrom) {
                revert AcademyCertificatesInvalidValidity(validFrom, validUntil);
            }
            revert AcademyCertificatesValidityTooLong(courseId, validFrom, validUntil, maxValidity);
        }
    }

    /// @dev Whether a validity period is acceptable for a course.
    function _validityAllowed(uint40 maxValidity, uint40 validFrom, uint40 validUntil) private pure returns (bool) {
        if (validUntil != 0 && validUntil <= validFrom) return false;
        if (maxValidity == 0) return true;
        // validUntil > validFrom here, so the subtraction cannot underflow.
        return validUntil != 0 && validUntil - validFrom <= maxValidity;
    }

    /// @dev State of a token id.
    function _certificateState(uint256 tokenId) private view returns (CertificateState memory state) {
        uint64 courseId = uint64(tokenId);
        state.tokenId = tokenId;
        state.courseId = courseId;
        uint256 fate = _fates[tokenId];
        address holder = _ownerOf(tokenId);
        state.holder = holder;
        if (fate != 0 && fate < FATE_REVOKED_UNCLAIMED) {
            state.successor = fate;
            state.status = Status.Superseded;
            _fillIssuer(state);
            return state;
        }
        if (holder == address(0)) {
            state.status = fate == FATE_REVOKED_UNCLAIMED ? Status.Revoked : Status.NotFound;
            _fillIssuer(state);
            return state;
        }
        Certificate memory cert = _certificates[holder][courseId];
        state.issuedAt = cert.issuedAt;
        state.validFrom = cert.validFrom;
        state.validUntil = cert.validUntil;
        (state.status, state.issuerId) = _evaluate(courseId, cert);
        state.issuerAccount = _issuers[state.issuerId].account;
    }

    /// @dev State of a cohort leaf: the token's once claimed, otherwise evaluated from the fields.
    function _leafState(
        bytes32 root,
        LeafFields calldata fields,
        bytes32[] calldata proof
    ) private view returns (CertificateState memory state) {
        bytes32 leaf = _leaf(fields);
        uint256 tokenId = _tokenIdOf(leaf, fields.courseId);
        Cohort memory entry = _cohorts[root];
        bool anchored = entry.courseId != 0 && entry.courseId == fields.courseId;
        bool proofValid = MerkleProof.verifyCalldata(proof, root, leaf);
        if (anchored && proofValid && (_ownerOf(tokenId) != address(0) || _fates[tokenId] != 0)) {
            state = _certificateState(tokenId);
        } else {
            state.tokenId = tokenId;
            state.courseId = fields.courseId;
            state.issuedAt = entry.anchoredAt;
            state.validFrom = fields.validFrom;
            state.validUntil = fields.validUntil;
            if (entry.courseId == 0) {
                state.status = Status.UnknownIssuer;
                _fillIssuer(state);
            } else if (
                !anchored ||
                !proofValid ||
                !_validityAllowed(_courses[fields.courseId].maxValidity, fields.validFrom, fields.validUntil)
            ) {
                state.status = Status.NotFound;
                _fillIssuer(state);
            } else {
                Certificate memory pending = Certificate({
                    issuedAt: entry.anchoredAt,
                    validFrom: fields.validFrom,
                    validUntil: fields.validUntil,
                    revoked: false,
                    suspended: false
                });
                (state.status, state.issuerId) = _evaluate(fields.courseId, pending);
                state.issuerAccount = _issuers[state.issuerId].account;
            }
        }
        state.anchored = anchored;
        state.proofValid = proofValid;
    }

    /// @dev Fills the issuer of the state's course.
    function _fillIssuer(CertificateState memory state) private view {
        uint32 issuerId = _courses[state.courseId].issuerId;
        state.issuerId = issuerId;
        state.issuerAccount = _issuers[issuerId].account;
    }

    /// @dev The verdict on a certificate of a course at the current block time.
    function _evaluate(uint64 courseId, Certificate memory cert) private view returns (Status, uint32 issuerId) {
        issuerId = _courses[courseId].issuerId;
        if (cert.revoked) return (Status.Revoked, issuerId);
        Issuer memory owner = _issuers[issuerId];
        if (owner.account == address(0)) return (Status.UnknownIssuer, issuerId);
        if (owner.retiredAt != 0 && cert.issuedAt >= owner.retiredAt) return (Status.IssuerRetired, issuerId);
        if (owner.suspended || cert.suspended) return (Status.Suspended, issuerId);
        if (block.timestamp < cert.validFrom) return (Status.NotYetValid, issuerId);
        if (cert.validUntil != 0 && block.timestamp >= cert.validUntil) return (Status.Expired, issuerId);
        return (Status.Valid, issuerId);
    }

    /// @dev The StandardMerkleTree leaf of certificate fields on this chain and contract.
    function _leaf(LeafFields calldata fields) private view returns (bytes32) {
        return
            keccak256(
                bytes.concat(
                    keccak256(
                        abi.encode(
                            block.chainid,
                            address(this),
                            fields.courseId,
                            fields.recipient,
                            fields.nameCommitment,
                            fields.validFrom,
                            fields.validUntil
                        )
                    )
                )
            );
    }

    /// @dev The leaf's high 192 bits followed by the course id.
    function _tokenIdOf(bytes32 leaf, uint64 courseId) private pure returns (uint256) {
        return (uint256(leaf) & ~COURSE_ID_MASK) | uint256(courseId);
    }
}
