// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {IDonationReceiver} from "../interfaces/IDonationReceiver.sol";

/// @title TicketProceedsSplitter
/// @notice Pays out one settlement of an `EventTickets` contract, which creates it and is its only
///         caller: the charity share is donated to the campaign (attributed to the organiser) when
///         the currency is the campaign's and the donation succeeds; everything else goes to the
///         treasury in the same call. It never keeps funds: any failure other than the donation's
///         reverts the whole settlement, leaving the proceeds in the ticket contract's escrow.
/// @dev A separate contract so that the donation's try/catch handling does not count against the
///      ticket contract's EIP-170 code size limit.
contract TicketProceedsSplitter {
    using SafeERC20 for IERC20;

    /// @notice The caller is not the ticket contract.
    /// @param caller The caller.
    error TicketProceedsSplitterUnauthorized(address caller);
    /// @notice An ETH payment failed.
    /// @param to The recipient.
    /// @param amount The amount.
    error TicketProceedsSplitterPaymentFailed(address to, uint256 amount);

    /// @notice The ticket contract.
    address public immutable TICKETS;
    /// @notice The charity vault (zero: none).
    IDonationReceiver public immutable RECEIVER;
    /// @notice The campaign donated to.
    uint256 public immutable CAMPAIGN_ID;
    /// @notice The donor credited with the donation.
    address public immutable ORGANISER;

    /// @notice Created by the ticket contract.
    /// @param receiver The charity vault (zero: none).
    /// @param campaignId The campaign.
    /// @param organiser The donor credited.
    constructor(IDonationReceiver receiver, uint256 campaignId, address organiser) {
        TICKETS = msg.sender;
        RECEIVER = receiver;
        CAMPAIGN_ID = campaignId;
        ORGANISER = organiser;
    }

    /// @notice Splits `amount` of `currency`, already sent to this contract (ETH as `msg.value`).
    /// @param currency `address(0)` for ETH, otherwise the ERC-20.
    /// @param amount The amount to pay out.
    /// @param share The part to donate.
    /// @param treasury Receives the rest (and the share when not donated).
    /// @return donated The amount that reached the campaign.
    function split(
        address currency,
        uint256 amount,
        uint256 share,
        address treasury
    ) external payable returns (uint256 donated) {
        if (msg.sender != TICKETS) revert TicketProceedsSplitterUnauthorized(msg.sender);
        if (share != 0 && _acceptsCurrency(currency)) donated = _donate(currency, share);
        uint256 rest = amount - donated;
        if (rest == 0) return donated;
        if (currency == address(0)) {
            // solhint-disable-next-line avoid-low-level-calls
            (bool ok, ) = payable(treasury).call{value: rest}("");
            if (!ok) revert TicketProceedsSplitterPaymentFailed(treasury, rest);
        } else {
            IERC20(currency).safeTransfer(treasury, rest);
        }
    }

    function _acceptsCurrency(address currency) private view returns (bool) {
        if (address(RECEIVER) == address(0)) return false;
        try RECEIVER.campaignToken(CAMPAIGN_ID) returns (address token) {
            return token == currency;
        } catch {
            return false;
        }
    }

    /// @dev What actually left this contract for the campaign; zero when the donation reverted.
    function _donate(address currency, uint256 share) private returns (uint256 donated) {
        if (currency == address(0)) {
            try RECEIVER.donate{value: share}(CAMPAIGN_ID, share, ORGANISER) returns (uint256) {
                return share;
            } catch {
                return 0;
            }
        }
        IERC20 token = IERC20(currency);
        uint256 before = token.balanceOf(address(this));
        token.forceApprove(address(RECEIVER), share);
        // A reverting donation leaves the share here; it then goes to the treasury.
        // solhint-disable-next-line no-empty-blocks
        try RECEIVER.donate(CAMPAIGN_ID, share, ORGANISER) returns (uint256) {} catch {}
        token.forceApprove(address(RECEIVER), 0);
        uint256 afterwards = token.balanceOf(address(this));
        donated = before > afterwards ? before - afterwards : 0;
    }
}
