// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";

import {IEventTickets} from "../../contracts/interfaces/IEventTickets.sol";
import {TicketsMockDonationReceiver} from "../../contracts/mocks/TicketsMockDonationReceiver.sol";
import {EventTickets} from "../../contracts/tickets/EventTickets.sol";
import {TicketMetadataRenderer} from "../../contracts/tickets/TicketMetadataRenderer.sol";
import {TicketProceedsSplitter} from "../../contracts/tickets/TicketProceedsSplitter.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Fuzz tests of the ticket contract's amount, id and array inputs and of its helpers:
///         purchases either move exactly the price times the quantity into escrow or fail by
///         name; unknown tiers and tickets are refused and change nothing; airdrops are bounded
///         and mint one ticket per recipient; settlement splits exactly what was held.
contract EventTicketsInputsFuzzTest is TestBase {
    address internal constant BUYER = address(0xB0B);
    address payable internal constant TREASURY = payable(address(0x7EA5));
    uint96 internal constant PRICE = 0.1 ether;
    uint32 internal constant SUPPLY = 25;
    uint256 internal constant CAMPAIGN = 7;

    EventTickets internal tickets;
    TicketsMockDonationReceiver internal receiver;

    function setUp() public {
        receiver = new TicketsMockDonationReceiver();
        receiver.createCampaign(CAMPAIGN, address(0));
        tickets = _deploy(0);
    }

    function _deploy(uint16 charityBps) private returns (EventTickets deployed) {
        deployed = new EventTickets(
            IEventTickets.EventConfig({
                name: "Fuzz Week",
                symbol: "FW",
                venue: "Busan",
                start: uint64(block.timestamp + 30 days),
                end: uint64(block.timestamp + 32 days),
                gracePeriod: 7 days,
                organiser: address(this),
                treasury: TREASURY,
                admin: address(this),
                royaltyBps: 500,
                charityBps: charityBps,
                certificateVerifier: address(0),
                donationReceiver: address(receiver),
                charityCampaignId: CAMPAIGN
            })
        );
        deployed.addTier(_tierConfig());
    }

    function _tierConfig() private view returns (IEventTickets.TierConfig memory) {
        return
            IEventTickets.TierConfig({
                price: PRICE,
                currency: address(0),
                supply: SUPPLY,
                saleStart: uint40(block.timestamp),
                saleEnd: uint40(block.timestamp + 29 days),
                perWalletCap: 0,
                policy: IEventTickets.TransferPolicy.Free,
                resaleCapBps: 1_000,
                refundable: true,
                allowlistRoot: bytes32(0),
                graduateOnly: false,
                courseId: 0
            });
    }

    function _buyOne(address buyer) private returns (uint256 tokenId) {
        vm.deal(buyer, PRICE);
        vm.prank(buyer);
        tokenId = tickets.buy{value: PRICE}(1, 1, PRICE, new bytes32[](0));
    }

    // --- tiers -----------------------------------------------------------------------------------

    /// @notice Any tier configuration is either stored exactly or refused with the error naming
    ///         the first bad field, adding no tier.
    function testFuzz_addTier_storesExactlyOrNamesTheBadField(
        uint96 price,
        uint32 supply,
        uint40 saleStart,
        uint40 saleEnd,
        uint16 resaleCapBps
    ) external {
        IEventTickets.TierConfig memory config = _tierConfig();
        config.price = price;
        config.supply = supply;
        config.saleStart = saleStart;
        config.saleEnd = saleEnd;
        config.resaleCapBps = resaleCapBps;
        uint256 count = tickets.tierCount();
        if (supply == 0 || supply > tickets.MAX_TIER_SUPPLY()) {
            vm.expectRevert(abi.encodeWithSelector(IEventTickets.EventTicketsInvalidTierSupply.selector, supply));
        } else if (saleEnd <= saleStart) {
            vm.expectRevert(
                abi.encodeWithSelector(IEventTickets.EventTicketsInvalidSaleWindow.selector, saleStart, saleEnd)
            );
        } else if (resaleCapBps > tickets.MAX_RESALE_CAP_BPS()) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IEventTickets.EventTicketsBpsTooHigh.selector,
                    resaleCapBps,
                    tickets.MAX_RESALE_CAP_BPS()
                )
            );
        } else {
            uint256 tierId = tickets.addTier(config);
            assertEq(tierId, count + 1, "next tier id");
            IEventTickets.TierView memory t = tickets.tier(tierId);
            assertEq(t.price, price, "price");
            assertEq(t.supply, supply, "supply");
            assertEq(t.minted, 0, "nothing minted");
            return;
        }
        tickets.addTier(config);
        assertEq(tickets.tierCount(), count, "no tier added");
    }

    /// @notice Unknown tier ids are refused by every tier entry point and change no book.
    function testFuzz_tierId_unknownIdRevertsAndChangesNothing(uint256 tierId, uint96 price) external {
        vm.assume(tierId == 0 || tierId > tickets.tierCount());
        bytes memory unknown = abi.encodeWithSelector(IEventTickets.EventTicketsUnknownTier.selector, tierId);
        vm.deal(BUYER, PRICE);
        vm.prank(BUYER);
        vm.expectRevert(unknown);
        tickets.buy{value: PRICE}(tierId, 1, type(uint256).max, new bytes32[](0));
        vm.expectRevert(unknown);
        tickets.setTierPrice(tierId, price);
        address[] memory recipients = new address[](1);
        recipients[0] = BUYER;
        vm.expectRevert(unknown);
        tickets.airdrop(tierId, recipients);
        TicketMetadataRenderer renderer = TicketMetadataRenderer(tickets.eventInfo().renderer);
        vm.expectRevert(
            abi.encodeWithSelector(TicketMetadataRenderer.TicketMetadataRendererUnknownTier.selector, tierId)
        );
        renderer.setTierText(tierId, "VIP", "");
        assertEq(tickets.escrowed(address(0)), 0, "escrow unchanged");
        assertEq(tickets.balanceOf(BUYER), 0, "nothing minted");
        assertEq(BUYER.balance, PRICE, "payment kept by the buyer");
    }

    /// @notice Only an organiser of the ticket contract sets a tier's texts; everyone else is
    ///         refused by name.
    function testFuzz_setTierText_onlyOrganiser(address caller, string calldata name) external {
        vm.assume(!tickets.hasRole(tickets.ORGANISER_ROLE(), caller));
        TicketMetadataRenderer renderer = TicketMetadataRenderer(tickets.eventInfo().renderer);
        vm.prank(caller);
        vm.expectRevert(
            abi.encodeWithSelector(TicketMetadataRenderer.TicketMetadataRendererUnauthorized.selector, caller)
        );
        renderer.setTierText(1, name, "");
        renderer.setTierText(1, name, "ipfs://image");
        assertTrue(keccak256(bytes(renderer.tierText(1).name)) == keccak256(bytes(name)), "organiser's text stored");
    }

    // --- purchases -------------------------------------------------------------------------------

    /// @notice Any quantity, price limit and payment either mints `quantity` tickets with exactly
    ///         `price × quantity` escrowed and owed and the excess returned, or reverts by name and
    ///         moves nothing.
    function testFuzz_buy_exactAccountingOrNamedError(uint256 quantity, uint256 maxPrice, uint256 value) external {
        quantity = bound(quantity, 0, tickets.MAX_PER_PURCHASE() + 5);
        value = bound(value, 0, 5 ether);
        uint256 total = uint256(PRICE) * quantity;
        vm.deal(BUYER, value);
        if (PRICE > maxPrice) {
            vm.expectRevert(abi.encodeWithSelector(IEventTickets.EventTicketsPriceAboveMax.selector, PRICE, maxPrice));
        } else if (quantity == 0 || quantity > tickets.MAX_PER_PURCHASE()) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IEventTickets.EventTicketsInvalidQuantity.selector,
                    quantity,
                    tickets.MAX_PER_PURCHASE()
                )
            );
        } else if (value < total) {
            vm.expectRevert(abi.encodeWithSelector(IEventTickets.EventTicketsIncorrectPayment.selector, total, value));
        } else {
            vm.prank(BUYER);
            uint256 first = tickets.buy{value: value}(1, quantity, maxPrice, new bytes32[](0));
            assertEq(first, tickets.TOKEN_ID_TIER_FACTOR() + 1, "first token id");
            assertEq(tickets.balanceOf(BUYER), quantity, "tickets minted");
            assertEq(tickets.ownerOf(first + quantity - 1), BUYER, "last ticket held");
            assertEq(tickets.escrowed(address(0)), total, "escrowed exactly");
            assertEq(tickets.refundLiability(address(0)), total, "owed exactly");
            assertEq(BUYER.balance, value - total, "excess returned");
            assertEq(address(tickets).balance, total, "contract holds the total");
            assertEq(tickets.tier(1).minted, quantity, "minted count");
            return;
        }
        vm.prank(BUYER);
        tickets.buy{value: value}(1, quantity, maxPrice, new bytes32[](0));
        assertEq(tickets.escrowed(address(0)), 0, "escrow unchanged");
        assertEq(BUYER.balance, value, "buyer keeps the payment");
        assertEq(tickets.tier(1).minted, 0, "nothing minted");
    }

    /// @notice On an allowlisted tier a random proof, or the buyer's proof used by anyone else,
    ///         is refused and mints nothing; the listed buyer's own proof buys.
    function testFuzz_buy_allowlistProofBindsTheCaller(bytes32[] calldata randomProof, address caller) external {
        address other = address(0xCA401);
        bytes32 buyerLeaf = keccak256(bytes.concat(keccak256(abi.encode(BUYER))));
        bytes32 otherLeaf = keccak256(bytes.concat(keccak256(abi.encode(other))));
        IEventTickets.TierConfig memory config = _tierConfig();
        config.allowlistRoot = Hashes.commutativeKeccak256(buyerLeaf, otherLeaf);
        uint256 tierId = tickets.addTier(config);
        bytes32[] memory proof = new bytes32[](1);
        proof[0] = otherLeaf;
        vm.assume(caller != BUYER && caller != other && caller.code.length == 0 && caller != address(0));
        vm.assume(randomProof.length != 1 || randomProof[0] != otherLeaf);

        vm.deal(BUYER, PRICE);
        vm.prank(BUYER);
        vm.expectRevert(abi.encodeWithSelector(IEventTickets.EventTicketsNotAllowlisted.selector, tierId, BUYER));
        tickets.buy{value: PRICE}(tierId, 1, PRICE, randomProof);
        vm.deal(caller, PRICE);
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(IEventTickets.EventTicketsNotAllowlisted.selector, tierId, caller));
        tickets.buy{value: PRICE}(tierId, 1, PRICE, proof);
        assertEq(tickets.tier(tierId).minted, 0, "nothing minted");
        assertEq(tickets.escrowed(address(0)), 0, "nothing escrowed");

        vm.prank(BUYER);
        tickets.buy{value: PRICE}(tierId, 1, PRICE, proof);
        assertEq(tickets.balanceOf(BUYER), 1, "listed buyer's own proof buys");
        assertEq(tickets.escrowed(address(0)), PRICE, "escrowed exactly");
    }

    // --- airdrops --------------------------------------------------------------------------------

    /// @notice An empty or over-MAX_AIRDROP recipient list is refused; within it each recipient
    ///         gets exactly the next ticket, until the supply runs out.
    function testFuzz_airdrop_boundedAndOneTicketPerRecipient(uint256 count, uint256 seed) external {
        count = bound(count, 0, SUPPLY + 5);
        if (seed % 4 == 0) count = bound(seed, tickets.MAX_AIRDROP() + 1, tickets.MAX_AIRDROP() + 40);
        address[] memory recipients = new address[](count);
        for (uint256 i = 0; i < count; ++i) {
            recipients[i] = address(uint160(uint256(keccak256(abi.encode(seed, i)))) | 1);
        }
        if (count == 0 || count > tickets.MAX_AIRDROP()) {
            vm.expectRevert(
                abi.encodeWithSelector(IEventTickets.EventTicketsInvalidQuantity.selector, count, tickets.MAX_AIRDROP())
            );
        } else if (count > SUPPLY) {
            vm.expectRevert(abi.encodeWithSelector(IEventTickets.EventTicketsSoldOut.selector, 1, count, SUPPLY));
        } else {
            uint256 first = tickets.airdrop(1, recipients);
            for (uint256 i = 0; i < count; ++i) {
                assertEq(tickets.ownerOf(first + i), recipients[i], "recipient holds its ticket");
                (, uint256 paid) = tickets.ticket(first + i);
                assertEq(paid, 0, "comps carry no price");
            }
            assertEq(tickets.tier(1).minted, count, "minted count");
            assertEq(tickets.escrowed(address(0)), 0, "no escrow for comps");
            return;
        }
        tickets.airdrop(1, recipients);
        assertEq(tickets.tier(1).minted, 0, "nothing minted");
    }

    // --- ticket ids ------------------------------------------------------------------------------

    /// @notice Refunding, listing or cancelling a listing of a ticket the caller does not hold is
    ///         refused by name; escrow, ownership and listings stay as they were.
    function testFuzz_tokenId_notHeldRevertsAndChangesNothing(uint256 tokenId, address caller) external {
        uint256 held = _buyOne(BUYER);
        vm.assume(caller != BUYER && caller != address(0));
        vm.prank(BUYER);
        tickets.listForResale(held, PRICE);
        if (tokenId % 2 == 0) tokenId = held;
        bytes memory notHolder = abi.encodeWithSelector(
            IEventTickets.EventTicketsNotTicketHolder.selector,
            tokenId,
            caller
        );
        vm.startPrank(caller);
        vm.expectRevert(notHolder);
        tickets.refund(tokenId);
        vm.expectRevert(notHolder);
        tickets.listForResale(tokenId, 0);
        if (tokenId == held) vm.expectRevert(notHolder);
        else vm.expectRevert(abi.encodeWithSelector(IEventTickets.EventTicketsNotListed.selector, tokenId));
        tickets.cancelListing(tokenId);
        vm.stopPrank();
        assertEq(tickets.ownerOf(held), BUYER, "holder unchanged");
        assertEq(tickets.escrowed(address(0)), PRICE, "escrow unchanged");
        assertEq(tickets.listing(held).seller, BUYER, "listing unchanged");
        assertEq(tickets.listing(held).price, PRICE, "listing price unchanged");
    }

    /// @notice Buying an id that is not listed is refused and the payment stays with the buyer.
    function testFuzz_buyListing_unlistedIdReverts(uint256 tokenId, uint256 value) external {
        uint256 held = _buyOne(BUYER);
        vm.assume(tokenId != held);
        value = bound(value, 0, 1 ether);
        address other = address(0xCA401);
        vm.deal(other, value);
        vm.prank(other);
        vm.expectRevert(abi.encodeWithSelector(IEventTickets.EventTicketsNotListed.selector, tokenId));
        tickets.buyListing{value: value}(tokenId, type(uint256).max);
        assertEq(other.balance, value, "payment kept");
        assertEq(tickets.escrowed(address(0)), PRICE, "escrow unchanged");
    }

    // --- settlement and its splitter -------------------------------------------------------------

    /// @notice For any charity share, sales and donation outcome, settlement moves exactly what
    ///         was held: the campaign receives the share (or nothing when it refuses) and the
    ///         treasury the rest.
    function testFuzz_settle_splitsExactlyWhatWasHeld(uint16 charityBps, uint256 quantity, bool refusing) external {
        charityBps = uint16(bound(charityBps, 0, 10_000));
        quantity = bound(quantity, 1, tickets.MAX_PER_PURCHASE());
        tickets = _deploy(charityBps);
        receiver.setRefusing(refusing);
        uint256 total = uint256(PRICE) * quantity;
        vm.deal(BUYER, total);
        vm.prank(BUYER);
        tickets.buy{value: total}(1, quantity, PRICE, new bytes32[](0));
        IEventTickets.EventInfo memory info = tickets.eventInfo();
        vm.warp(uint256(info.end) + info.gracePeriod);
        uint256 treasuryBefore = TREASURY.balance;
        uint256 raisedBefore = receiver.raised(CAMPAIGN);

        tickets.settle(address(0));

        uint256 share = refusing ? 0 : (total * charityBps) / 10_000;
        assertEq(receiver.raised(CAMPAIGN) - raisedBefore, share, "campaign receives the share");
        assertEq(receiver.contributions(CAMPAIGN, address(this)), share, "credited to the organiser");
        assertEq(TREASURY.balance - treasuryBefore, total - share, "treasury receives the rest");
        assertEq(tickets.escrowed(address(0)), 0, "escrow emptied");
        assertEq(address(info.splitter).balance, 0, "splitter keeps nothing");
        vm.expectRevert(abi.encodeWithSelector(IEventTickets.EventTicketsNothingToSettle.selector, address(0)));
        tickets.settle(address(0));
    }

    /// @notice Nobody but the ticket contract can make the splitter pay, whatever the amounts.
    function testFuzz_split_onlyTheTicketContract(address caller, uint256 amount, uint256 share) external {
        TicketProceedsSplitter splitter = TicketProceedsSplitter(tickets.eventInfo().splitter);
        vm.assume(caller != address(tickets) && caller != address(splitter));
        amount = bound(amount, 0, 10 ether);
        vm.deal(address(splitter), amount);
        vm.deal(caller, 0);
        vm.prank(caller);
        vm.expectRevert(
            abi.encodeWithSelector(TicketProceedsSplitter.TicketProceedsSplitterUnauthorized.selector, caller)
        );
        splitter.split(address(0), amount, share, caller);
        assertEq(address(splitter).balance, amount, "nothing paid out");
    }
}
