// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IPartnershipRegistry
/// @notice A public registry of memoranda of understanding (MOUs) between organisations: who
///         promised what, when every party signed, what was delivered with evidence, and how an
///         agreement ended. Long text stays off chain: the registry stores hashes and emits URIs.
/// @dev Parties sign EIP-712 typed data (`AgreementSignature` with a nested `Terms`) that binds the
///      agreement id, the version, the document hash, the commitments hash and the dates, with the
///      party's nonce and a deadline. Signatures are raw `bytes` checked with OpenZeppelin
///      SignatureChecker, so EOAs and ERC-1271 contract wallets (multisigs) can sign. Anyone can
///      relay signatures. Status that follows from time (Cancelled, Expired, Terminated after the
///      notice period, Overdue) is derived when read, never stored.
interface IPartnershipRegistry {
    // ---------------------------------------------------------------------------------------------
    // Types
    // ---------------------------------------------------------------------------------------------

    /// @notice What kind of organisation a party is.
    enum OrganisationKind {
        City,
        Exchange,
        University,
        Foundation,
        Company
    }

    /// @notice The life cycle of an agreement. Cancelled, Expired and Terminated are final.
    enum AgreementStatus {
        None, // no such agreement
        Pending, // proposed, not yet signed by every party, signing deadline not passed
        Active, // every party signed a version; it is in force
        Expired, // the version in force reached its expiry date
        Terminated, // ended by all parties, or by one party after the notice period
        Cancelled // the signing deadline of the first version passed before every party signed
    }

    /// @notice The kind of a promise.
    enum CommitmentCategory {
        Charity,
        Education,
        Research,
        Investment,
        Event,
        Office,
        Other
    }

    /// @notice Where a commitment stands. Overdue is derived: Open past its due date.
    enum CommitmentStatus {
        Open,
        Overdue,
        Reported,
        Acknowledged,
        Disputed
    }

    /// @notice A registered organisation.
    struct Organisation {
        string name; // display name, e.g. "City of Busan"
        string metadataURI; // off-chain profile (website, logo, legal identity)
        OrganisationKind kind;
        bool active; // inactive organisations cannot sign, propose or report
        uint64 registeredAt; // block timestamp of registration
        uint32 signerCount; // number of authorised signer accounts
    }

    /// @notice A commitment as proposed; hashed into the version's commitments hash.
    // Call and return data only, never stored: field order follows meaning, not slot packing.
    // solhint-disable-next-line gas-struct-packing
    struct CommitmentInput {
        uint8 responsibleParty; // index into the agreement's parties
        CommitmentCategory category;
        uint64 dueDate; // unix seconds; non-zero, at most MAX_DUE_DATE
        bytes32 descriptionHash; // hash of the off-chain description
        string descriptionURI; // where the description is published (emitted, not stored)
    }

    /// @notice The terms of one version of an agreement, as proposed.
    struct TermsInput {
        bytes32 documentHash; // SHA-256 of the signed document (same as `sha256sum`)
        string documentURI; // where the document is published (emitted, not stored)
        uint64 effectiveAt; // when the agreement takes effect (unix seconds)
        uint64 expiresAt; // when it expires; 0 = no expiry date
        uint64 signingDeadline; // every party must sign this version by then (inclusive); before expiresAt
        uint64 noticePeriod; // seconds between a unilateral termination notice and its effect
        CommitmentInput[] commitments; // at most MAX_COMMITMENTS
    }

    /// @notice The signed part of a version (EIP-712 struct `Terms`).
    struct Terms {
        bytes32 documentHash;
        bytes32 commitmentsHash; // EIP-712 encoding of the `Commitment[]` array
        uint64 effectiveAt;
        uint64 expiresAt;
        uint64 signingDeadline;
        uint64 noticePeriod;
    }

    /// @notice One party's EIP-712 signature of a version, as relayed.
    struct SignatureInput {
        uint256 agreementId;
        uint32 version; // the version being signed; must be the latest proposed version
        uint8 partyIndex; // index into the agreement's parties
        address signer; // an authorised signer of that party (EOA or ERC-1271 wallet)
        uint256 nonce; // the party's current nonce on this agreement
        uint256 deadline; // the signature is valid until this timestamp (inclusive)
        bytes signature; // raw bytes: 65-byte ECDSA or whatever the ERC-1271 wallet accepts
    }

    /// @notice One party's EIP-712 consent to terminate, as relayed.
    struct TerminationSignature {
        uint8 partyIndex;
        address signer;
        uint256 deadline;
        bytes signature;
    }

    /// @notice An agreement as seen from outside.
    // Call and return data only, never stored: field order follows meaning, not slot packing.
    // solhint-disable-next-line gas-struct-packing
    struct AgreementView {
        AgreementStatus status;
        uint32 currentVersion; // the version in force (0 before activation)
        uint32 latestVersion; // the latest proposed version (> currentVersion while an amendment is pending)
        uint32[] parties; // organisation ids
        uint64 proposedAt;
        uint64 terminationEffectiveAt; // 0 when no termination was given
        bool terminatedByConsent;
        uint16 commitmentCount; // across all versions
    }

    /// @notice One version of an agreement.
    struct VersionView {
        bytes32 termsHash; // EIP-712 struct hash of `Terms`
        bytes32 documentHash;
        uint64 effectiveAt;
        uint64 expiresAt;
        uint64 signingDeadline;
        uint64 noticePeriod;
        uint16 firstCommitment; // index of the version's first commitment
        uint8 commitmentCount;
        uint8 signedMask; // bit i set when party i signed this version
        uint64 activatedAt; // 0 until every party signed
    }

    /// @notice One commitment.
    // Call and return data only, never stored: field order follows meaning, not slot packing.
    // solhint-disable-next-line gas-struct-packing
    struct CommitmentView {
        uint8 responsibleParty;
        CommitmentCategory category;
        uint64 dueDate;
        CommitmentStatus status;
        bytes32 evidenceHash; // of the latest fulfilment report; 0 when none
    }

    // ---------------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------------

    /// @notice No organisation has this id.
    /// @param orgId The id.
    error PartnershipRegistryUnknownOrganisation(uint32 orgId);
    /// @notice The organisation is deactivated.
    /// @param orgId The id.
    error PartnershipRegistryOrganisationInactive(uint32 orgId);
    /// @notice An organisation needs a name.
    error PartnershipRegistryEmptyName();
    /// @notice The zero address cannot be a signer.
    error PartnershipRegistryZeroSigner();
    /// @notice The signer is already in the requested state (authorised or not).
    /// @param orgId The organisation.
    /// @param signer The account.
    /// @param authorised The state requested.
    error PartnershipRegistrySignerUnchanged(uint32 orgId, address signer, bool authorised);
    /// @notice The organisation is already in the requested active state.
    /// @param orgId The organisation.
    /// @param active The state requested.
    error PartnershipRegistryActiveUnchanged(uint32 orgId, bool active);
    /// @notice The account is not an authorised signer of the organisation.
    /// @param orgId The organisation.
    /// @param account The account.
    error PartnershipRegistryNotSigner(uint32 orgId, address account);
    /// @notice The caller is neither a registrar nor a signer of any proposed party.
    /// @param account The caller.
    error PartnershipRegistryUnauthorisedProposer(address account);
    /// @notice No agreement has this id.
    /// @param agreementId The id.
    error PartnershipRegistryUnknownAgreement(uint256 agreementId);
    /// @notice An agreement needs between MIN_PARTIES and MAX_PARTIES parties.
    /// @param count The number given.
    error PartnershipRegistryPartyCount(uint256 count);
    /// @notice An organisation appears twice among the parties.
    /// @param orgId The organisation.
    error PartnershipRegistryDuplicateParty(uint32 orgId);
    /// @notice The document hash is zero.
    error PartnershipRegistryEmptyDocumentHash();
    /// @notice The dates do not make sense (deadline passed, expiry not after the effective date,
    ///         signing deadline not before the expiry, or a value beyond the 40-bit timestamp range).
    /// @param effectiveAt Given effective date.
    /// @param expiresAt Given expiry date.
    /// @param signingDeadline Given signing deadline.
    error PartnershipRegistryInvalidDates(uint64 effectiveAt, uint64 expiresAt, uint64 signingDeadline);
    /// @notice The notice period exceeds MAX_NOTICE_PERIOD.
    /// @param noticePeriod Given period.
    error PartnershipRegistryNoticePeriodTooLong(uint64 noticePeriod);
    /// @notice A version has more than MAX_COMMITMENTS commitments.
    /// @param count The number given.
    error PartnershipRegistryTooManyCommitments(uint256 count);
    /// @notice A commitment names a party that does not exist or has no due date.
    /// @param index Position of the commitment in the input.
    error PartnershipRegistryInvalidCommitment(uint256 index);
    /// @notice The version is not the latest proposed one awaiting signatures.
    /// @param agreementId The agreement.
    /// @param expected The version awaiting signatures (0 when none).
    /// @param given The version given.
    error PartnershipRegistryWrongVersion(uint256 agreementId, uint32 expected, uint32 given);
    /// @notice The agreement has no party at this index.
    /// @param agreementId The agreement.
    /// @param partyIndex The index.
    error PartnershipRegistryUnknownParty(uint256 agreementId, uint256 partyIndex);
    /// @notice The signature's own deadline has passed.
    /// @param deadline The deadline.
    error PartnershipRegistrySignatureExpired(uint256 deadline);
    /// @notice The version's signing deadline has passed.
    /// @param agreementId The agreement.
    /// @param version The version.
    /// @param signingDeadline Its signing deadline.
    error PartnershipRegistrySigningClosed(uint256 agreementId, uint32 version, uint64 signingDeadline);
    /// @notice The nonce is not the party's current nonce on this agreement.
    /// @param expected The current nonce.
    /// @param given The nonce given.
    error PartnershipRegistryWrongNonce(uint256 expected, uint256 given);
    /// @notice The party already signed this version.
    /// @param agreementId The agreement.
    /// @param version The version.
    /// @param partyIndex The party.
    error PartnershipRegistryAlreadySigned(uint256 agreementId, uint32 version, uint256 partyIndex);
    /// @notice The party has not signed the version awaiting signatures.
    /// @param agreementId The agreement.
    /// @param version The version.
    /// @param partyIndex The party.
    error PartnershipRegistryNotSigned(uint256 agreementId, uint32 version, uint256 partyIndex);
    /// @notice The signature is not valid for the signer (bad, malleable, or refused by the wallet).
    /// @param signer The claimed signer.
    error PartnershipRegistryInvalidSignature(address signer);
    /// @notice The agreement is not in the status this action needs.
    /// @param agreementId The agreement.
    /// @param status Its status.
    error PartnershipRegistryWrongStatus(uint256 agreementId, AgreementStatus status);
    /// @notice A termination notice is already running.
    /// @param agreementId The agreement.
    /// @param effectiveAt When it takes effect.
    error PartnershipRegistryTerminationPending(uint256 agreementId, uint64 effectiveAt);
    /// @notice A batch is empty or larger than MAX_BATCH, or a signer list would exceed MAX_SIGNERS.
    /// @param count The number given.
    error PartnershipRegistryBatchSize(uint256 count);
    /// @notice A consent termination lacks the signature of a party.
    /// @param agreementId The agreement.
    /// @param partyIndex The first party missing.
    error PartnershipRegistryMissingParty(uint256 agreementId, uint256 partyIndex);
    /// @notice A reason, evidence or description hash is zero.
    error PartnershipRegistryEmptyHash();
    /// @notice No commitment of the version in force has this index.
    /// @param agreementId The agreement.
    /// @param index The index.
    error PartnershipRegistryUnknownCommitment(uint256 agreementId, uint256 index);
    /// @notice The party is the one responsible for the commitment, not a counterparty.
    /// @param agreementId The agreement.
    /// @param index The commitment.
    /// @param partyIndex The party.
    error PartnershipRegistryNotCounterparty(uint256 agreementId, uint256 index, uint256 partyIndex);
    /// @notice The commitment is not in a state that allows this action.
    /// @param agreementId The agreement.
    /// @param index The commitment.
    /// @param status Its status.
    error PartnershipRegistryCommitmentState(uint256 agreementId, uint256 index, CommitmentStatus status);

    // ---------------------------------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------------------------------

    // Events index the ids and addresses the SDK filters on; flags, dates and versions are data.
    // solhint-disable gas-indexed-events
    /// @notice An organisation was registered.
    /// @param orgId Its id.
    /// @param kind Its kind.
    /// @param name Its name.
    /// @param metadataURI Its profile URI.
    event OrganisationRegistered(uint32 indexed orgId, OrganisationKind kind, string name, string metadataURI);
    /// @notice An account was authorised or de-authorised to sign for an organisation.
    /// @param orgId The organisation.
    /// @param signer The account.
    /// @param authorised The new state.
    event SignerSet(uint32 indexed orgId, address indexed signer, bool authorised);
    /// @notice An organisation was deactivated or reactivated.
    /// @param orgId The organisation.
    /// @param active The new state.
    event OrganisationActiveSet(uint32 indexed orgId, bool active);
    /// @notice An agreement was proposed (its first version follows in `VersionProposed`).
    /// @param agreementId The agreement.
    /// @param proposer The caller.
    /// @param title The title (emitted only).
    /// @param parties Organisation ids of the parties.
    event AgreementProposed(uint256 indexed agreementId, address indexed proposer, string title, uint32[] parties);
    /// @notice A version (the first, or an amendment) was proposed.
    /// @param agreementId The agreement.
    /// @param version The version number.
    /// @param proposer The caller.
    /// @param terms The signed terms.
    /// @param documentURI Where the document is published.
    /// @param commitments The version's commitments; the first has index `firstCommitment`.
    event VersionProposed(
        uint256 indexed agreementId,
        uint32 indexed version,
        address indexed proposer,
        Terms terms,
        string documentURI,
        CommitmentInput[] commitments
    );
    /// @notice A party signed a version.
    /// @param agreementId The agreement.
    /// @param orgId The party's organisation.
    /// @param version The version.
    /// @param signer The signing account.
    event AgreementSigned(uint256 indexed agreementId, uint32 indexed orgId, uint32 version, address signer);
    /// @notice A party withdrew its signature of a pending version; its nonce moved on.
    /// @param agreementId The agreement.
    /// @param version The version.
    /// @param orgId The party's organisation.
    /// @param signer The account that withdrew.
    event SignatureWithdrawn(uint256 indexed agreementId, uint32 indexed version, uint32 indexed orgId, address signer);
    /// @notice Every party signed a version; it is now in force.
    /// @param agreementId The agreement.
    /// @param version The version.
    event VersionActivated(uint256 indexed agreementId, uint32 indexed version);
    /// @notice The responsible party reported a commitment as fulfilled.
    /// @param agreementId The agreement.
    /// @param index The commitment.
    /// @param reporter The signer who reported.
    /// @param evidenceHash Hash of the evidence.
    /// @param evidenceURI Where the evidence is (may be a CAIP-10 style on-chain reference).
    event CommitmentReported(
        uint256 indexed agreementId,
        uint256 indexed index,
        address indexed reporter,
        bytes32 evidenceHash,
        string evidenceURI
    );
    /// @notice A counterparty acknowledged a report.
    /// @param agreementId The agreement.
    /// @param index The commitment.
    /// @param orgId The acknowledging organisation.
    /// @param signer The signer who acted.
    event CommitmentAcknowledged(
        uint256 indexed agreementId,
        uint256 indexed index,
        uint32 indexed orgId,
        address signer
    );
    /// @notice A counterparty disputed a report.
    /// @param agreementId The agreement.
    /// @param index The commitment.
    /// @param orgId The disputing organisation.
    /// @param reasonHash Hash of the reason.
    /// @param reasonURI Where the reason is published.
    event CommitmentDisputed(
        uint256 indexed agreementId,
        uint256 indexed index,
        uint32 indexed orgId,
        bytes32 reasonHash,
        string reasonURI
    );
    /// @notice One party gave notice of termination.
    /// @param agreementId The agreement.
    /// @param orgId The organisation giving notice.
    /// @param reasonHash Hash of the reason.
    /// @param effectiveAt When the termination takes effect.
    /// @param reasonURI Where the reason is published.
    event TerminationNoticeGiven(
        uint256 indexed agreementId,
        uint32 indexed orgId,
        bytes32 reasonHash,
        uint64 effectiveAt,
        string reasonURI
    );
    /// @notice Every party agreed to terminate; effective immediately.
    /// @param agreementId The agreement.
    /// @param reasonHash Hash of the reason.
    event AgreementTerminatedByConsent(uint256 indexed agreementId, bytes32 reasonHash);

    // solhint-enable gas-indexed-events

    // ---------------------------------------------------------------------------------------------
    // Organisations
    // ---------------------------------------------------------------------------------------------

    /// @notice Registers an organisation with its first signers. Registrar only.
    /// @param name Display name (non-empty).
    /// @param kind Organisation kind.
    /// @param metadataURI Profile URI.
    /// @param signers Accounts authorised to sign for it (at most MAX_SIGNERS).
    /// @return orgId The new id (from 1).
    function registerOrganisation(
        string calldata name,
        OrganisationKind kind,
        string calldata metadataURI,
        address[] calldata signers
    ) external returns (uint32 orgId);

    /// @notice Authorises or de-authorises a signer. Registrar only.
    /// @param orgId The organisation.
    /// @param signer The account (EOA or ERC-1271 wallet).
    /// @param authorised The new state.
    function setSigner(uint32 orgId, address signer, bool authorised) external;

    /// @notice Replaces `oldSigner` by `newSigner`. Registrar, or `oldSigner` itself.
    /// @param orgId The organisation.
    /// @param oldSigner An authorised signer.
    /// @param newSigner An account not yet authorised.
    function rotateSigner(uint32 orgId, address oldSigner, address newSigner) external;

    /// @notice Deactivates or reactivates an organisation. Registrar only.
    /// @param orgId The organisation.
    /// @param active The new state.
    function setOrganisationActive(uint32 orgId, bool active) external;

    // ---------------------------------------------------------------------------------------------
    // Agreements
    // ---------------------------------------------------------------------------------------------

    /// @notice Proposes an agreement (version 1). Caller: a registrar or a signer of a party.
    /// @param title Title (emitted only).
    /// @param parties Organisation ids (MIN_PARTIES..MAX_PARTIES, distinct, active).
    /// @param terms The terms of version 1.
    /// @return agreementId The new id (from 1).
    function propose(
        string calldata title,
        uint32[] calldata parties,
        TermsInput calldata terms
    ) external returns (uint256 agreementId);

    /// @notice Proposes an amendment of an active agreement: a new version every party must sign.
    ///         The version in force stays in force until then. A pending amendment is superseded.
    /// @param agreementId The agreement.
    /// @param partyIndex The caller's party.
    /// @param terms The new terms.
    /// @return version The new version number.
    function proposeAmendment(
        uint256 agreementId,
        uint8 partyIndex,
        TermsInput calldata terms
    ) external returns (uint32 version);

    /// @notice Records one party's EIP-712 signature of the version awaiting signatures. Anyone may
    ///         relay it. Activates the version when it is the last missing signature.
    /// @param input The signature and what it signs.
    function signWithSignature(SignatureInput calldata input) external;

    /// @notice Records several signatures (any agreements) in one transaction.
    /// @param inputs At most MAX_BATCH signatures.
    function signBatch(SignatureInput[] calldata inputs) external;

    /// @notice Signs as a party by direct call; the caller must be an authorised signer.
    /// @param agreementId The agreement.
    /// @param version The version awaiting signatures.
    /// @param partyIndex The caller's party.
    function sign(uint256 agreementId, uint32 version, uint8 partyIndex) external;

    /// @notice Withdraws a party's signature of the version awaiting signatures and moves the
    ///         party's nonce on, so any signature it handed out becomes unusable.
    /// @param agreementId The agreement.
    /// @param partyIndex The caller's party.
    function withdrawSignature(uint256 agreementId, uint8 partyIndex) external;

    // ---------------------------------------------------------------------------------------------
    // Commitments
    // ---------------------------------------------------------------------------------------------

    /// @notice The responsible party reports a commitment of the version in force as fulfilled
    ///         (while the agreement is Active, also during a termination notice).
    /// @param agreementId The agreement.
    /// @param index The commitment.
    /// @param evidenceHash Hash of the evidence (non-zero).
    /// @param evidenceURI Where the evidence is.
    function reportFulfilment(
        uint256 agreementId,
        uint256 index,
        bytes32 evidenceHash,
        string calldata evidenceURI
    ) external;

    /// @notice A counterparty acknowledges a reported commitment (final).
    /// @param agreementId The agreement.
    /// @param index The commitment.
    /// @param partyIndex The caller's party (not the responsible one).
    function acknowledgeFulfilment(uint256 agreementId, uint256 index, uint8 partyIndex) external;

    /// @notice A counterparty disputes a reported commitment; the responsible party may report again.
    /// @param agreementId The agreement.
    /// @param index The commitment.
    /// @param partyIndex The caller's party (not the responsible one).
    /// @param reasonHash Hash of the reason (non-zero).
    /// @param reasonURI Where the reason is published.
    function disputeFulfilment(
        uint256 agreementId,
        uint256 index,
        uint8 partyIndex,
        bytes32 reasonHash,
        string calldata reasonURI
    ) external;

    // ---------------------------------------------------------------------------------------------
    // Termination
    // ---------------------------------------------------------------------------------------------

    /// @notice One party gives notice; the agreement ends after the notice period of the version
    ///         in force.
    /// @param agreementId The agreement.
    /// @param partyIndex The caller's party.
    /// @param reasonHash Hash of the reason (non-zero).
    /// @param reasonURI Where the reason is published.
    function giveTerminationNotice(
        uint256 agreementId,
        uint8 partyIndex,
        bytes32 reasonHash,
        string calldata reasonURI
    ) external;

    /// @notice Terminates at once with an EIP-712 `Termination` signature of every party.
    /// @param agreementId The agreement.
    /// @param reasonHash Hash of the reason (non-zero).
    /// @param signatures One per party.
    function terminateByConsent(
        uint256 agreementId,
        bytes32 reasonHash,
        TerminationSignature[] calldata signatures
    ) external;

    // ---------------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------------

    /// @notice Number of organisations registered (ids run from 1 to this).
    /// @return count The count.
    function organisationCount() external view returns (uint32 count);

    /// @notice An organisation.
    /// @param orgId The id.
    /// @return organisation Its record.
    function organisation(uint32 orgId) external view returns (Organisation memory organisation);

    /// @notice The signer accounts of an organisation (suspended while it is inactive).
    /// @param orgId The organisation.
    /// @return accounts The accounts, in no particular order.
    function signersOf(uint32 orgId) external view returns (address[] memory accounts);

    /// @notice Whether an account is a signer of an organisation (also while it is inactive).
    /// @param orgId The organisation.
    /// @param account The account.
    /// @return authorised True when authorised.
    function isSigner(uint32 orgId, address account) external view returns (bool authorised);

    /// @notice Number of agreements (ids run from 1 to this).
    /// @return count The count.
    function agreementCount() external view returns (uint256 count);

    /// @notice An agreement with its parties.
    /// @param agreementId The id.
    /// @return view_ The agreement.
    function agreement(uint256 agreementId) external view returns (AgreementView memory view_);

    /// @notice The status of an agreement, derived from stored state and the current time.
    /// @param agreementId The id.
    /// @return status The status (None for an unknown id).
    function agreementStatus(uint256 agreementId) external view returns (AgreementStatus status);

    /// @notice A version of an agreement with its signature bitmap.
    /// @param agreementId The agreement.
    /// @param version The version (1..latestVersion).
    /// @return view_ The version.
    function agreementVersion(uint256 agreementId, uint32 version) external view returns (VersionView memory view_);

    /// @notice A party's current nonce on an agreement.
    /// @param agreementId The agreement.
    /// @param partyIndex The party.
    /// @return nonce The nonce the party's next signature must carry.
    function partyNonce(uint256 agreementId, uint8 partyIndex) external view returns (uint256 nonce);

    /// @notice A commitment with its derived status.
    /// @param agreementId The agreement.
    /// @param index The commitment index within the agreement.
    /// @return view_ The commitment.
    function commitment(uint256 agreementId, uint256 index) external view returns (CommitmentView memory view_);

    /// @notice The agreements an organisation is party to, oldest first, a page at a time.
    /// @param orgId The organisation.
    /// @param offset First position.
    /// @param limit Page size (at most MAX_PAGE_SIZE).
    /// @return ids Agreement ids of the page.
    /// @return total Number of agreements of the organisation.
    function agreementsOf(
        uint32 orgId,
        uint256 offset,
        uint256 limit
    ) external view returns (uint256[] memory ids, uint256 total);
}
