// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEventTickets} from "../../contracts/interfaces/IEventTickets.sol";
import {EventTickets} from "../../contracts/tickets/EventTickets.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Fuzz test of the gate's batch: any mix of real, unknown and repeated ticket ids, in any
///         order and across bitmap words (real serials 1…191 and 192…200 of tier 1 sit in two
///         words), records each real ticket once, rejects the rest, and
///         touches no other ticket.
contract CheckInBatchFuzzTest is TestBase {
    uint256 internal constant TIER = 1;
    uint256 internal constant MINTED = 200;
    uint256 internal constant MAX_BATCH = 64;
    uint256 internal constant TIER_FACTOR = 1_000_000;

    EventTickets internal tickets;

    function setUp() public {
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
                royaltyBps: 0,
                charityBps: 0,
                certificateVerifier: address(0),
                donationReceiver: address(0),
                charityCampaignId: 0
            })
        );
        tickets.addTier(
            IEventTickets.TierConfig({
                price: 0,
                currency: address(0),
                supply: uint32(MINTED),
                saleStart: uint40(block.timestamp),
                saleEnd: uint40(block.timestamp + 29 days),
                perWalletCap: 0,
                policy: IEventTickets.TransferPolicy.Free,
                resaleCapBps: 0,
                refundable: false,
                allowlistRoot: bytes32(0),
                graduateOnly: false,
                courseId: 0
            })
        );
        address[] memory to = new address[](MINTED);
        for (uint256 i = 0; i < MINTED; ++i) to[i] = address(uint160(0xA000 + i));
        tickets.airdrop(TIER, to);
    }

    /// Ids are drawn from serials 0…2·MINTED of tier 1 (half unknown) plus occasional far-away ids.
    function testFuzz_recordCheckIns_recordsEachRealTicketOnce(uint256[] memory seeds) external {
        uint256 n = seeds.length;
        vm.assume(n > 0);
        if (n > MAX_BATCH) n = MAX_BATCH;
        uint256[] memory ids = new uint256[](n);
        bool[] memory expected = new bool[](MINTED + 1);
        uint256 recorded;
        for (uint256 i = 0; i < n; ++i) {
            uint256 seed = seeds[i];
            uint256 id = seed % 7 == 0 ? seed : TIER * TIER_FACTOR + (seed % (2 * MINTED + 1));
            ids[i] = id;
            if (id <= TIER * TIER_FACTOR || id > TIER * TIER_FACTOR + MINTED) continue;
            uint256 serial = id - TIER * TIER_FACTOR;
            if (!expected[serial]) {
                expected[serial] = true;
                ++recorded;
            }
        }
        vm.expectEmit(true, false, false, true);
        emit IEventTickets.CheckInsRecorded(address(this), recorded, n - recorded);
        tickets.recordCheckIns(ids);
        for (uint256 serial = 1; serial <= MINTED; ++serial) {
            assertTrue(tickets.checkedIn(TIER * TIER_FACTOR + serial) == expected[serial], "check-in state");
        }
    }
}
