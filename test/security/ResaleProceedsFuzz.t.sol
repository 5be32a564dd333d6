// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEventTickets} from "../../contracts/interfaces/IEventTickets.sol";
import {EventTickets} from "../../contracts/tickets/EventTickets.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Fuzz tests of the pulled resale proceeds: for any price up to the cap, any royalty and
///         any overpayment, the seller is credited exactly price − royalty, the royalty joins the
///         escrow, the buyer gets the excess back, and the credit is paid once.
contract ResaleProceedsFuzzTest is TestBase {
    address internal constant SELLER = address(0x5E11E5);
    address internal constant BUYER = address(0xB0B);
    uint96 internal constant PRICE = 1 ether;
    uint16 internal constant RESALE_CAP_BPS = 10_000;
    uint256 internal constant BPS = 10_000;
    uint256 internal constant MAX_ROYALTY_BPS = 2_500;

    EventTickets internal tickets;
    uint256 internal royaltyBps;

    function _deploy(uint256 royaltySeed) internal {
        royaltyBps = royaltySeed % (MAX_ROYALTY_BPS + 1);
        tickets = new EventTickets(
            IEventTickets.EventConfig({
                name: "Fuzz Week",
                symbol: "FW",
                venue: "Busan",
                start: uint64(block.timestamp + 30 days),
                end: uint64(block.timestamp + 32 days),
                gracePeriod: 7 days,
                organiser: address(this),
                treasury: payable(address(0x7EA5)),
                admin: address(this),
                royaltyBps: uint16(royaltyBps),
                charityBps: 0,
                certificateVerifier: address(0),
                donationReceiver: address(0),
                charityCampaignId: 0
            })
        );
        tickets.addTier(
            IEventTickets.TierConfig({
                price: PRICE,
                currency: address(0),
                supply: 10,
                saleStart: uint40(block.timestamp),
                saleEnd: uint40(block.timestamp + 29 days),
                perWalletCap: 0,
                policy: IEventTickets.TransferPolicy.Free,
                resaleCapBps: RESALE_CAP_BPS,
                refundable: false,
                allowlistRoot: bytes32(0),
                graduateOnly: false,
                courseId: 0
            })
        );
        vm.deal(SELLER, PRICE);
        vm.prank(SELLER);
        tickets.buy{value: PRICE}(1, 1, PRICE, new bytes32[](0));
    }

    function testFuzz_buyListing_creditsPriceMinusRoyaltyAndPaysItOnce(
        uint256 royaltySeed,
        uint96 price,
        uint96 excess
    ) external {
        _deploy(royaltySeed);
        uint256 tokenId = 1_000_001;
        price = uint96(bound(price, 0, tickets.resaleCap(tokenId)));
        excess = uint96(bound(excess, 0, 10 ether));
        vm.prank(SELLER);
        tickets.listForResale(tokenId, price);

        uint256 royalty = (uint256(price) * royaltyBps) / BPS;
        uint256 escrowBefore = tickets.escrowed(address(0));
        vm.deal(BUYER, uint256(price) + excess);
        vm.prank(BUYER);
        tickets.buyListing{value: uint256(price) + excess}(tokenId, price);

        assertEq(tickets.ownerOf(tokenId), BUYER, "buyer holds the ticket");
        assertEq(BUYER.balance, excess, "excess returned");
        assertEq(tickets.resaleProceeds(SELLER), price - royalty, "seller credit");
        assertEq(tickets.escrowed(address(0)), escrowBefore + royalty, "royalty escrowed");
        assertGe(address(tickets).balance, tickets.escrowed(address(0)) + price - royalty, "balance covers");

        if (price == royalty) {
            vm.prank(SELLER);
            vm.expectRevert(abi.encodeWithSelector(IEventTickets.EventTicketsNothingToWithdraw.selector, SELLER));
            tickets.withdrawResaleProceeds();
            return;
        }
        vm.prank(SELLER);
        assertEq(tickets.withdrawResaleProceeds(), price - royalty, "withdrawn");
        assertEq(SELLER.balance, price - royalty, "seller paid");
        assertEq(tickets.resaleProceeds(SELLER), 0, "credit cleared");
        vm.prank(SELLER);
        vm.expectRevert(abi.encodeWithSelector(IEventTickets.EventTicketsNothingToWithdraw.selector, SELLER));
        tickets.withdrawResaleProceeds();
    }
}
