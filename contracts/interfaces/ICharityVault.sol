// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IDonationReceiver} from "./IDonationReceiver.sol";

// Amounts, hashes and flags in events are data on purpose: the SDK filters on ids and addresses
// (indexed) and reads amounts from the data, which costs less than extra topics.
// solhint-disable gas-indexed-events

/// @title ICharityVault
/// @notice A transparent donation vault. Verified beneficiaries are paid from campaigns through
///         proposed disbursements that a guardian may veto during a challenge window; donors pull
///         refunds when a campaign fails or is cancelled, and reclaim their pro-rata share of funds
///         still unspent after the disbursement deadline. Every state change emits an event that
///         lets anyone rebuild where each wei went.
/// @dev Accounting, per campaign: `held == donated + matched - refunded - disbursed`, where
///      `refunded` counts donor refunds, dormant reclaims and matched funds returned to the
///      sponsor. Per token: `balance >= Σ held + Σ unreturned matching pools + Σ owed`.
///      Pro-rata amounts round down; the rounding remainder (less than one wei per claimant) stays
///      held by the campaign.
interface ICharityVault is IDonationReceiver {
    // ---------------------------------------------------------------------------------------
    // Types
    // ---------------------------------------------------------------------------------------

    /// @notice Vetting state of a beneficiary.
    enum BeneficiaryStatus {
        None,
        Pending,
        Verified,
        Suspended
    }

    /// @notice Lifecycle of a campaign, derived from stored data and time (only Cancel is an act).
    enum CampaignStatus {
        None,
        Active,
        Succeeded,
        Failed,
        Cancelled,
        Closed
    }

    /// @notice Lifecycle of a disbursement proposal.
    enum DisbursementStatus {
        None,
        Proposed,
        Vetoed,
        Executed
    }

    /// @notice What a campaign manager fixes when creating a campaign.
    struct CampaignParams {
        /// @dev `address(0)` for the native coin, otherwise an allowlisted ERC-20.
        address token;
        /// @dev Donations needed for success (all-or-nothing) — counted on donations, not matching.
        uint256 goal;
        /// @dev Donations stop once this much was donated; 0 means no cap. At least `goal`.
        uint256 hardCap;
        /// @dev Last second at which donations are accepted.
        uint64 deadline;
        /// @dev Last second at which disbursements execute; after it unspent funds are dormant.
        uint64 disbursementDeadline;
        /// @dev True: refunds unless `goal` is reached. False: keep what was raised.
        bool allOrNothing;
        /// @dev The registered beneficiaries this campaign may pay.
        address[] beneficiaries;
        /// @dev Hash of the off-chain campaign description.
        bytes32 detailsHash;
    }

    /// @notice Everything about a campaign in one read.
    struct CampaignView {
        address token;
        uint256 goal;
        uint256 hardCap;
        uint64 deadline;
        uint64 disbursementDeadline;
        bool allOrNothing;
        CampaignStatus status;
        uint256 donated;
        uint256 matched;
        uint256 refunded;
        uint256 disbursed;
        uint256 held;
        uint256 donationCount;
    }

    /// @notice A campaign's matching pool.
    struct MatchingView {
        address sponsor;
        uint16 ratioBps;
        bool unusedReturned;
        bool matchedReturned;
        uint256 pool;
        uint256 matched;
    }

    /// @notice A disbursement proposal.
    struct DisbursementView {
        uint256 campaignId;
        address payee;
        uint256 amount;
        uint64 proposedAt;
        uint64 executableAt;
        DisbursementStatus status;
    }

    // ---------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------

    /// @notice A plain transfer of the native coin, which has no campaign to credit.
    error CharityVaultDirectTransfer();
    /// @notice An address that must be set is zero.
    error CharityVaultZeroAddress();
    /// @notice An amount that must be positive is zero.
    error CharityVaultZeroAmount();
    /// @notice An amount does not fit the vault's accounting (more than `maximum`).
    /// @param amount The amount.
    /// @param maximum The largest amount accepted.
    error CharityVaultAmountTooLarge(uint256 amount, uint256 maximum);
    /// @notice The ERC-20 is not allowlisted.
    /// @param token The token.
    error CharityVaultTokenNotAllowed(address token);
    /// @notice The campaign does not exist.
    /// @param campaignId The campaign.
    error CharityVaultUnknownCampaign(uint256 campaignId);
    /// @notice The campaign is not in a state that allows the operation.
    /// @param campaignId The campaign.
    /// @param status Its current status.
    error CharityVaultWrongCampaignStatus(uint256 campaignId, CampaignStatus status);
    /// @notice Campaign parameters are inconsistent (goal, cap or deadlines).
    /// @param goal The goal.
    /// @param hardCap The hard cap.
    /// @param deadline The donation deadline.
    /// @param disbursementDeadline The disbursement deadline.
    error CharityVaultInvalidCampaignParams(
        uint256 goal,
        uint256 hardCap,
        uint64 deadline,
        uint64 disbursementDeadline
    );
    /// @notice The list of beneficiaries is empty or longer than the maximum.
    /// @param count Its length.
    /// @param maximum The maximum.
    error CharityVaultBeneficiaryCount(uint256 count, uint256 maximum);
    /// @notice A beneficiary appears twice in a campaign.
    /// @param account The beneficiary.
    error CharityVaultDuplicateBeneficiary(address account);
    /// @notice The beneficiary is already registered.
    /// @param account The beneficiary.
    error CharityVaultBeneficiaryExists(address account);
    /// @notice The beneficiary is not registered.
    /// @param account The address.
    error CharityVaultUnknownBeneficiary(address account);
    /// @notice The beneficiary is not Verified, so it cannot be paid.
    /// @param account The beneficiary.
    /// @param status Its status.
    error CharityVaultBeneficiaryNotVerified(address account, BeneficiaryStatus status);
    /// @notice The payee is not one of the campaign's beneficiaries.
    /// @param campaignId The campaign.
    /// @param account The payee.
    error CharityVaultNotCampaignBeneficiary(uint256 campaignId, address account);
    /// @notice Native coin sent does not match the amount, or was sent with an ERC-20 donation.
    /// @param sent `msg.value`.
    /// @param expected What had to be sent.
    error CharityVaultValueMismatch(uint256 sent, uint256 expected);
    /// @notice The ERC-20 transfer delivered nothing.
    /// @param token The token.
    error CharityVaultNothingReceived(address token);
    /// @notice The donation would take the campaign over its hard cap.
    /// @param campaignId The campaign.
    /// @param room What can still be donated.
    error CharityVaultHardCapExceeded(uint256 campaignId, uint256 room);
    /// @notice The campaign already has a matching pool.
    /// @param campaignId The campaign.
    error CharityVaultMatchingExists(uint256 campaignId);
    /// @notice The matching ratio is zero or above the maximum.
    /// @param ratioBps The ratio in basis points.
    /// @param maximum The maximum.
    error CharityVaultInvalidRatio(uint256 ratioBps, uint256 maximum);
    /// @notice The caller is not the campaign's matching sponsor.
    /// @param campaignId The campaign.
    /// @param caller The caller.
    error CharityVaultNotSponsor(uint256 campaignId, address caller);
    /// @notice The donor already took their refund.
    /// @param campaignId The campaign.
    /// @param donor The donor.
    error CharityVaultAlreadyRefunded(uint256 campaignId, address donor);
    /// @notice There is nothing for the caller to claim.
    /// @param campaignId The campaign (0 for a beneficiary withdrawal).
    /// @param account The caller.
    error CharityVaultNothingToClaim(uint256 campaignId, address account);
    /// @notice The amount is more than the campaign holds.
    /// @param campaignId The campaign.
    /// @param amount The amount asked for.
    /// @param held What the campaign holds.
    error CharityVaultInsufficientHeld(uint256 campaignId, uint256 amount, uint256 held);
    /// @notice The disbursement does not exist.
    /// @param disbursementId The disbursement.
    error CharityVaultUnknownDisbursement(uint256 disbursementId);
    /// @notice The disbursement is not in the Proposed state.
    /// @param disbursementId The disbursement.
    /// @param status Its status.
    error CharityVaultDisbursementNotPending(uint256 disbursementId, DisbursementStatus status);
    /// @notice The challenge window has not ended yet.
    /// @param disbursementId The disbursement.
    /// @param executableAt When it may be executed.
    error CharityVaultChallengeWindowOpen(uint256 disbursementId, uint64 executableAt);
    /// @notice The challenge window is over, so the disbursement can no longer be vetoed.
    /// @param disbursementId The disbursement.
    /// @param executableAt When the window ended.
    error CharityVaultChallengeWindowOver(uint256 disbursementId, uint64 executableAt);
    /// @notice The evidence URI is longer than the maximum.
    /// @param length Its length in bytes.
    /// @param maximum The maximum.
    error CharityVaultUriTooLong(uint256 length, uint256 maximum);
    /// @notice The transfer of the native coin to the recipient failed.
    /// @param recipient The recipient.
    /// @param amount The amount.
    error CharityVaultTransferFailed(address recipient, uint256 amount);

    // ---------------------------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------------------------

    /// @notice An ERC-20 was allowlisted or removed from the allowlist.
    /// @param token The token.
    /// @param allowed Whether new campaigns may use it.
    event TokenAllowed(address indexed token, bool allowed);
    /// @notice A beneficiary was registered (Pending).
    /// @param account The payout address.
    /// @param vettingHash Hash of the vetting documents.
    /// @param by The registering manager.
    event BeneficiaryAdded(address indexed account, bytes32 vettingHash, address indexed by);
    /// @notice A beneficiary was verified.
    /// @param account The beneficiary.
    /// @param vettingHash Hash of the vetting documents checked.
    /// @param by The verifying manager.
    event BeneficiaryVerified(address indexed account, bytes32 vettingHash, address indexed by);
    /// @notice A beneficiary was suspended.
    /// @param account The beneficiary.
    /// @param reasonHash Hash of the reason.
    /// @param by The suspending manager.
    event BeneficiarySuspended(address indexed account, bytes32 reasonHash, address indexed by);
    /// @notice A campaign was created.
    /// @param campaignId The new campaign.
    /// @param token Its currency.
    /// @param creator The campaign manager.
    /// @param params Everything fixed at creation.
    event CampaignCreated(
        uint256 indexed campaignId,
        address indexed token,
        address indexed creator,
        CampaignParams params
    );
    /// @notice A campaign was cancelled; donors may pull their refunds.
    /// @param campaignId The campaign.
    /// @param by The campaign manager.
    event CampaignCancelled(uint256 indexed campaignId, address indexed by);
    /// @notice A donation was recorded; the receipt of the donor.
    /// @param campaignId The campaign.
    /// @param donationId The donation's number within the campaign (from 1).
    /// @param donor The address credited.
    /// @param payer Who paid (differs from `donor` when donating on someone's behalf).
    /// @param amount What arrived in the vault.
    /// @param matched What the matching pool added.
    event Donated(
        uint256 indexed campaignId,
        uint256 indexed donationId,
        address indexed donor,
        address payer,
        uint256 amount,
        uint256 matched
    );
    /// @notice A sponsor funded a campaign's matching pool.
    /// @param campaignId The campaign.
    /// @param sponsor The sponsor.
    /// @param pool What arrived in the pool.
    /// @param ratioBps Matching per donated unit, in basis points.
    event MatchingFunded(uint256 indexed campaignId, address indexed sponsor, uint256 pool, uint16 ratioBps);
    /// @notice Matching funds went back to the sponsor.
    /// @param campaignId The campaign.
    /// @param sponsor The sponsor.
    /// @param unused Pool never matched.
    /// @param matchedReturned Matched funds returned (campaign failed, cancelled or dormant).
    event MatchingWithdrawn(
        uint256 indexed campaignId,
        address indexed sponsor,
        uint256 unused,
        uint256 matchedReturned
    );
    /// @notice A donor pulled a refund of a Failed or Cancelled campaign.
    /// @param campaignId The campaign.
    /// @param donor The donor.
    /// @param amount What was paid.
    event Refunded(uint256 indexed campaignId, address indexed donor, uint256 amount);
    /// @notice A donor reclaimed their share of a Closed campaign's unspent (dormant) funds.
    /// @param campaignId The campaign.
    /// @param donor The donor.
    /// @param amount What was paid.
    event DormantReclaimed(uint256 indexed campaignId, address indexed donor, uint256 amount);
    /// @notice A disbursement was proposed.
    /// @param disbursementId The proposal.
    /// @param campaignId The campaign paying.
    /// @param payee The beneficiary.
    /// @param amount The amount.
    /// @param purposeHash Hash of the invoice or purchase order.
    /// @param evidenceUri Where the evidence is published.
    /// @param executableAt When the challenge window ends.
    event DisbursementProposed(
        uint256 indexed disbursementId,
        uint256 indexed campaignId,
        address indexed payee,
        uint256 amount,
        bytes32 purposeHash,
        string evidenceUri,
        uint64 executableAt
    );
    /// @notice A guardian vetoed a disbursement.
    /// @param disbursementId The proposal.
    /// @param campaignId The campaign.
    /// @param guardian The guardian.
    /// @param reasonHash Hash of the reason.
    event DisbursementVetoed(
        uint256 indexed disbursementId,
        uint256 indexed campaignId,
        address indexed guardian,
        bytes32 reasonHash
    );
    /// @notice A disbursement was executed: the amount is owed to the payee.
    /// @param disbursementId The proposal.
    /// @param campaignId The campaign.
    /// @param payee The beneficiary.
    /// @param amount The amount.
    event DisbursementExecuted(
        uint256 indexed disbursementId,
        uint256 indexed campaignId,
        address indexed payee,
        uint256 amount
    );
    /// @notice A beneficiary withdrew what it is owed.
    /// @param beneficiary The beneficiary.
    /// @param token The currency.
    /// @param amount The amount.
    event Withdrawn(address indexed beneficiary, address indexed token, uint256 amount);

    // ---------------------------------------------------------------------------------------
    // Administration
    // ---------------------------------------------------------------------------------------

    /// @notice Allowlists an ERC-20 for new campaigns (or removes it). Admin only.
    /// @param token The token.
    /// @param allowed Whether it is allowed.
    function setTokenAllowed(address token, bool allowed) external;

    /// @notice Stops donations, matching and disbursement execution. Guardian only.
    function pause() external;

    /// @notice Resumes what `pause` stopped. Guardian only.
    function unpause() external;

    // ---------------------------------------------------------------------------------------
    // Beneficiaries
    // ---------------------------------------------------------------------------------------

    /// @notice Registers a beneficiary as Pending. Beneficiary manager only.
    /// @param account The payout address.
    /// @param vettingHash Hash of the vetting documents.
    function addBeneficiary(address account, bytes32 vettingHash) external;

    /// @notice Marks a Pending or Suspended beneficiary Verified. Beneficiary manager only.
    /// @param account The beneficiary.
    /// @param vettingHash Hash of the vetting documents checked (replaces the stored one).
    function verifyBeneficiary(address account, bytes32 vettingHash) external;

    /// @notice Suspends a beneficiary: it cannot be paid until verified again. Funds it is already
    ///         owed stay withdrawable. Beneficiary manager only.
    /// @param account The beneficiary.
    /// @param reasonHash Hash of the reason.
    function suspendBeneficiary(address account, bytes32 reasonHash) external;

    // ---------------------------------------------------------------------------------------
    // Campaigns
    // ---------------------------------------------------------------------------------------

    /// @notice Creates a campaign. Campaign manager only.
    /// @param params The campaign's parameters.
    /// @return campaignId The new campaign's id (from 1).
    function createCampaign(CampaignParams calldata params) external returns (uint256 campaignId);

    /// @notice Cancels an Active or Succeeded campaign; donors then pull refunds of what is
    ///         unspent, pro-rata. Campaign manager only.
    /// @param campaignId The campaign.
    function cancelCampaign(uint256 campaignId) external;

    // ---------------------------------------------------------------------------------------
    // Matching
    // ---------------------------------------------------------------------------------------

    /// @notice Funds an Active campaign's matching pool: each later donation is matched with
    ///         `amount * ratioBps / 10_000` while the pool lasts. For the native coin `msg.value`
    ///         must equal `amount`; an ERC-20 is pulled and credited by what arrived. Sponsor only.
    /// @param campaignId The campaign.
    /// @param amount The pool (the matching cap).
    /// @param ratioBps Matching per donated unit in basis points (10_000 = one to one).
    function fundMatching(uint256 campaignId, uint256 amount, uint16 ratioBps) external payable;

    /// @notice Returns matching funds to the sponsor once the campaign is no longer Active: the
    ///         unused pool always, and the matched funds' unspent share when the campaign Failed,
    ///         was Cancelled or is Closed (pro-rata like the donors, rounded down).
    /// @param campaignId The campaign.
    function withdrawMatching(uint256 campaignId) external;

    // ---------------------------------------------------------------------------------------
    // Refunds
    // ---------------------------------------------------------------------------------------

    /// @notice Pays the caller's refund: the full contribution when the campaign Failed, and the
    ///         pro-rata unspent share `contribution * (donated + matched - disbursed) /
    ///         (donated + matched)` (rounded down) when it was Cancelled or is Closed. Works while
    ///         paused. Once per donor and campaign.
    /// @param campaignId The campaign.
    /// @return amount What was paid.
    function refund(uint256 campaignId) external returns (uint256 amount);

    // ---------------------------------------------------------------------------------------
    // Disbursements
    // ---------------------------------------------------------------------------------------

    /// @notice Proposes paying a Verified beneficiary of a Succeeded campaign. Disburser only.
    /// @param campaignId The campaign.
    /// @param payee The beneficiary.
    /// @param amount The amount; at most what the campaign holds.
    /// @param purposeHash Hash of the invoice or purchase order.
    /// @param evidenceUri Where the evidence is published (at most `MAX_URI_LENGTH` bytes).
    /// @return disbursementId The proposal's id (from 1).
    function proposeDisbursement(
        uint256 campaignId,
        address payee,
        uint256 amount,
        bytes32 purposeHash,
        string calldata evidenceUri
    ) external returns (uint256 disbursementId);

    /// @notice Vetoes a proposal during its challenge window. Guardian only.
    /// @param disbursementId The proposal.
    /// @param reasonHash Hash of the reason.
    function vetoDisbursement(uint256 disbursementId, bytes32 reasonHash) external;

    /// @notice Executes a proposal after its challenge window: the payee (still Verified) is owed
    ///         the amount, which must still be held by the campaign (still Succeeded). Anyone may
    ///         call it; not while paused.
    /// @param disbursementId The proposal.
    function executeDisbursement(uint256 disbursementId) external;

    /// @notice Pays the caller everything it is owed in `token`. Works while paused.
    /// @param token The currency (`address(0)` for the native coin).
    /// @return amount What was paid.
    function withdraw(address token) external returns (uint256 amount);

    // ---------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------

    /// @notice Number of campaigns created; ids run from 1 to this.
    /// @return count The count.
    function campaignCount() external view returns (uint256 count);

    /// @notice Number of disbursements proposed; ids run from 1 to this.
    /// @return count The count.
    function disbursementCount() external view returns (uint256 count);

    /// @notice A campaign with its totals and derived status.
    /// @param campaignId The campaign.
    /// @return info The campaign.
    function getCampaign(uint256 campaignId) external view returns (CampaignView memory info);

    /// @notice A campaign's status now.
    /// @param campaignId The campaign.
    /// @return status The status.
    function campaignStatus(uint256 campaignId) external view returns (CampaignStatus status);

    /// @notice Whether `account` is one of the campaign's beneficiaries.
    /// @param campaignId The campaign.
    /// @param account The address.
    /// @return allowed Whether the campaign may pay it.
    function isCampaignBeneficiary(uint256 campaignId, address account) external view returns (bool allowed);

    /// @notice A campaign's matching pool.
    /// @param campaignId The campaign.
    /// @return info The pool.
    function getMatching(uint256 campaignId) external view returns (MatchingView memory info);

    /// @notice A donor's total contribution to a campaign and whether it was refunded.
    /// @param campaignId The campaign.
    /// @param donor The donor.
    /// @return amount Σ of the donor's donations.
    /// @return refunded Whether the refund or reclaim was taken.
    function contributionOf(uint256 campaignId, address donor) external view returns (uint256 amount, bool refunded);

    /// @notice What `refund` would pay the donor now (0 when it would revert).
    /// @param campaignId The campaign.
    /// @param donor The donor.
    /// @return amount The refund.
    function refundableAmount(uint256 campaignId, address donor) external view returns (uint256 amount);

    /// @notice The donor's attributed share of the campaign's spending:
    ///         `contribution * disbursed / (donated + matched)`, rounded down.
    /// @param campaignId The campaign.
    /// @param donor The donor.
    /// @return amount The share.
    function attributedSpending(uint256 campaignId, address donor) external view returns (uint256 amount);

    /// @notice A beneficiary's status and vetting hash.
    /// @param account The beneficiary.
    /// @return status Its status.
    /// @return vettingHash Hash of its vetting documents.
    function beneficiaryOf(address account) external view returns (BeneficiaryStatus status, bytes32 vettingHash);

    /// @notice A disbursement proposal.
    /// @param disbursementId The proposal.
    /// @return info The proposal.
    function getDisbursement(uint256 disbursementId) external view returns (DisbursementView memory info);

    /// @notice What a beneficiary can withdraw in a token.
    /// @param account The beneficiary.
    /// @param token The currency.
    /// @return amount The amount owed.
    function owedTo(address account, address token) external view returns (uint256 amount);

    /// @notice Whether new campaigns may use an ERC-20.
    /// @param token The token.
    /// @return allowed Whether it is allowlisted.
    function isTokenAllowed(address token) external view returns (bool allowed);
}
