// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {ICharityVault} from "../interfaces/ICharityVault.sol";
import {IDonationReceiver} from "../interfaces/IDonationReceiver.sol";

/// @title CharityVault
/// @notice Campaigns, donations (native coin and allowlisted ERC-20s), matching, refunds and
///         vetoable disbursements to verified beneficiaries, with every movement in an event.
/// @dev Storage is laid out for the hot paths: a donation reads one config slot, the campaign's
///      limits until its goal is reached (or always when it has a hard cap), writes one totals
///      slot and the donor's one contribution slot. A refund reads the config slot and writes the
///      donor's slot and the outflows slot. Donation ids count per campaign, packed with the
///      totals, so there is no global counter to write.
contract CharityVault is ICharityVault, AccessControl, Pausable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    // ---------------------------------------------------------------------------------------
    // Constants
    // ---------------------------------------------------------------------------------------

    /// @notice Registers, verifies and suspends beneficiaries.
    bytes32 public constant BENEFICIARY_MANAGER_ROLE = keccak256("BENEFICIARY_MANAGER_ROLE");
    /// @notice Creates and cancels campaigns.
    bytes32 public constant CAMPAIGN_MANAGER_ROLE = keccak256("CAMPAIGN_MANAGER_ROLE");
    /// @notice Proposes disbursements.
    bytes32 public constant DISBURSER_ROLE = keccak256("DISBURSER_ROLE");
    /// @notice Vetoes disbursements and pauses the vault.
    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");
    /// @notice Funds matching pools.
    bytes32 public constant SPONSOR_ROLE = keccak256("SPONSOR_ROLE");

    /// @notice How long a guardian has to veto a proposed disbursement.
    uint64 public constant CHALLENGE_PERIOD = 2 days;
    /// @notice Most beneficiaries one campaign may list.
    uint256 public constant MAX_BENEFICIARIES = 20;
    /// @notice Longest evidence URI, in bytes.
    uint256 public constant MAX_URI_LENGTH = 256;
    /// @notice Longest time from creation to the donation deadline.
    uint256 public constant MAX_CAMPAIGN_DURATION = 365 days;
    /// @notice Longest time from the donation deadline to the disbursement deadline.
    uint256 public constant MAX_DISBURSEMENT_PERIOD = 3 * 365 days;
    /// @notice Highest matching ratio: five matched units per donated unit.
    uint256 public constant MAX_RATIO_BPS = 50_000;
    /// @notice Largest total a campaign can record (donations, matching pool, goal, cap).
    uint256 public constant MAX_AMOUNT = type(uint104).max;

    /// @dev Basis points in one.
    uint256 private constant _BPS = 10_000;

    /// @dev Campaign flag bits (in `CampaignConfig.flags`).
    uint8 private constant _ALL_OR_NOTHING = 1;
    uint8 private constant _CAPPED = 2;
    uint8 private constant _GOAL_REACHED = 4;
    uint8 private constant _CAP_REACHED = 8;
    uint8 private constant _CANCELLED = 16;
    uint8 private constant _MATCHING = 32;

    /// @dev Top bit of a contribution word: the refund or reclaim was taken. The amount below it
    ///      never reaches 2^104, so the bit is free.
    uint256 private constant _REFUNDED = 1 << 255;

    // ---------------------------------------------------------------------------------------
    // Storage
    // ---------------------------------------------------------------------------------------

    /// @dev One slot: read by every campaign operation.
    struct CampaignConfig {
        address token;
        uint40 deadline;
        uint40 disbursementDeadline;
        uint8 flags;
    }

    /// @dev One slot: read and written by every donation. The goal sits here so that a donation
    ///      needs no other campaign slot, and it is non-zero from creation, so the first donation
    ///      rewrites a used slot instead of paying for a fresh one.
    struct CampaignLedger {
        uint104 donated;
        uint104 goal;
        uint40 donationCount;
    }

    /// @dev One slot: written by donations to a campaign with a matching pool.
    struct MatchPool {
        uint128 pool;
        uint128 matched;
    }

    /// @dev One slot: written by refunds and disbursements. `live` is set at creation so that the
    ///      first refund or disbursement rewrites a used slot instead of paying for a fresh one.
    struct CampaignOutflows {
        uint120 refunded;
        uint120 disbursed;
        uint8 live;
    }

    /// @dev One slot; the amounts live in `_matchPool`.
    struct Matching {
        address sponsor;
        uint16 ratioBps;
        bool unusedReturned;
        bool matchedReturned;
    }

    /// @dev Status in the first slot, so payment checks read one slot.
    struct Beneficiary {
        BeneficiaryStatus status;
        bytes32 vettingHash;
    }

    /// @dev Two slots: everything execution checks, then the amount.
    struct Disbursement {
        address payee;
        uint40 proposedAt;
        DisbursementStatus status;
        uint48 campaignId;
        uint128 amount;
    }

    mapping(uint256 campaignId => CampaignConfig) private _config;
    mapping(uint256 campaignId => CampaignLedger) private _ledger;
    mapping(uint256 campaignId => uint256 hardCap) private _hardCap;
    mapping(uint256 campaignId => CampaignOutflows) private _outflows;
    mapping(uint256 campaignId => Matching) private _matching;
    mapping(uint256 campaignId => MatchPool) private _matchPool;
    /// @dev One word per donor and campaign: the amount given, plus the `_REFUNDED` bit.
    mapping(uint256 campaignId => mapping(address donor => uint256 word)) private _contributions;
    mapping(uint256 campaignId => mapping(address account => bool)) private _campaignBeneficiary;
    mapping(address account => Beneficiary) private _beneficiaries;
    mapping(uint256 disbursementId => Disbursement) private _disbursements;
    mapping(address account => mapping(address token => uint256 amount)) private _owed;
    mapping(address token => bool allowed) private _tokenAllowed;
    uint256 private _campaignCount;
    uint256 private _disbursementCount;

    // ---------------------------------------------------------------------------------------
    // Construction
    // ---------------------------------------------------------------------------------------

    /// @notice Deploys the vault.
    /// @param admin Holds the admin role (grants roles, allowlists tokens).
    /// @param operator The charity arm: manages beneficiaries and campaigns, proposes
    ///        disbursements and sponsors matching.
    /// @param guardian Vetoes disbursements and pauses.
    constructor(address admin, address operator, address guardian) {
        if (admin == address(0) || operator == address(0) || guardian == address(0)) {
            revert CharityVaultZeroAddress();
        }
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(BENEFICIARY_MANAGER_ROLE, operator);
        _grantRole(CAMPAIGN_MANAGER_ROLE, operator);
        _grantRole(DISBURSER_ROLE, operator);
        _grantRole(SPONSOR_ROLE, operator);
        _grantRole(GUARDIAN_ROLE, guardian);
    }

    /// @notice Rejects plain transfers of the native coin: every payment needs a campaign.
    receive() external payable {
        revert CharityVaultDirectTransfer();
    }

    // ---------------------------------------------------------------------------------------
    // Administration
    // ---------------------------------------------------------------------------------------

    /// @inheritdoc ICharityVault
    function setTokenAllowed(address token, bool allowed) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (token == address(0)) revert CharityVaultZeroAddress();
        _tokenAllowed[token] = allowed;
        emit TokenAllowed(token, allowed);
    }

    /// @inheritdoc ICharityVault
    function pause() external onlyRole(GUARDIAN_ROLE) {
        _pause();
    }

    /// @inheritdoc ICharityVault
    function unpause() external onlyRole(GUARDIAN_ROLE) {
        _unpause();
    }

    // ---------------------------------------------------------------------------------------
    // Beneficiaries
    // ---------------------------------------------------------------------------------------

    /// @inheritdoc ICharityVault
    function addBeneficiary(address account, bytes32 vettingHash) external onlyRole(BENEFICIARY_MANAGER_ROLE) {
        if (account == address(0)) revert CharityVaultZeroAddress();
        if (_beneficiaries[account].status != BeneficiaryStatus.None) revert CharityVaultBeneficiaryExists(account);
        _beneficiaries[account] = Beneficiary(BeneficiaryStatus.Pending, vettingHash);
        emit BeneficiaryAdded(account, vettingHash, msg.sender);
    }

    /// @inheritdoc ICharityVault
    function verifyBeneficiary(address account, bytes32 vettingHash) external onlyRole(BENEFICIARY_MANAGER_ROLE) {
        if (_beneficiaries[account].status == BeneficiaryStatus.None) revert CharityVaultUnknownBeneficiary(account);
        _beneficiaries[account] = Beneficiary(BeneficiaryStatus.Verified, vettingHash);
        emit BeneficiaryVerified(account, vettingHash, msg.sender);
    }

    /// @inheritdoc ICharityVault
    function suspendBeneficiary(address account, bytes32 reasonHash) external onlyRole(BENEFICIARY_MANAGER_ROLE) {
        Beneficiary storage beneficiary = _beneficiaries[account];
        if (beneficiary.status == BeneficiaryStatus.None) revert CharityVaultUnknownBeneficiary(account);
        beneficiary.status = BeneficiaryStatus.Suspended;
        emit BeneficiarySuspended(account, reasonHash, msg.sender);
    }

    // ---------------------------------------------------------------------------------------
    // Campaigns
    // ---------------------------------------------------------------------------------------

    /// @inheritdoc ICharityVault
    function createCampaign(
        CampaignParams calldata params
    ) external onlyRole(CAMPAIGN_MANAGER_ROLE) returns (uint256 campaignId) {
        if (params.token != address(0) && !_tokenAllowed[params.token]) {
            revert CharityVaultTokenNotAllowed(params.token);
        }
        _checkCampaignParams(params);
        uint256 count = params.beneficiaries.length;
        if (count == 0 || count > MAX_BENEFICIARIES) revert CharityVaultBeneficiaryCount(count, MAX_BENEFICIARIES);
        campaignId = ++_campaignCount;
        for (uint256 i = 0; i < count; ++i) {
            address account = params.beneficiaries[i];
            if (_beneficiaries[account].status == BeneficiaryStatus.None) {
                revert CharityVaultUnknownBeneficiary(account);
            }
            if (_campaignBeneficiary[campaignId][account]) revert CharityVaultDuplicateBeneficiary(account);
            _campaignBeneficiary[campaignId][account] = true;
        }
        uint8 flags = (params.allOrNothing ? _ALL_OR_NOTHING : 0) | (params.hardCap != 0 ? _CAPPED : 0);
        // Both deadlines were checked against MAX_* from now, so they fit 40 bits for millennia;
        // goal and cap were checked against MAX_AMOUNT.
        _config[campaignId] = CampaignConfig({
            token: params.token,
            deadline: uint40(params.deadline),
            disbursementDeadline: uint40(params.disbursementDeadline),
            flags: flags
        });
        _ledger[campaignId] = CampaignLedger({donated: 0, goal: uint104(params.goal), donationCount: 0});
        if (params.hardCap != 0) _hardCap[campaignId] = params.hardCap;
        _outflows[campaignId] = CampaignOutflows({refunded: 0, disbursed: 0, live: 1});
        emit CampaignCreated(campaignId, params.token, msg.sender, params);
    }

    /// @inheritdoc ICharityVault
    function cancelCampaign(uint256 campaignId) external onlyRole(CAMPAIGN_MANAGER_ROLE) {
        CampaignConfig memory config = _existing(campaignId);
        CampaignStatus status = _status(config);
        if (status != CampaignStatus.Active && status != CampaignStatus.Succeeded) {
            revert CharityVaultWrongCampaignStatus(campaignId, status);
        }
        _config[campaignId].flags = config.flags | _CANCELLED;
        emit CampaignCancelled(campaignId, msg.sender);
    }

    // ---------------------------------------------------------------------------------------
    // Donations
    // ---------------------------------------------------------------------------------------

    /// @inheritdoc IDonationReceiver
    function campaignToken(uint256 campaignId) external view returns (address token) {
        return _existing(campaignId).token;
    }

    /// @inheritdoc IDonationReceiver
    function donate(
        uint256 campaignId,
        uint256 amount,
        address donor
    ) external payable nonReentrant whenNotPaused returns (uint256 donationId) {
        if (donor == address(0)) revert CharityVaultZeroAddress();
        if (amount == 0) revert CharityVaultZeroAmount();
        CampaignConfig memory config = _existing(campaignId);
        CampaignStatus status = _status(config);
        if (status != CampaignStatus.Active) revert CharityVaultWrongCampaignStatus(campaignId, status);
        uint256 received = _receive(config.token, amount);

        CampaignLedger memory ledger = _ledger[campaignId];
        uint256 donated = ledger.donated + received;
        if (donated > MAX_AMOUNT) revert CharityVaultAmountTooLarge(donated, MAX_AMOUNT);
        uint8 flags = config.flags;
        uint8 updated = flags;
        if (flags & _CAPPED != 0) {
            uint256 hardCap = _hardCap[campaignId];
            if (donated > hardCap) revert CharityVaultHardCapExceeded(campaignId, hardCap - ledger.donated);
            if (donated == hardCap) updated |= _CAP_REACHED;
        }
        if (donated >= ledger.goal) updated |= _GOAL_REACHED;
        if (updated != flags) _config[campaignId].flags = updated;
        uint256 matched = flags & _MATCHING != 0 ? _match(campaignId, received) : 0;
        // donationCount + 1 cannot reach 2^40: a donation costs over 40,000 gas, so 2^40 of them
        // would take more gas than the chain will ever have.
        donationId = uint256(ledger.donationCount) + 1;
        // donated <= MAX_AMOUNT (checked above).
        _ledger[campaignId] = CampaignLedger({
            donated: uint104(donated),
            goal: ledger.goal,
            donationCount: uint40(donationId)
        });
        // A donor's sum is at most `donated` < 2^104, and the `_REFUNDED` bit is never set while
        // the campaign is Active (refunds need another status, and none leads back to Active).
        unchecked {
            _contributions[campaignId][donor] += received;
        }
        emit Donated(campaignId, donationId, donor, msg.sender, received, matched);
    }

    // ---------------------------------------------------------------------------------------
    // Matching
    // ---------------------------------------------------------------------------------------

    /// @inheritdoc ICharityVault
    function fundMatching(
        uint256 campaignId,
        uint256 amount,
        uint16 ratioBps
    ) external payable onlyRole(SPONSOR_ROLE) nonReentrant whenNotPaused {
        if (amount == 0) revert CharityVaultZeroAmount();
        if (ratioBps == 0 || ratioBps > MAX_RATIO_BPS) revert CharityVaultInvalidRatio(ratioBps, MAX_RATIO_BPS);
        CampaignConfig memory config = _existing(campaignId);
        CampaignStatus status = _status(config);
        if (status != CampaignStatus.Active) revert CharityVaultWrongCampaignStatus(campaignId, status);
        if (_matching[campaignId].sponsor != address(0)) revert CharityVaultMatchingExists(campaignId);
        uint256 received = _receive(config.token, amount);
        if (received > MAX_AMOUNT) revert CharityVaultAmountTooLarge(received, MAX_AMOUNT);
        _matching[campaignId] = Matching(msg.sender, ratioBps, false, false);
        // received <= MAX_AMOUNT (checked above).
        _matchPool[campaignId] = MatchPool({pool: uint128(received), matched: 0});
        _config[campaignId].flags = config.flags | _MATCHING;
        emit MatchingFunded(campaignId, msg.sender, received, ratioBps);
    }

    /// @inheritdoc ICharityVault
    function withdrawMatching(uint256 campaignId) external nonReentrant {
        CampaignConfig memory config = _existing(campaignId);
        Matching memory matching = _matching[campaignId];
        if (matching.sponsor != msg.sender) revert CharityVaultNotSponsor(campaignId, msg.sender);
        CampaignStatus status = _status(config);
        if (status == CampaignStatus.Active) revert CharityVaultWrongCampaignStatus(campaignId, status);
        MatchPool memory pool = _matchPool[campaignId];
        uint256 unused = matching.unusedReturned ? 0 : pool.pool - pool.matched;
        uint256 returned = 0;
        if (!matching.matchedReturned && status != CampaignStatus.Succeeded) {
            CampaignOutflows memory outflows = _outflows[campaignId];
            uint256 base = uint256(_ledger[campaignId].donated) + pool.matched;
            returned = _unspentShare(pool.matched, base, outflows.disbursed);
            matching.matchedReturned = true;
            // returned <= matched <= MAX_AMOUNT, and refunded never exceeds donated + matched.
            _outflows[campaignId] = CampaignOutflows({
                refunded: outflows.refunded + uint120(returned),
                disbursed: outflows.disbursed,
                live: 1
            });
        }
        if (unused + returned == 0) revert CharityVaultNothingToClaim(campaignId, msg.sender);
        matching.unusedReturned = true;
        _matching[campaignId] = matching;
        emit MatchingWithdrawn(campaignId, msg.sender, unused, returned);
        _pay(config.token, msg.sender, unused + returned);
    }

    // ---------------------------------------------------------------------------------------
    // Refunds
    // ---------------------------------------------------------------------------------------

    /// @inheritdoc ICharityVault
    function refund(uint256 campaignId) external nonReentrant returns (uint256 amount) {
        CampaignConfig memory config = _existing(campaignId);
        CampaignStatus status = _status(config);
        if (status != CampaignStatus.Failed && status != CampaignStatus.Cancelled && status != CampaignStatus.Closed) {
            revert CharityVaultWrongCampaignStatus(campaignId, status);
        }
        uint256 word = _contributions[campaignId][msg.sender];
        if (word & _REFUNDED != 0) revert CharityVaultAlreadyRefunded(campaignId, msg.sender);
        CampaignOutflows memory outflows = _outflows[campaignId];
        amount = word;
        if (outflows.disbursed != 0) {
            amount = _unspentShare(amount, _base(campaignId, config.flags), outflows.disbursed);
        }
        if (amount == 0) revert CharityVaultNothingToClaim(campaignId, msg.sender);
        _contributions[campaignId][msg.sender] = word | _REFUNDED;
        // amount <= contribution <= donated, and refunded + disbursed never exceeds
        // donated + matched < 2^105, so the sum fits 120 bits.
        unchecked {
            _outflows[campaignId] = CampaignOutflows({
                refunded: outflows.refunded + uint120(amount),
                disbursed: outflows.disbursed,
                live: 1
            });
        }
        if (status == CampaignStatus.Closed) emit DormantReclaimed(campaignId, msg.sender, amount);
        else emit Refunded(campaignId, msg.sender, amount);
        _pay(config.token, msg.sender, amount);
    }

    // ---------------------------------------------------------------------------------------
    // Disbursements
    // ---------------------------------------------------------------------------------------

    /// @inheritdoc ICharityVault
    function proposeDisbursement(
        uint256 campaignId,
        address payee,
        uint256 amount,
        bytes32 purposeHash,
        string calldata evidenceUri
    ) external onlyRole(DISBURSER_ROLE) whenNotPaused returns (uint256 disbursementId) {
        if (amount == 0) revert CharityVaultZeroAmount();
        if (bytes(evidenceUri).length > MAX_URI_LENGTH) {
            revert CharityVaultUriTooLong(bytes(evidenceUri).length, MAX_URI_LENGTH);
        }
        CampaignConfig memory config = _existing(campaignId);
        CampaignStatus status = _status(config);
        if (status != CampaignStatus.Succeeded) revert CharityVaultWrongCampaignStatus(campaignId, status);
        if (!_campaignBeneficiary[campaignId][payee]) revert CharityVaultNotCampaignBeneficiary(campaignId, payee);
        _requireVerified(payee);
        uint256 held = _held(campaignId, config.flags);
        if (amount > held) revert CharityVaultInsufficientHeld(campaignId, amount, held);
        disbursementId = ++_disbursementCount;
        // campaignId <= _campaignCount, which one transaction per campaign cannot take to 2^48;
        // amount <= held < 2^105.
        _disbursements[disbursementId] = Disbursement({
            payee: payee,
            proposedAt: uint40(block.timestamp),
            status: DisbursementStatus.Proposed,
            campaignId: uint48(campaignId),
            amount: uint128(amount)
        });
        emit DisbursementProposed(
            disbursementId,
            campaignId,
            payee,
            amount,
            purposeHash,
            evidenceUri,
            uint64(block.timestamp) + CHALLENGE_PERIOD
        );
    }

    /// @inheritdoc ICharityVault
    function vetoDisbursement(uint256 disbursementId, bytes32 reasonHash) external onlyRole(GUARDIAN_ROLE) {
        Disbursement storage disbursement = _disbursements[disbursementId];
        _requirePending(disbursementId, disbursement.status);
        uint64 executableAt = uint64(disbursement.proposedAt) + CHALLENGE_PERIOD;
        if (block.timestamp >= executableAt) revert CharityVaultChallengeWindowOver(disbursementId, executableAt);
        disbursement.status = DisbursementStatus.Vetoed;
        emit DisbursementVetoed(disbursementId, disbursement.campaignId, msg.sender, reasonHash);
    }

    /// @inheritdoc ICharityVault
    function executeDisbursement(uint256 disbursementId) external whenNotPaused {
        Disbursement storage disbursement = _disbursements[disbursementId];
        address payee = disbursement.payee;
        uint40 proposedAt = disbursement.proposedAt;
        uint256 campaignId = disbursement.campaignId;
        _requirePending(disbursementId, disbursement.status);
        uint64 executableAt = uint64(proposedAt) + CHALLENGE_PERIOD;
        if (block.timestamp < executableAt) revert CharityVaultChallengeWindowOpen(disbursementId, executableAt);
        CampaignConfig memory config = _config[campaignId];
        CampaignStatus status = _status(config);
        if (status != CampaignStatus.Succeeded) revert CharityVaultWrongCampaignStatus(campaignId, status);
        _requireVerified(payee);
        uint256 amount = disbursement.amount;
        CampaignOutflows memory outflows = _outflows[campaignId];
        uint256 held = _base(campaignId, config.flags) - outflows.refunded - outflows.disbursed;
        if (amount > held) revert CharityVaultInsufficientHeld(campaignId, amount, held);
        disbursement.status = DisbursementStatus.Executed;
        // amount <= held, so disbursed stays <= donated + matched < 2^105.
        _outflows[campaignId] = CampaignOutflows({
            refunded: outflows.refunded,
            disbursed: outflows.disbursed + uint120(amount),
            live: 1
        });
        _owed[payee][config.token] += amount;
        emit DisbursementExecuted(disbursementId, campaignId, payee, amount);
    }

    /// @inheritdoc ICharityVault
    function withdraw(address token) external nonReentrant returns (uint256 amount) {
        amount = _owed[msg.sender][token];
        if (amount == 0) revert CharityVaultNothingToClaim(0, msg.sender);
        _owed[msg.sender][token] = 0;
        emit Withdrawn(msg.sender, token, amount);
        _pay(token, msg.sender, amount);
    }

    // ---------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------

    /// @inheritdoc ICharityVault
    function campaignCount() external view returns (uint256 count) {
        return _campaignCount;
    }

    /// @inheritdoc ICharityVault
    function disbursementCount() external view returns (uint256 count) {
        return _disbursementCount;
    }

    /// @inheritdoc ICharityVault
    function getCampaign(uint256 campaignId) external view returns (CampaignView memory info) {
        CampaignConfig memory config = _existing(campaignId);
        CampaignLedger memory ledger = _ledger[campaignId];
        uint256 matched = _matchPool[campaignId].matched;
        CampaignOutflows memory outflows = _outflows[campaignId];
        info = CampaignView({
            token: config.token,
            goal: ledger.goal,
            hardCap: _hardCap[campaignId],
            deadline: config.deadline,
            disbursementDeadline: config.disbursementDeadline,
            allOrNothing: config.flags & _ALL_OR_NOTHING != 0,
            status: _status(config),
            donated: ledger.donated,
            matched: matched,
            refunded: outflows.refunded,
            disbursed: outflows.disbursed,
            held: uint256(ledger.donated) + matched - outflows.refunded - outflows.disbursed,
            donationCount: ledger.donationCount
        });
    }

    /// @inheritdoc ICharityVault
    function campaignStatus(uint256 campaignId) external view returns (CampaignStatus status) {
        return _status(_existing(campaignId));
    }

    /// @inheritdoc ICharityVault
    function isCampaignBeneficiary(uint256 campaignId, address account) external view returns (bool allowed) {
        return _campaignBeneficiary[campaignId][account];
    }

    /// @inheritdoc ICharityVault
    function getMatching(uint256 campaignId) external view returns (MatchingView memory info) {
        Matching memory matching = _matching[campaignId];
        MatchPool memory pool = _matchPool[campaignId];
        info = MatchingView({
            sponsor: matching.sponsor,
            ratioBps: matching.ratioBps,
            pool: pool.pool,
            matched: pool.matched,
            unusedReturned: matching.unusedReturned,
            matchedReturned: matching.matchedReturned
        });
    }

    /// @inheritdoc ICharityVault
    function contributionOf(uint256 campaignId, address donor) external view returns (uint256 amount, bool refunded) {
        uint256 word = _contributions[campaignId][donor];
        return (word & ~_REFUNDED, word & _REFUNDED != 0);
    }

    /// @inheritdoc ICharityVault
    function refundableAmount(uint256 campaignId, address donor) external view returns (uint256 amount) {
        CampaignConfig memory config = _config[campaignId];
        if (config.deadline == 0) return 0;
        CampaignStatus status = _status(config);
        if (status != CampaignStatus.Failed && status != CampaignStatus.Cancelled && status != CampaignStatus.Closed) {
            return 0;
        }
        uint256 word = _contributions[campaignId][donor];
        if (word & _REFUNDED != 0) return 0;
        uint256 disbursed = _outflows[campaignId].disbursed;
        if (disbursed == 0) return word;
        return _unspentShare(word, _base(campaignId, config.flags), disbursed);
    }

    /// @inheritdoc ICharityVault
    function attributedSpending(uint256 campaignId, address donor) external view returns (uint256 amount) {
        uint256 base = _base(campaignId, _MATCHING);
        if (base == 0) return 0;
        uint256 contributed = _contributions[campaignId][donor] & ~_REFUNDED;
        return (contributed * _outflows[campaignId].disbursed) / base;
    }

    /// @inheritdoc ICharityVault
    function beneficiaryOf(address account) external view returns (BeneficiaryStatus status, bytes32 vettingHash) {
        Beneficiary memory beneficiary = _beneficiaries[account];
        return (beneficiary.status, beneficiary.vettingHash);
    }

    /// @inheritdoc ICharityVault
    function getDisbursement(uint256 disbursementId) external view returns (DisbursementView memory info) {
        Disbursement memory disbursement = _disbursements[disbursementId];
        if (disbursement.status == DisbursementStatus.None) revert CharityVaultUnknownDisbursement(disbursementId);
        info = DisbursementView({
            campaignId: disbursement.campaignId,
            payee: disbursement.payee,
            amount: disbursement.amount,
            proposedAt: disbursement.proposedAt,
            executableAt: uint64(disbursement.proposedAt) + CHALLENGE_PERIOD,
            status: disbursement.status
        });
    }

    /// @inheritdoc ICharityVault
    function owedTo(address account, address token) external view returns (uint256 amount) {
        return _owed[account][token];
    }

    /// @inheritdoc ICharityVault
    function isTokenAllowed(address token) external view returns (bool allowed) {
        return _tokenAllowed[token];
    }

    // ---------------------------------------------------------------------------------------
    // Internals
    // ---------------------------------------------------------------------------------------

    /// @dev The campaign's config slot, or a revert when it does not exist (deadline 0).
    function _existing(uint256 campaignId) private view returns (CampaignConfig memory config) {
        config = _config[campaignId];
        if (config.deadline == 0) revert CharityVaultUnknownCampaign(campaignId);
    }

    /// @dev The lifecycle, from the config slot and the clock.
    function _status(CampaignConfig memory config) private view returns (CampaignStatus) {
        uint8 flags = config.flags;
        if (flags & _CANCELLED != 0) return CampaignStatus.Cancelled;
        if (block.timestamp <= config.deadline && flags & _CAP_REACHED == 0) return CampaignStatus.Active;
        if (flags & _ALL_OR_NOTHING != 0 && flags & _GOAL_REACHED == 0) return CampaignStatus.Failed;
        if (block.timestamp > config.disbursementDeadline) return CampaignStatus.Closed;
        return CampaignStatus.Succeeded;
    }

    /// @dev What the campaign holds now.
    function _held(uint256 campaignId, uint8 flags) private view returns (uint256) {
        CampaignOutflows memory outflows = _outflows[campaignId];
        return _base(campaignId, flags) - outflows.refunded - outflows.disbursed;
    }

    /// @dev Everything that came into the campaign: donations plus matching. The matching slot is
    ///      read only when the flags say the campaign has a pool.
    function _base(uint256 campaignId, uint8 flags) private view returns (uint256 base) {
        base = _ledger[campaignId].donated;
        if (flags & _MATCHING != 0) base += _matchPool[campaignId].matched;
    }

    /// @dev `part`'s pro-rata share of the unspent funds `base - disbursed`, rounded down.
    function _unspentShare(uint256 part, uint256 base, uint256 disbursed) private pure returns (uint256) {
        if (base == 0) return 0;
        return (part * (base - disbursed)) / base;
    }

    /// @dev Matches a donation with `received * ratio`, limited by what is left in the pool, and
    ///      records it.
    function _match(uint256 campaignId, uint256 received) private returns (uint256 matched) {
        MatchPool memory pool = _matchPool[campaignId];
        uint256 left = pool.pool - pool.matched;
        matched = (received * _matching[campaignId].ratioBps) / _BPS;
        if (matched > left) matched = left;
        // pool.matched + matched <= pool.pool <= MAX_AMOUNT.
        if (matched != 0) _matchPool[campaignId].matched = pool.matched + uint128(matched);
    }

    /// @dev Takes a payment in the campaign's currency and returns what arrived.
    function _receive(address token, uint256 amount) private returns (uint256 received) {
        if (token == address(0)) {
            if (msg.value != amount) revert CharityVaultValueMismatch(msg.value, amount);
            return amount;
        }
        if (msg.value != 0) revert CharityVaultValueMismatch(msg.value, 0);
        uint256 before = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
        received = IERC20(token).balanceOf(address(this)) - before;
        if (received == 0) revert CharityVaultNothingReceived(token);
    }

    /// @dev Pays `amount` of `token` (native coin for address(0)) to `to`.
    function _pay(address token, address to, uint256 amount) private {
        if (token == address(0)) {
            bool ok;
            // A bare call that copies no return data: the recipient's answer is not used.
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                ok := call(gas(), to, amount, 0, 0, 0, 0)
            }
            if (!ok) revert CharityVaultTransferFailed(to, amount);
        } else {
            IERC20(token).safeTransfer(to, amount);
        }
    }

    /// @dev Reverts unless the disbursement exists and is Proposed.
    function _requirePending(uint256 disbursementId, DisbursementStatus status) private pure {
        if (status == DisbursementStatus.None) revert CharityVaultUnknownDisbursement(disbursementId);
        if (status != DisbursementStatus.Proposed) revert CharityVaultDisbursementNotPending(disbursementId, status);
    }

    /// @dev Reverts unless the beneficiary is Verified.
    function _requireVerified(address account) private view {
        BeneficiaryStatus status = _beneficiaries[account].status;
        if (status != BeneficiaryStatus.Verified) revert CharityVaultBeneficiaryNotVerified(account, status);
    }

    /// @dev Goal, cap and deadline rules for a new campaign.
    function _checkCampaignParams(CampaignParams calldata params) private view {
        bool valid =
            params.goal != 0 &&
                params.goal <= MAX_AMOUNT &&
                (params.hardCap == 0 || (params.hardCap >= params.goal && params.hardCap <= MAX_AMOUNT)) &&
                params.deadline > block.timestamp &&
                params.deadline <= block.timestamp + MAX_CAMPAIGN_DURATION &&
                params.disbursementDeadline > params.deadline &&
                params.disbursementDeadline <= uint256(params.deadline) + MAX_DISBURSEMENT_PERIOD;
        if (!valid) {
            revert CharityVaultInvalidCampaignParams(
                params.goal,
                params.hardCap,
                params.deadline,
                params.disbursementDeadline
            );
        }
    }
}
