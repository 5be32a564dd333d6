// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

import {IPartnershipRegistry} from "../interfaces/IPartnershipRegistry.sol";

/// @title PartnershipRegistry
/// @notice The MOU registry of the Busan Blockchain Suite. See {IPartnershipRegistry}.
/// @dev Storage is laid out so that relaying a signature writes into slots that are already
///      non-zero: the per-version signed-parties bitmap shares a slot with the version's dates, and
///      each party's nonce shares a slot with its organisation id (four parties per slot). A nonce
///      only moves when its party withdraws a signature; replay of a used signature is stopped by
///      the bitmap, and replay across versions, contracts and chains by the EIP-712 binding.
contract PartnershipRegistry is IPartnershipRegistry, AccessControl, EIP712 {
    // ---------------------------------------------------------------------------------------------
    // Constants
    // ---------------------------------------------------------------------------------------------

    /// @notice Role that registers organisations and manages their signers.
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");

    /// @notice Fewest parties of an agreement.
    uint256 public constant MIN_PARTIES = 2;
    /// @notice Most parties of an agreement (the signed bitmap is a uint8).
    uint256 public constant MAX_PARTIES = 8;
    /// @notice Most commitments per version.
    uint256 public constant MAX_COMMITMENTS = 64;
    /// @notice Most commitments per agreement across all versions (indexes are uint16).
    uint256 public constant MAX_TOTAL_COMMITMENTS = type(uint16).max;
    /// @notice Most items in one batch (signatures relayed, signers registered).
    uint256 public constant MAX_BATCH = 32;
    /// @notice Longest notice period for a unilateral termination.
    uint256 public constant MAX_NOTICE_PERIOD = 730 days;
    /// @notice Largest page of `agreementsOf`.
    uint256 public constant MAX_PAGE_SIZE = 100;
    /// @notice Latest timestamp that dates may carry (stored in 40 bits).
    uint256 public constant MAX_TIMESTAMP = type(uint40).max;

    /// @notice EIP-712 type of the terms of a version.
    bytes32 public constant TERMS_TYPEHASH = keccak256(
        "Terms(bytes32 documentHash,bytes32 commitmentsHash,uint64 effectiveAt,uint64 expiresAt,"
        "uint64 signingDeadline,uint64 noticePeriod)"
    );
    /// @notice EIP-712 type of one commitment (the commitments hash encodes a `Commitment[]`).
    bytes32 public constant COMMITMENT_TYPEHASH = keccak256(
        "Commitment(uint8 responsibleParty,uint8 category,uint64 dueDate,bytes32 descriptionHash,"
        "string descriptionURI)"
    );
    /// @notice EIP-712 type a party signs to sign a version.
    bytes32 public constant SIGNATURE_TYPEHASH = keccak256(
        "AgreementSignature(uint256 agreementId,uint32 version,uint32 party,address signer,Terms terms,"
        "uint256 nonce,uint256 deadline)"
        "Terms(bytes32 documentHash,bytes32 commitmentsHash,uint64 effectiveAt,uint64 expiresAt,"
        "uint64 signingDeadline,uint64 noticePeriod)"
    );
    /// @notice EIP-712 type a party signs to consent to termination.
    bytes32 public constant TERMINATION_TYPEHASH = keccak256(
        "Termination(uint256 agreementId,bytes32 reasonHash,uint32 party,address signer,uint256 nonce,"
        "uint256 deadline)"
    );

    /// @dev Parties per storage word (64-bit lanes: orgId in the low 32 bits, nonce in the high 32).
    uint256 private constant PARTIES_PER_WORD = 4;
    /// @dev Width of a party lane: orgId (32 bits) and nonce (32 bits).
    uint256 private constant LANE_BITS = 64;
    /// @dev Commitments per storage word (42-bit lanes, see `_commitmentWords`).
    uint256 private constant COMMITMENTS_PER_WORD = 6;
    /// @dev Width of a commitment lane.
    uint256 private constant COMMITMENT_LANE_BITS = 42;
    /// @dev Agreement ids per word of an organisation's agreement list (64-bit ids).
    uint256 private constant IDS_PER_WORD = 4;
    /// @dev Width of one id in an organisation's agreement list.
    uint256 private constant ID_BITS = 64;
    /// @dev Signer states kept in the low byte of a signer record.
    uint256 private constant SIGNER_NONE = 0;
    uint256 private constant SIGNER_AUTHORISED = 1;
    uint256 private constant SIGNER_SUSPENDED = 2;
    /// @notice Most authorised signers per organisation (bounds the loop of a deactivation).
    uint256 public constant MAX_SIGNERS = 32;
    /// @dev Mask of a 32-bit field.
    uint256 private constant MASK_32 = 0xffffffff;
    /// @dev Mask of an 8-bit field.
    uint256 private constant MASK_8 = 0xff;
    /// @dev Mask of a 4-bit and a 3-bit field.
    uint256 private constant MASK_4 = 0xf;
    uint256 private constant MASK_3 = 0x7;
    /// @dev Mask of a 42-bit commitment lane.
    uint256 private constant MASK_42 = (1 << 42) - 1;
    /// @dev Bit offsets inside a commitment lane: party (4) | category (3) | state (3) | due date (32).
    uint256 private constant C_CATEGORY_SHIFT = 4;
    uint256 private constant C_STATE_SHIFT = 7;
    uint256 private constant C_DUE_SHIFT = 10;
    /// @notice Latest due date a commitment may carry (stored in 32 bits: February 2106).
    uint256 public constant MAX_DUE_DATE = type(uint32).max;

    // ---------------------------------------------------------------------------------------------
    // Storage
    // ---------------------------------------------------------------------------------------------

    /// @dev Per-agreement header, one slot.
    struct Core {
        uint32 currentVersion;
        uint32 latestVersion;
        uint8 partyCount;
        uint16 commitmentCount;
        uint40 proposedAt;
        uint40 terminationEffectiveAt;
        bool terminatedByConsent;
    }

    /// @dev Per-version record: two hashes and one packed slot holding dates and the signed bitmap.
    struct Version {
        bytes32 termsHash;
        bytes32 documentHash;
        uint40 effectiveAt;
        uint40 expiresAt;
        uint40 signingDeadline;
        uint32 noticePeriod;
        uint16 firstCommitment;
        uint8 commitmentCount;
        uint8 signedMask;
        uint40 activatedAt;
    }

    /// @dev Organisation record; the packed fields come first so the signing path reads one slot.
    struct OrgRecord {
        OrganisationKind kind;
        bool active;
        uint40 registeredAt;
        uint32 signerCount;
        uint64 agreementCount;
        string name;
        string metadataURI;
    }

    /// @dev Both counters share a slot: the organisation count is non-zero before any agreement can
    ///      be proposed, so even the first proposal updates a live slot instead of creating one.
    uint32 private _organisationCount;
    uint64 private _agreementCount;
    mapping(uint32 orgId => OrgRecord record) private _organisations;
    /// @dev Signer record: state in the low byte, position in `_signerList` + 1 above it.
    mapping(uint32 orgId => mapping(address account => uint256 record)) private _signers;
    mapping(uint32 orgId => address[] accounts) private _signerList;
    /// @dev An organisation's agreement ids, four 64-bit ids per word; the count is in `OrgRecord`.
    mapping(uint32 orgId => mapping(uint256 word => uint256 packed)) private _orgAgreements;
    mapping(uint256 agreementId => Core core) private _agreements;
    /// @dev Parties, four per word (see PARTIES_PER_WORD).
    mapping(uint256 agreementId => mapping(uint256 word => uint256 packed)) private _partyWords;
    mapping(uint256 agreementId => mapping(uint32 version => Version record)) private _versions;
    /// @dev Commitments, six 42-bit lanes per word (see C_*_SHIFT).
    mapping(uint256 agreementId => mapping(uint256 word => uint256 packed)) private _commitmentWords;
    mapping(uint256 agreementId => mapping(uint256 index => bytes32 evidenceHash)) private _evidence;

    // ---------------------------------------------------------------------------------------------
    // Constructor
    // ---------------------------------------------------------------------------------------------

    /// @notice Deploys the registry.
    /// @param admin Receives DEFAULT_ADMIN_ROLE and REGISTRAR_ROLE.
    constructor(address admin) EIP712("PartnershipRegistry", "1") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(REGISTRAR_ROLE, admin);
    }

    // ---------------------------------------------------------------------------------------------
    // Organisations
    // ---------------------------------------------------------------------------------------------

    /// @inheritdoc IPartnershipRegistry
    function registerOrganisation(
        string calldata name,
        OrganisationKind kind,
        string calldata metadataURI,
        address[] calldata signers
    ) external onlyRole(REGISTRAR_ROLE) returns (uint32 orgId) {
        if (bytes(name).length == 0) revert PartnershipRegistryEmptyName();
        if (signers.length > MAX_SIGNERS) revert PartnershipRegistryBatchSize(signers.length);
        orgId = ++_organisationCount;
        OrgRecord storage org = _organisations[orgId];
        org.kind = kind;
        org.active = true;
        org.registeredAt = uint40(block.timestamp);
        org.name = name;
        org.metadataURI = metadataURI;
        emit OrganisationRegistered(orgId, kind, name, metadataURI);
        for (uint256 i = 0; i < signers.length; ++i) _setSigner(orgId, signers[i], true);
    }

    /// @inheritdoc IPartnershipRegistry
    function setSigner(uint32 orgId, address signer, bool authorised) external onlyRole(REGISTRAR_ROLE) {
        _requireOrganisation(orgId);
        _setSigner(orgId, signer, authorised);
    }

    /// @inheritdoc IPartnershipRegistry
    function rotateSigner(uint32 orgId, address oldSigner, address newSigner) external {
        if (msg.sender != oldSigner) _checkRole(REGISTRAR_ROLE);
        _requireOrganisation(orgId);
        if (_signers[orgId][oldSigner] & MASK_8 == SIGNER_NONE) revert PartnershipRegistryNotSigner(orgId, oldSigner);
        _setSigner(orgId, newSigner, true);
        _setSigner(orgId, oldSigner, false);
    }

    /// @inheritdoc IPartnershipRegistry
    function setOrganisationActive(uint32 orgId, bool active) external onlyRole(REGISTRAR_ROLE) {
        _requireOrganisation(orgId);
        OrgRecord storage org = _organisations[orgId];
        if (org.active == active) revert PartnershipRegistryActiveUnchanged(orgId, active);
        org.active = active;
        // Suspending the signers keeps the signing path to one storage read per signer check.
        address[] storage accounts = _signerList[orgId];
        uint256 state = active ? SIGNER_AUTHORISED : SIGNER_SUSPENDED;
        for (uint256 i = 0; i < accounts.length; ++i) {
            mapping(address account => uint256 record) storage records = _signers[orgId];
            address account = accounts[i];
            records[account] = (records[account] & ~MASK_8) | state;
        }
        emit OrganisationActiveSet(orgId, active);
    }

    // ---------------------------------------------------------------------------------------------
    // Agreements
    // ---------------------------------------------------------------------------------------------

    /// @inheritdoc IPartnershipRegistry
    function propose(
        string calldata title,
        uint32[] calldata parties,
        TermsInput calldata terms
    ) external returns (uint256 agreementId) {
        uint256 count = parties.length;
        if (count < MIN_PARTIES || count > MAX_PARTIES) revert PartnershipRegistryPartyCount(count);
        bool authorised = hasRole(REGISTRAR_ROLE, msg.sender);
        // 2^64 proposals are out of reach; ids fit the 64-bit lanes of the organisations' lists.
        agreementId = ++_agreementCount;
        uint256[2] memory words;
        for (uint256 i = 0; i < count; ++i) {
            uint32 orgId = parties[i];
            _requireActiveOrganisation(orgId);
            for (uint256 j = 0; j < i; ++j) {
                if (parties[j] == orgId) revert PartnershipRegistryDuplicateParty(orgId);
            }
            if (!authorised && _signers[orgId][msg.sender] & MASK_8 == SIGNER_AUTHORISED) authorised = true;
            words[i / PARTIES_PER_WORD] |= uint256(orgId) << ((i % PARTIES_PER_WORD) * LANE_BITS);
            _appendAgreement(orgId, agreementId);
        }
        if (!authorised) revert PartnershipRegistryUnauthorisedProposer(msg.sender);
        _partyWords[agreementId][0] = words[0];
        if (count > PARTIES_PER_WORD) _partyWords[agreementId][1] = words[1];
        Core storage core = _agreements[agreementId];
        core.partyCount = uint8(count);
        core.proposedAt = uint40(block.timestamp);
        emit AgreementProposed(agreementId, msg.sender, title, parties);
        _addVersion(agreementId, core, 1, terms);
    }

    /// @inheritdoc IPartnershipRegistry
    function proposeAmendment(
        uint256 agreementId,
        uint8 partyIndex,
        TermsInput calldata terms
    ) external returns (uint32 version) {
        Core storage core = _requireAgreement(agreementId);
        _requireInForce(agreementId, core);
        (uint32 orgId, ) = _party(agreementId, core, partyIndex);
        _requireActiveOrganisation(orgId);
        _requireSigner(orgId, msg.sender);
        version = core.latestVersion + 1;
        _addVersion(agreementId, core, version, terms);
    }

    /// @inheritdoc IPartnershipRegistry
    function signWithSignature(SignatureInput calldata input) external {
        _relaySignature(input);
    }

    /// @inheritdoc IPartnershipRegistry
    function signBatch(SignatureInput[] calldata inputs) external {
        uint256 count = inputs.length;
        if (count == 0 || count > MAX_BATCH) revert PartnershipRegistryBatchSize(count);
        for (uint256 i = 0; i < count; ++i) _relaySignature(inputs[i]);
    }

    /// @inheritdoc IPartnershipRegistry
    function sign(uint256 agreementId, uint32 version, uint8 partyIndex) external {
        (Core storage core, Version storage record, uint32 orgId, ) = _prepareSignature(
            agreementId,
            version,
            partyIndex,
            msg.sender
        );
        _recordSignature(agreementId, core, record, version, partyIndex, orgId, msg.sender);
    }

    /// @inheritdoc IPartnershipRegistry
    function withdrawSignature(uint256 agreementId, uint8 partyIndex) external {
        Core storage core = _requireAgreement(agreementId);
        uint32 version = core.latestVersion;
        if (version == core.currentVersion) {
            revert PartnershipRegistryWrongStatus(agreementId, _status(agreementId, core));
        }
        (uint32 orgId, uint256 nonce) = _party(agreementId, core, partyIndex);
        _requireSigner(orgId, msg.sender);
        Version storage record = _versions[agreementId][version];
        uint8 bit = uint8(1 << partyIndex);
        if (record.signedMask & bit == 0) revert PartnershipRegistryNotSigned(agreementId, version, partyIndex);
        record.signedMask &= ~bit;
        _setPartyNonce(agreementId, partyIndex, nonce + 1);
        emit SignatureWithdrawn(agreementId, version, orgId, msg.sender);
    }

    // ---------------------------------------------------------------------------------------------
    // Commitments
    // ---------------------------------------------------------------------------------------------

    /// @inheritdoc IPartnershipRegistry
    function reportFulfilment(
        uint256 agreementId,
        uint256 index,
        bytes32 evidenceHash,
        string calldata evidenceURI
    ) external {
        Core storage core = _requireAgreement(agreementId);
        // Reports stay open during a termination notice: the agreement is in force until it ends.
        AgreementStatus status = _status(agreementId, core);
        if (status != AgreementStatus.Active) revert PartnershipRegistryWrongStatus(agreementId, status);
        uint256 lane = _commitmentInForce(agreementId, core, index);
        (uint32 orgId, ) = _party(agreementId, core, uint8(lane & MASK_4));
        _requireSigner(orgId, msg.sender);
        CommitmentStatus state = CommitmentStatus((lane >> C_STATE_SHIFT) & MASK_3);
        if (state != CommitmentStatus.Open && state != CommitmentStatus.Disputed) {
            revert PartnershipRegistryCommitmentState(agreementId, index, state);
        }
        if (evidenceHash == bytes32(0)) revert PartnershipRegistryEmptyHash();
        _setCommitmentState(agreementId, index, CommitmentStatus.Reported);
        _evidence[agreementId][index] = evidenceHash;
        emit CommitmentReported(agreementId, index, msg.sender, evidenceHash, evidenceURI);
    }

    /// @inheritdoc IPartnershipRegistry
    function acknowledgeFulfilment(uint256 agreementId, uint256 index, uint8 partyIndex) external {
        uint32 orgId = _counterpartyReview(agreementId, index, partyIndex);
        _setCommitmentState(agreementId, index, CommitmentStatus.Acknowledged);
        emit CommitmentAcknowledged(agreementId, index, orgId, msg.sender);
    }

    /// @inheritdoc IPartnershipRegistry
    function disputeFulfilment(
        uint256 agreementId,
        uint256 index,
        uint8 partyIndex,
        bytes32 reasonHash,
        string calldata reasonURI
    ) external {
        if (reasonHash == bytes32(0)) revert PartnershipRegistryEmptyHash();
        uint32 orgId = _counterpartyReview(agreementId, index, partyIndex);
        _setCommitmentState(agreementId, index, CommitmentStatus.Disputed);
        emit CommitmentDisputed(agreementId, index, orgId, reasonHash, reasonURI);
    }

    // ---------------------------------------------------------------------------------------------
    // Termination
    // ---------------------------------------------------------------------------------------------

    /// @inheritdoc IPartnershipRegistry
    function giveTerminationNotice(
        uint256 agreementId,
        uint8 partyIndex,
        bytes32 reasonHash,
        string calldata reasonURI
    ) external {
        Core storage core = _requireAgreement(agreementId);
        _requireInForce(agreementId, core);
        if (reasonHash == bytes32(0)) revert PartnershipRegistryEmptyHash();
        (uint32 orgId, ) = _party(agreementId, core, partyIndex);
        _requireSigner(orgId, msg.sender);
        uint64 effectiveAt = uint64(block.timestamp + _versions[agreementId][core.currentVersion].noticePeriod);
        core.terminationEffectiveAt = uint40(effectiveAt);
        emit TerminationNoticeGiven(agreementId, orgId, reasonHash, effectiveAt, reasonURI);
    }

    /// @inheritdoc IPartnershipRegistry
    function terminateByConsent(
        uint256 agreementId,
        bytes32 reasonHash,
        TerminationSignature[] calldata signatures
    ) external {
        Core storage core = _requireAgreement(agreementId);
        AgreementStatus status = _status(agreementId, core);
        if (status != AgreementStatus.Active) revert PartnershipRegistryWrongStatus(agreementId, status);
        if (reasonHash == bytes32(0)) revert PartnershipRegistryEmptyHash();
        uint256 count = signatures.length;
        if (count == 0 || count > MAX_BATCH) revert PartnershipRegistryBatchSize(count);
        uint256 mask;
        for (uint256 i = 0; i < count; ++i) {
            TerminationSignature calldata item = signatures[i];
            (uint32 orgId, uint256 nonce) = _party(agreementId, core, item.partyIndex);
            uint256 bit = 1 << item.partyIndex;
            if (mask & bit != 0) {
                revert PartnershipRegistryAlreadySigned(agreementId, core.currentVersion, item.partyIndex);
            }
            if (block.timestamp > item.deadline) revert PartnershipRegistrySignatureExpired(item.deadline);
            _requireSigner(orgId, item.signer);
            bytes32 digest = _terminationDigest(agreementId, reasonHash, orgId, item.signer, nonce, item.deadline);
            if (!_isValidSignature(item.signer, digest, item.signature)) {
                revert PartnershipRegistryInvalidSignature(item.signer);
            }
            mask |= bit;
        }
        uint256 parties = core.partyCount;
        for (uint256 i = 0; i < parties; ++i) {
            if (mask & (1 << i) == 0) revert PartnershipRegistryMissingParty(agreementId, i);
        }
        core.terminationEffectiveAt = uint40(block.timestamp);
        core.terminatedByConsent = true;
        emit AgreementTerminatedByConsent(agreementId, reasonHash);
    }

    // ---------------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------------

    /// @inheritdoc IPartnershipRegistry
    function organisationCount() external view returns (uint32 count) {
        return _organisationCount;
    }

    /// @inheritdoc IPartnershipRegistry
    function organisation(uint32 orgId) external view returns (Organisation memory organisation_) {
        _requireOrganisation(orgId);
        OrgRecord storage org = _organisations[orgId];
        return Organisation(org.name, org.metadataURI, org.kind, org.active, org.registeredAt, org.signerCount);
    }

    /// @inheritdoc IPartnershipRegistry
    function isSigner(uint32 orgId, address account) external view returns (bool authorised) {
        return _signers[orgId][account] & MASK_8 != SIGNER_NONE;
    }

    /// @inheritdoc IPartnershipRegistry
    function signersOf(uint32 orgId) external view returns (address[] memory accounts) {
        _requireOrganisation(orgId);
        return _signerList[orgId];
    }

    /// @inheritdoc IPartnershipRegistry
    function agreementCount() external view returns (uint256 count) {
        return _agreementCount;
    }

    /// @inheritdoc IPartnershipRegistry
    function agreement(uint256 agreementId) external view returns (AgreementView memory view_) {
        Core storage core = _requireAgreement(agreementId);
        uint256 count = core.partyCount;
        uint32[] memory parties = new uint32[](count);
        for (uint256 i = 0; i < count; ++i) (parties[i], ) = _party(agreementId, core, uint8(i));
        view_ = AgreementView({
            status: _status(agreementId, core),
            currentVersion: core.currentVersion,
            latestVersion: core.latestVersion,
            parties: parties,
            proposedAt: core.proposedAt,
            terminationEffectiveAt: core.terminationEffectiveAt,
            terminatedByConsent: core.terminatedByConsent,
            commitmentCount: core.commitmentCount
        });
    }

    /// @inheritdoc IPartnershipRegistry
    function agreementStatus(uint256 agreementId) external view returns (AgreementStatus status) {
        return _status(agreementId, _agreements[agreementId]);
    }

    /// @inheritdoc IPartnershipRegistry
    function agreementVersion(uint256 agreementId, uint32 version) external view returns (VersionView memory view_) {
        Core storage core = _requireAgreement(agreementId);
        if (version == 0 || version > core.latestVersion) {
            revert PartnershipRegistryWrongVersion(agreementId, core.latestVersion, version);
        }
        Version storage record = _versions[agreementId][version];
        view_ = VersionView({
            termsHash: record.termsHash,
            documentHash: record.documentHash,
            effectiveAt: record.effectiveAt,
            expiresAt: record.expiresAt,
            signingDeadline: record.signingDeadline,
            noticePeriod: record.noticePeriod,
            firstCommitment: record.firstCommitment,
            commitmentCount: record.commitmentCount,
            signedMask: record.signedMask,
            activatedAt: record.activatedAt
        });
    }

    /// @inheritdoc IPartnershipRegistry
    function partyNonce(uint256 agreementId, uint8 partyIndex) external view returns (uint256 nonce) {
        Core storage core = _requireAgreement(agreementId);
        (, nonce) = _party(agreementId, core, partyIndex);
    }

    /// @inheritdoc IPartnershipRegistry
    function commitment(uint256 agreementId, uint256 index) external view returns (CommitmentView memory view_) {
        Core storage core = _requireAgreement(agreementId);
        if (index >= core.commitmentCount) revert PartnershipRegistryUnknownCommitment(agreementId, index);
        uint256 lane = _commitmentLane(agreementId, index);
        uint64 dueDate = uint64(lane >> C_DUE_SHIFT);
        CommitmentStatus state = CommitmentStatus((lane >> C_STATE_SHIFT) & MASK_3);
        if (state == CommitmentStatus.Open && block.timestamp > dueDate) state = CommitmentStatus.Overdue;
        view_ = CommitmentView({
            responsibleParty: uint8(lane & MASK_4),
            category: CommitmentCategory((lane >> C_CATEGORY_SHIFT) & MASK_3),
            dueDate: dueDate,
            status: state,
            evidenceHash: _evidence[agreementId][index]
        });
    }

    /// @inheritdoc IPartnershipRegistry
    function agreementsOf(
        uint32 orgId,
        uint256 offset,
        uint256 limit
    ) external view returns (uint256[] memory ids, uint256 total) {
        total = _organisations[orgId].agreementCount;
        if (limit > MAX_PAGE_SIZE) limit = MAX_PAGE_SIZE;
        if (offset >= total) return (new uint256[](0), total);
        uint256 end = total - offset < limit ? total : offset + limit;
        ids = new uint256[](end - offset);
        mapping(uint256 word => uint256 packed) storage list = _orgAgreements[orgId];
        for (uint256 i = offset; i < end; ++i) {
            ids[i - offset] = (list[i / IDS_PER_WORD] >> ((i % IDS_PER_WORD) * ID_BITS)) & type(uint64).max;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Internal: signing
    // ---------------------------------------------------------------------------------------------

    /// @dev Verifies and records one relayed signature.
    function _relaySignature(SignatureInput calldata input) private {
        if (block.timestamp > input.deadline) revert PartnershipRegistrySignatureExpired(input.deadline);
        (Core storage core, Version storage record, uint32 orgId, uint256 nonce) = _prepareSignature(
            input.agreementId,
            input.version,
            input.partyIndex,
            input.signer
        );
        if (nonce != input.nonce) revert PartnershipRegistryWrongNonce(nonce, input.nonce);
        bytes32 digest = _signatureDigest(
            input.agreementId,
            input.version,
            orgId,
            input.signer,
            record.termsHash,
            nonce,
            input.deadline
        );
        if (!_isValidSignature(input.signer, digest, input.signature)) {
            revert PartnershipRegistryInvalidSignature(input.signer);
        }
        _recordSignature(input.agreementId, core, record, input.version, input.partyIndex, orgId, input.signer);
    }

    /// @dev Whether `signature` is the signer's signature of `digest`: first as an ECDSA signature
    ///      (OpenZeppelin ECDSA, which rejects malleable high-s and bad-length signatures), then, if it
    ///      does not recover to the signer, through ERC-1271 with OpenZeppelin SignatureChecker.
    ///      Trying ECDSA first spares EOAs the cold EXTCODESIZE (2,600 gas) that
    ///      `SignatureChecker.isValidSignatureNow` spends to choose the path; a contract wallet
    ///      cannot produce an ECDSA signature for its own address, and an ERC-1271 call to an
    ///      address without code returns nothing and so fails.
    function _isValidSignature(address signer, bytes32 digest, bytes calldata signature) private view returns (bool) {
        (address recovered, ECDSA.RecoverError error_, ) = ECDSA.tryRecoverCalldata(digest, signature);
        if (error_ == ECDSA.RecoverError.NoError && recovered == signer) return true;
        return SignatureChecker.isValidERC1271SignatureNowCalldata(signer, digest, signature);
    }

    /// @dev Checks everything about a signature except the signature bytes themselves.
    function _prepareSignature(
        uint256 agreementId,
        uint32 version,
        uint8 partyIndex,
        address signer
    ) private view returns (Core storage core, Version storage record, uint32 orgId, uint256 nonce) {
        core = _requireAgreement(agreementId);
        uint32 latest = core.latestVersion;
        uint32 current = core.currentVersion;
        if (version != latest || latest == current) {
            revert PartnershipRegistryWrongVersion(agreementId, latest == current ? 0 : latest, version);
        }
        record = _versions[agreementId][version];
        uint40 signingDeadline = record.signingDeadline;
        if (block.timestamp > signingDeadline) {
            revert PartnershipRegistrySigningClosed(agreementId, version, signingDeadline);
        }
        // An amendment can only be signed while the version it replaces is in force.
        if (current != 0) _requireInForce(agreementId, core);
        if (record.signedMask & (1 << partyIndex) != 0) {
            revert PartnershipRegistryAlreadySigned(agreementId, version, partyIndex);
        }
        (orgId, nonce) = _party(agreementId, core, partyIndex);
        _requireSigner(orgId, signer);
    }

    /// @dev Sets the party's bit; activates the version when every party has signed.
    function _recordSignature(
        uint256 agreementId,
        Core storage core,
        Version storage record,
        uint32 version,
        uint8 partyIndex,
        uint32 orgId,
        address signer
    ) private {
        uint8 mask = record.signedMask | uint8(1 << partyIndex);
        emit AgreementSigned(agreementId, orgId, version, signer);
        // partyCount <= MAX_PARTIES = 8, so the shift fits a uint256 and the result a uint8.
        if (mask == uint8((1 << core.partyCount) - 1)) {
            record.signedMask = mask;
            record.activatedAt = uint40(block.timestamp);
            core.currentVersion = version;
            emit VersionActivated(agreementId, version);
        } else {
            record.signedMask = mask;
        }
    }

    function _signatureDigest(
        uint256 agreementId,
        uint32 version,
        uint32 orgId,
        address signer,
        bytes32 termsHash,
        uint256 nonce,
        uint256 deadline
    ) private view returns (bytes32) {
        return
            _hashTypedDataV4(
                keccak256(
                    abi.encode(SIGNATURE_TYPEHASH, agreementId, version, orgId, signer, termsHash, nonce, deadline)
                )
            );
    }

    function _terminationDigest(
        uint256 agreementId,
        bytes32 reasonHash,
        uint32 orgId,
        address signer,
        uint256 nonce,
        uint256 deadline
    ) private view returns (bytes32) {
        return
            _hashTypedDataV4(
                keccak256(abi.encode(TERMINATION_TYPEHASH, agreementId, reasonHash, orgId, signer, nonce, deadline))
            );
    }

    // ---------------------------------------------------------------------------------------------
    // Internal: versions and commitments
    // ---------------------------------------------------------------------------------------------

    /// @dev Validates and stores a version with its commitments; it becomes the latest version.
    function _addVersion(uint256 agreementId, Core storage core, uint32 version, TermsInput calldata terms) private {
        _validateTerms(terms);
        uint256 first = core.commitmentCount;
        uint256 count = terms.commitments.length;
        if (count > MAX_COMMITMENTS) revert PartnershipRegistryTooManyCommitments(count);
        if (first + count > MAX_TOTAL_COMMITMENTS) revert PartnershipRegistryTooManyCommitments(first + count);
        uint256 parties = core.partyCount;
        bytes32[] memory hashes = new bytes32[](count);
        for (uint256 i = 0; i < count; ++i) {
            CommitmentInput calldata item = terms.commitments[i];
            if (
                item.responsibleParty >= parties ||
                item.dueDate == 0 ||
                item.dueDate > MAX_DUE_DATE ||
                item.descriptionHash == bytes32(0)
            ) revert PartnershipRegistryInvalidCommitment(i);
            hashes[i] = _hashCommitment(item);
            uint256 index = first + i;
            uint256 lane =
                uint256(item.responsibleParty) |
                    (uint256(uint8(item.category)) << C_CATEGORY_SHIFT) |
                    (uint256(item.dueDate) << C_DUE_SHIFT);
            _commitmentWords[agreementId][index / COMMITMENTS_PER_WORD] |=
                lane << ((index % COMMITMENTS_PER_WORD) * COMMITMENT_LANE_BITS);
        }
        Terms memory signed = Terms({
            documentHash: terms.documentHash,
            commitmentsHash: keccak256(abi.encodePacked(hashes)),
            effectiveAt: terms.effectiveAt,
            expiresAt: terms.expiresAt,
            signingDeadline: terms.signingDeadline,
            noticePeriod: terms.noticePeriod
        });
        _versions[agreementId][version] = Version({
            termsHash: _hashTermsMemory(signed),
            documentHash: terms.documentHash,
            effectiveAt: uint40(terms.effectiveAt),
            expiresAt: uint40(terms.expiresAt),
            signingDeadline: uint40(terms.signingDeadline),
            noticePeriod: uint32(terms.noticePeriod),
            firstCommitment: uint16(first),
            commitmentCount: uint8(count),
            signedMask: 0,
            activatedAt: 0
        });
        core.latestVersion = version;
        core.commitmentCount = uint16(first + count);
        emit VersionProposed(agreementId, version, msg.sender, signed, terms.documentURI, terms.commitments);
    }

    function _validateTerms(TermsInput calldata terms) private view {
        if (terms.documentHash == bytes32(0)) revert PartnershipRegistryEmptyDocumentHash();
        uint64 effectiveAt = terms.effectiveAt;
        uint64 expiresAt = terms.expiresAt;
        uint64 deadline = terms.signingDeadline;
        if (
            deadline < block.timestamp ||
            deadline > MAX_TIMESTAMP ||
            effectiveAt > MAX_TIMESTAMP ||
            expiresAt > MAX_TIMESTAMP ||
            // A version must not be signable once it has expired: it would go from Pending straight
            // to Expired without ever being in force.
            (expiresAt != 0 && (expiresAt <= effectiveAt || deadline >= expiresAt))
        ) revert PartnershipRegistryInvalidDates(effectiveAt, expiresAt, deadline);
        if (terms.noticePeriod > MAX_NOTICE_PERIOD) revert PartnershipRegistryNoticePeriodTooLong(terms.noticePeriod);
    }

    /// @dev Checks a counterparty's review of a reported commitment; returns its organisation.
    function _counterpartyReview(uint256 agreementId, uint256 index, uint8 partyIndex) private view returns (uint32) {
        Core storage core = _requireAgreement(agreementId);
        if (core.currentVersion == 0) revert PartnershipRegistryWrongStatus(agreementId, _status(agreementId, core));
        uint256 lane = _commitmentInForce(agreementId, core, index);
        (uint32 orgId, ) = _party(agreementId, core, partyIndex);
        if (partyIndex == uint8(lane & MASK_4)) {
            revert PartnershipRegistryNotCounterparty(agreementId, index, partyIndex);
        }
        _requireSigner(orgId, msg.sender);
        CommitmentStatus state = CommitmentStatus((lane >> C_STATE_SHIFT) & MASK_3);
        if (state != CommitmentStatus.Reported) revert PartnershipRegistryCommitmentState(agreementId, index, state);
        return orgId;
    }

    /// @dev The packed lane of a commitment of the version in force.
    function _commitmentInForce(uint256 agreementId, Core storage core, uint256 index) private view returns (uint256) {
        Version storage record = _versions[agreementId][core.currentVersion];
        uint256 first = record.firstCommitment;
        if (index < first || index >= first + record.commitmentCount) {
            revert PartnershipRegistryUnknownCommitment(agreementId, index);
        }
        return _commitmentLane(agreementId, index);
    }

    function _commitmentLane(uint256 agreementId, uint256 index) private view returns (uint256) {
        uint256 word = _commitmentWords[agreementId][index / COMMITMENTS_PER_WORD];
        return (word >> ((index % COMMITMENTS_PER_WORD) * COMMITMENT_LANE_BITS)) & MASK_42;
    }

    function _setCommitmentState(uint256 agreementId, uint256 index, CommitmentStatus state) private {
        uint256 shift = (index % COMMITMENTS_PER_WORD) * COMMITMENT_LANE_BITS + C_STATE_SHIFT;
        uint256 slot = index / COMMITMENTS_PER_WORD;
        uint256 word = _commitmentWords[agreementId][slot];
        _commitmentWords[agreementId][slot] = (word & ~(MASK_3 << shift)) | (uint256(uint8(state)) << shift);
    }

    /// @dev Appends an agreement id to an organisation's packed list.
    function _appendAgreement(uint32 orgId, uint256 agreementId) private {
        OrgRecord storage org = _organisations[orgId];
        uint256 position = org.agreementCount;
        // Ids come from a counter that cannot reach 2^64, so they fit their 64-bit lane.
        _orgAgreements[orgId][position / IDS_PER_WORD] |= agreementId << ((position % IDS_PER_WORD) * ID_BITS);
        org.agreementCount = uint64(position + 1);
    }

    function _hashCommitment(CommitmentInput calldata item) private pure returns (bytes32) {
        return
            keccak256(
                abi.encode(
                    COMMITMENT_TYPEHASH,
                    item.responsibleParty,
                    item.category,
                    item.dueDate,
                    item.descriptionHash,
                    keccak256(bytes(item.descriptionURI))
                )
            );
    }

    function _hashTermsMemory(Terms memory terms) private pure returns (bytes32) {
        return
            keccak256(
                abi.encode(
                    TERMS_TYPEHASH,
                    terms.documentHash,
                    terms.commitmentsHash,
                    terms.effectiveAt,
                    terms.expiresAt,
                    terms.signingDeadline,
                    terms.noticePeriod
                )
            );
    }

    // ---------------------------------------------------------------------------------------------
    // Internal: lookups and checks
    // ---------------------------------------------------------------------------------------------

    /// @dev The derived status; see {IPartnershipRegistry-AgreementStatus}.
    function _status(uint256 agreementId, Core storage core) private view returns (AgreementStatus) {
        uint32 current = core.currentVersion;
        if (core.latestVersion == 0) return AgreementStatus.None;
        if (current == 0) {
            return
                block.timestamp > _versions[agreementId][1].signingDeadline
                    ? AgreementStatus.Cancelled
                    : AgreementStatus.Pending;
        }
        uint256 expiresAt = _versions[agreementId][current].expiresAt;
        uint256 terminationAt = core.terminationEffectiveAt;
        bool expired = expiresAt != 0 && block.timestamp >= expiresAt;
        bool terminated = terminationAt != 0 && block.timestamp >= terminationAt;
        // Whichever came first wins when both dates have passed.
        if (terminated && (expiresAt == 0 || terminationAt < expiresAt)) return AgreementStatus.Terminated;
        if (expired) return AgreementStatus.Expired;
        return AgreementStatus.Active;
    }

    /// @dev Reverts unless the agreement is Active with no termination notice running.
    function _requireInForce(uint256 agreementId, Core storage core) private view {
        AgreementStatus status = _status(agreementId, core);
        if (status != AgreementStatus.Active) revert PartnershipRegistryWrongStatus(agreementId, status);
        uint40 terminationAt = core.terminationEffectiveAt;
        if (terminationAt != 0) revert PartnershipRegistryTerminationPending(agreementId, terminationAt);
    }

    function _requireAgreement(uint256 agreementId) private view returns (Core storage core) {
        core = _agreements[agreementId];
        if (core.latestVersion == 0) revert PartnershipRegistryUnknownAgreement(agreementId);
    }

    /// @dev A party's organisation id and nonce.
    function _party(
        uint256 agreementId,
        Core storage core,
        uint8 partyIndex
    ) private view returns (uint32 orgId, uint256 nonce) {
        if (partyIndex >= core.partyCount) revert PartnershipRegistryUnknownParty(agreementId, partyIndex);
        uint256 lane =
            _partyWords[agreementId][partyIndex / PARTIES_PER_WORD] >> ((partyIndex % PARTIES_PER_WORD) * LANE_BITS);
        orgId = uint32(lane & MASK_32);
        nonce = (lane >> 32) & MASK_32;
    }

    function _setPartyNonce(uint256 agreementId, uint8 partyIndex, uint256 nonce) private {
        uint256 slot = partyIndex / PARTIES_PER_WORD;
        uint256 shift = (partyIndex % PARTIES_PER_WORD) * LANE_BITS + 32;
        uint256 word = _partyWords[agreementId][slot];
        // The nonce moves by one per withdrawal; 2^32 withdrawals are out of reach, and the cast
        // below makes an overflow wrap inside the lane rather than corrupt the next party.
        _partyWords[agreementId][slot] = (word & ~(MASK_32 << shift)) | (uint256(uint32(nonce)) << shift);
    }

    /// @dev Adds a signer to or removes it from the organisation's list (swap and pop).
    function _setSigner(uint32 orgId, address signer, bool authorised) private {
        if (signer == address(0)) revert PartnershipRegistryZeroSigner();
        uint256 record = _signers[orgId][signer];
        if ((record != SIGNER_NONE) == authorised) revert PartnershipRegistrySignerUnchanged(orgId, signer, authorised);
        OrgRecord storage org = _organisations[orgId];
        address[] storage accounts = _signerList[orgId];
        if (authorised) {
            if (accounts.length >= MAX_SIGNERS) revert PartnershipRegistryBatchSize(accounts.length + 1);
            accounts.push(signer);
            uint256 state = org.active ? SIGNER_AUTHORISED : SIGNER_SUSPENDED;
            _signers[orgId][signer] = state | (accounts.length << 8);
            ++org.signerCount;
        } else {
            uint256 position = (record >> 8) - 1;
            address moved = accounts[accounts.length - 1];
            accounts[position] = moved;
            accounts.pop();
            if (moved != signer) {
                _signers[orgId][moved] = (_signers[orgId][moved] & MASK_8) | ((position + 1) << 8);
            }
            delete _signers[orgId][signer];
            --org.signerCount;
        }
        emit SignerSet(orgId, signer, authorised);
    }

    function _requireOrganisation(uint32 orgId) private view {
        if (orgId == 0 || orgId > _organisationCount) revert PartnershipRegistryUnknownOrganisation(orgId);
    }

    function _requireActiveOrganisation(uint32 orgId) private view {
        if (!_organisations[orgId].active) {
            _requireOrganisation(orgId);
            revert PartnershipRegistryOrganisationInactive(orgId);
        }
    }

    /// @dev One storage read: a deactivated organisation's signers are suspended, not authorised.
    function _requireSigner(uint32 orgId, address account) private view {
        uint256 state = _signers[orgId][account] & MASK_8;
        if (state != SIGNER_AUTHORISED) {
            if (state == SIGNER_SUSPENDED) revert PartnershipRegistryOrganisationInactive(orgId);
            revert PartnershipRegistryNotSigner(orgId, account);
        }
    }
}
