// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEventTickets} from "../../contracts/interfaces/IEventTickets.sol";
import {EventTickets} from "../../contracts/tickets/EventTickets.sol";
import {TestBase, Vm} from "../utils/Vm.sol";

/// @notice Drives an event through random sales, comps, price changes, transfers, resales,
///         cancellation and refunds by three buyers.
contract TicketsHandler {
    Vm internal constant vm = Vm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);

    EventTickets public immutable TICKETS;
    uint256 public constant TIERS = 2;
    address[3] internal actors = [address(0xA11CE), address(0xB0B), address(0xCA401)];
    uint256[] internal ids;

    constructor() {
        TICKETS = new EventTickets(
            IEventTickets.EventConfig({
                name: "Invariant Week",
                symbol: "IW",
                venue: "Busan",
                start: uint64(block.timestamp + 30 days),
                end: uint64(block.timestamp + 32 days),
                gracePeriod: 7 days,
                organiser: address(this),
                treasury: payable(address(0x7EA5)),
                admin: address(this),
                royaltyBps: 500,
                charityBps: 0,
                certificateVerifier: address(0),
                donationReceiver: address(0),
                charityCampaignId: 0
            })
        );
        IEventTickets.TierConfig memory t = IEventTickets.TierConfig({
            price: 0.1 ether,
            currency: address(0),
            supply: 25,
            saleStart: uint40(block.timestamp),
            saleEnd: uint40(block.timestamp + 29 days),
            perWalletCap: 6,
            policy: IEventTickets.TransferPolicy.Free,
            resaleCapBps: 1_000,
            refundable: true,
            allowlistRoot: bytes32(0),
            graduateOnly: false,
            courseId: 0
        });
        TICKETS.addTier(t);
        t.supply = 10;
        t.perWalletCap = 0;
        t.price = 0.05 ether;
        t.policy = IEventTickets.TransferPolicy.ResaleOnly;
        TICKETS.addTier(t);
    }

    function buy(uint256 actorSeed, uint256 tierSeed, uint256 quantity) external {
        address actor = actors[actorSeed % actors.length];
        uint256 tierId = 1 + (tierSeed % TIERS);
        quantity = 1 + (quantity % 4);
        uint256 total = TICKETS.tier(tierId).price * quantity;
        vm.deal(actor, total + 1 ether);
        vm.prank(actor);
        try TICKETS.buy{value: total + 1 ether}(tierId, quantity, type(uint256).max, new bytes32[](0)) returns (
            uint256 first
        ) {
            for (uint256 i = 0; i < quantity; ++i) ids.push(first + i);
        } catch {}
    }

    function airdrop(uint256 actorSeed, uint256 tierSeed) external {
        address[] memory to = new address[](2);
        to[0] = actors[actorSeed % actors.length];
        to[1] = actors[(actorSeed + 1) % actors.length];
        uint256 tierId = 1 + (tierSeed % TIERS);
        try TICKETS.airdrop(tierId, to) returns (uint256 first) {
            ids.push(first);
            ids.push(first + 1);
        } catch {}
    }

    function setPrice(uint256 tierSeed, uint256 price) external {
        TICKETS.setTierPrice(1 + (tierSeed % TIERS), uint96(bound(price, 0, 1 ether)));
    }

    function transfer(uint256 index, uint256 actorSeed) external {
        if (ids.length == 0) return;
        uint256 tokenId = ids[index % ids.length];
        try TICKETS.ownerOf(tokenId) returns (address owner) {
            vm.prank(owner);
            try TICKETS.transferFrom(owner, actors[actorSeed % actors.length], tokenId) {} catch {}
        } catch {}
    }

    function resell(uint256 index, uint256 actorSeed, uint256 price) external {
        if (ids.length == 0) return;
        uint256 tokenId = ids[index % ids.length];
        try TICKETS.ownerOf(tokenId) returns (address owner) {
            price = bound(price, 0, TICKETS.resaleCap(tokenId));
            vm.prank(owner);
            try TICKETS.listForResale(tokenId, uint96(price)) {} catch {
                return;
            }
            address buyer = actors[actorSeed % actors.length];
            vm.deal(buyer, price);
            vm.prank(buyer);
            try TICKETS.buyListing{value: price}(tokenId, price) {} catch {}
        } catch {}
    }

    function cancel(uint256 seed) external {
        if (seed % 8 != 0) return;
        try TICKETS.cancel() {} catch {}
    }

    function refund(uint256 index) external {
        if (ids.length == 0) return;
        uint256 tokenId = ids[index % ids.length];
        try TICKETS.ownerOf(tokenId) returns (address owner) {
            vm.prank(owner);
            try TICKETS.refund(tokenId) {} catch {}
        } catch {}
    }

    function checkIn(uint256 index) external {
        if (ids.length == 0) return;
        uint256[] memory batch = new uint256[](1);
        batch[0] = ids[index % ids.length];
        try TICKETS.recordCheckIns(batch) {} catch {}
    }

    /// @notice Sum of the prices paid for tickets that still exist.
    function livePaid() external view returns (uint256 sum) {
        for (uint256 i = 0; i < ids.length; ++i) {
            try TICKETS.ticket(ids[i]) returns (uint256, uint256 paid) {
                sum += paid;
            } catch {}
        }
    }

    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (max <= min) return min;
        return min + (x % (max - min + 1));
    }
}

/// @notice Invariants: the escrow always covers the refunds owed and supply caps hold.
contract EventTicketsInvariantTest is TestBase {
    TicketsHandler internal handler;
    EventTickets internal tickets;

    function setUp() public {
        handler = new TicketsHandler();
        tickets = handler.TICKETS();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function invariant_balanceCoversEscrow() external view {
        assertGe(address(tickets).balance, tickets.escrowed(address(0)), "balance >= escrowed");
    }

    function invariant_escrowCoversRefundsOwed() external view {
        assertGe(tickets.escrowed(address(0)), tickets.refundLiability(address(0)), "escrowed >= refunds owed");
    }

    function invariant_refundsOwedAreLivePricesPaid() external view {
        assertEq(tickets.refundLiability(address(0)), handler.livePaid(), "owed == live prices paid");
    }

    function invariant_mintedWithinCap() external view {
        for (uint256 tierId = 1; tierId <= handler.TIERS(); ++tierId) {
            IEventTickets.TierView memory t = tickets.tier(tierId);
            assertLe(t.minted, t.supply, "minted <= supply");
        }
    }
}

/// @notice Fuzz tests of the money rules.
contract EventTicketsFuzzTest is TestBase {
    TicketsHandler internal handler;
    EventTickets internal tickets;
    address internal constant BUYER = address(0xB0B);

    function setUp() public {
        handler = new TicketsHandler();
        tickets = handler.TICKETS();
    }

    function _buyOne() internal returns (uint256 tokenId) {
        vm.deal(BUYER, 0.1 ether);
        vm.prank(BUYER);
        return tickets.buy{value: 0.1 ether}(1, 1, 0.1 ether, new bytes32[](0));
    }

    function testFuzz_refund_isExactlyThePricePaidAfterAnyPriceChange(uint256 newPrice) external {
        uint256 tokenId = _buyOne();
        vm.prank(address(handler));
        tickets.setTierPrice(1, uint96(bound(newPrice, 0, 10 ether)));
        vm.prank(address(handler));
        tickets.cancel();
        uint256 before = BUYER.balance;
        vm.prank(BUYER);
        tickets.refund(tokenId);
        assertEq(BUYER.balance - before, 0.1 ether, "refund");
    }

    function testFuzz_listForResale_rejectsAboveCap(uint96 price) external {
        uint256 tokenId = _buyOne();
        uint256 cap = tickets.resaleCap(tokenId);
        assertEq(cap, 0.11 ether, "cap");
        vm.prank(BUYER);
        if (price > cap) {
            vm.expectRevert(
                abi.encodeWithSelector(IEventTickets.EventTicketsResalePriceAboveCap.selector, tokenId, price, cap)
            );
            tickets.listForResale(tokenId, price);
        } else {
            tickets.listForResale(tokenId, price);
            assertEq(tickets.listing(tokenId).price, price, "listed");
        }
    }
}
