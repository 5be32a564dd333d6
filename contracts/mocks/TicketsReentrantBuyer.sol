// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";

import {IEventTickets} from "../interfaces/IEventTickets.sol";

/// @title TicketsReentrantBuyer
/// @notice Test-only attacker: buys tickets and, when it receives excess ETH, a refund or a minted
///         ticket (`onERC721Received`), calls back into the ticket contract (buy again or refund
///         again). The ticket contract must refuse the nested call.
contract TicketsReentrantBuyer is IERC721Receiver {
    /// @notice What to do on a callback.
    enum Attack {
        None,
        /// Buy again from the first callback (the mint's `onERC721Received`).
        BuyAgain,
        /// Refund again when the refund's ETH arrives.
        RefundAgain,
        /// Buy again only when the excess ETH comes back.
        BuyAgainOnExcessEth
    }

    IEventTickets private immutable _TICKETS;
    /// @notice The current attack.
    Attack public attack;
    /// @notice Tier bought.
    uint256 public tierId;
    /// @notice Ticket to refund again.
    uint256 public refundTokenId;
    /// @notice Whether a nested call was attempted and whether it succeeded.
    bool public attempted;
    /// @notice Whether the nested call succeeded.
    bool public nestedSucceeded;
    /// @notice Revert data of the failed nested call.
    bytes public nestedError;

    /// @notice Targets a ticket contract.
    /// @param tickets The ticket contract.
    constructor(IEventTickets tickets) {
        _TICKETS = tickets;
    }

    /// @notice Sets the attack.
    /// @param attack_ The attack.
    /// @param tierId_ Tier to buy.
    /// @param refundTokenId_ Ticket to refund again.
    function configure(Attack attack_, uint256 tierId_, uint256 refundTokenId_) external {
        attack = attack_;
        tierId = tierId_;
        refundTokenId = refundTokenId_;
    }

    /// @notice Buys tickets with ETH.
    /// @param quantity How many.
    /// @param maxPrice Max unit price.
    function buy(uint256 quantity, uint256 maxPrice) external payable {
        _TICKETS.buy{value: msg.value}(tierId, quantity, maxPrice, new bytes32[](0));
    }

    /// @notice Claims a refund.
    /// @param tokenId The ticket.
    function refund(uint256 tokenId) external {
        _TICKETS.refund(tokenId);
    }

    /// @notice Re-enters on ETH receipt.
    receive() external payable {
        _reenter();
    }

    /// @inheritdoc IERC721Receiver
    function onERC721Received(address, address, uint256, bytes calldata) external returns (bytes4) {
        if (attack != Attack.BuyAgainOnExcessEth) _reenter();
        return IERC721Receiver.onERC721Received.selector;
    }

    function _reenter() private {
        Attack a = attack;
        if (a == Attack.None || attempted) return;
        attempted = true;
        bool buyAgain = a == Attack.BuyAgain || a == Attack.BuyAgainOnExcessEth;
        bytes memory data =
            buyAgain
                ? abi.encodeCall(IEventTickets.buy, (tierId, 1, type(uint256).max, new bytes32[](0)))
                : abi.encodeCall(IEventTickets.refund, (refundTokenId));
        uint256 value = buyAgain ? address(this).balance : 0;
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory err) = address(_TICKETS).call{value: value}(data);
        nestedSucceeded = ok;
        nestedError = err;
    }
}
