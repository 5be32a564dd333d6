// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IDonationReceiver
/// @notice What other modules need from the Charity vault to donate into a campaign: event
///         tickets donate a share of their proceeds at settlement, attributed to the organiser.
interface IDonationReceiver {
    /// @notice The currency of a campaign: `address(0)` for the chain's native coin, otherwise an
    ///         ERC-20 token address. Reverts when the campaign does not exist.
    /// @param campaignId The campaign.
    /// @return token The campaign's currency.
    function campaignToken(uint256 campaignId) external view returns (address token);

    /// @notice Donates to a campaign on behalf of `donor`, who is recorded as the contributor (and
    ///         is the one who may claim a refund). For the native coin `msg.value` must equal
    ///         `amount`; for an ERC-20 the vault pulls `amount` from the caller with `transferFrom`
    ///         and credits what actually arrived.
    /// @param campaignId The campaign to donate to; it must be accepting donations.
    /// @param amount The amount sent (native coin) or to pull (ERC-20).
    /// @param donor The address credited with the donation.
    /// @return donationId The id of the recorded donation.
    function donate(uint256 campaignId, uint256 amount, address donor) external payable returns (uint256 donationId);
}
