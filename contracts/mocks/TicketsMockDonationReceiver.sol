// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// The donated amount is data, not a filter key.
// solhint-disable gas-indexed-events

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {IDonationReceiver} from "../interfaces/IDonationReceiver.sol";

/// @title TicketsMockDonationReceiver
/// @notice Test-only Charity vault stand-in that behaves like the real one at the interface: ETH
///         donations need `msg.value == amount`, ERC-20 donations are pulled with `transferFrom` and
///         credited by balance delta, unknown campaigns revert. It can be told to refuse donations.
contract TicketsMockDonationReceiver is IDonationReceiver {
    using SafeERC20 for IERC20;

    /// @notice The campaign does not exist.
    /// @param campaignId The campaign.
    error TicketsMockDonationReceiverUnknownCampaign(uint256 campaignId);
    /// @notice ETH sent differs from the amount.
    /// @param amount The amount.
    /// @param value ETH sent.
    error TicketsMockDonationReceiverWrongValue(uint256 amount, uint256 value);
    /// @notice Donations are refused.
    error TicketsMockDonationReceiverRefused();

    /// @notice Emitted on each donation.
    /// @param campaignId The campaign.
    /// @param donor The donor credited.
    /// @param amount The amount credited.
    event Donated(uint256 indexed campaignId, address indexed donor, uint256 amount);

    mapping(uint256 campaignId => address token) private _tokens;
    mapping(uint256 campaignId => bool exists) private _exists;
    /// @notice Credited per campaign and donor.
    mapping(uint256 campaignId => mapping(address donor => uint256 amount)) public contributions;
    /// @notice Total per campaign.
    mapping(uint256 campaignId => uint256 amount) public raised;
    /// @notice When true every donation reverts.
    bool public refusing;
    uint256 private _donations;

    /// @notice Creates a campaign in `token`.
    /// @param campaignId The campaign.
    /// @param token `address(0)` for ETH.
    function createCampaign(uint256 campaignId, address token) external {
        _tokens[campaignId] = token;
        _exists[campaignId] = true;
    }

    /// @notice Switches refusal.
    /// @param value Whether to refuse.
    function setRefusing(bool value) external {
        refusing = value;
    }

    /// @inheritdoc IDonationReceiver
    function campaignToken(uint256 campaignId) external view returns (address token) {
        if (!_exists[campaignId]) revert TicketsMockDonationReceiverUnknownCampaign(campaignId);
        return _tokens[campaignId];
    }

    /// @inheritdoc IDonationReceiver
    function donate(uint256 campaignId, uint256 amount, address donor) external payable returns (uint256 donationId) {
        if (!_exists[campaignId]) revert TicketsMockDonationReceiverUnknownCampaign(campaignId);
        if (refusing) revert TicketsMockDonationReceiverRefused();
        address token = _tokens[campaignId];
        uint256 credited = amount;
        if (token == address(0)) {
            if (msg.value != amount) revert TicketsMockDonationReceiverWrongValue(amount, msg.value);
        } else {
            if (msg.value != 0) revert TicketsMockDonationReceiverWrongValue(0, msg.value);
            uint256 before = IERC20(token).balanceOf(address(this));
            IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
            credited = IERC20(token).balanceOf(address(this)) - before;
        }
        contributions[campaignId][donor] += credited;
        raised[campaignId] += credited;
        donationId = ++_donations;
        emit Donated(campaignId, donor, credited);
    }
}
