// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPartnershipRegistry} from "../../contracts/interfaces/IPartnershipRegistry.sol";
import {PartnershipRegistry} from "../../contracts/partnerships/PartnershipRegistry.sol";
import {PartnershipHandler} from "../partnerships/PartnershipRegistry.t.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Wraps the registry's own handler (proposals, relayed and forged signatures, withdrawals,
///         amendments, notices, time) and checks every status change of every MOU after each step
///         against the only forward moves the state machine allows:
///         Pending → Active | Cancelled, Active → Expired | Terminated; Expired, Terminated and
///         Cancelled are final, and nothing ever returns to Pending.
contract MouMonotonicityHandler {
    PartnershipHandler public immutable INNER;
    PartnershipRegistry public immutable REGISTRY;

    mapping(uint256 agreementId => uint256 status) public lastStatus;
    /// @notice Every disallowed move seen, as (agreement, from, to) packed for the failure message.
    uint256 public regressions;
    uint256 public lastRegression;
    uint256 public transitions;

    constructor() {
        INNER = new PartnershipHandler();
        REGISTRY = INNER.registry();
    }

    function propose(uint256 seed) external {
        INNER.propose(seed);
        _observe();
    }

    function relay(uint256 agreementSeed, uint256 partySeed, uint256 keySeed) external {
        INNER.relay(agreementSeed, partySeed, keySeed);
        _observe();
    }

    function signDirect(uint256 agreementSeed, uint256 partySeed) external {
        INNER.signDirect(agreementSeed, partySeed);
        _observe();
    }

    function withdraw(uint256 agreementSeed, uint256 partySeed) external {
        INNER.withdraw(agreementSeed, partySeed);
        _observe();
    }

    function amend(uint256 agreementSeed, uint256 seed) external {
        INNER.amend(agreementSeed, seed);
        _observe();
    }

    function notice(uint256 agreementSeed, uint256 partySeed) external {
        INNER.notice(agreementSeed, partySeed);
        _observe();
    }

    function warp(uint256 seconds_) external {
        INNER.warp(seconds_);
        _observe();
    }

    /// @notice Whether `from → to` is a move the MOU state machine allows (staying put included).
    function allowed(uint256 from, uint256 to) public pure returns (bool) {
        if (from == to) return true;
        IPartnershipRegistry.AgreementStatus f = IPartnershipRegistry.AgreementStatus(from);
        IPartnershipRegistry.AgreementStatus t = IPartnershipRegistry.AgreementStatus(to);
        if (f == IPartnershipRegistry.AgreementStatus.None) return t == IPartnershipRegistry.AgreementStatus.Pending;
        if (f == IPartnershipRegistry.AgreementStatus.Pending) {
            return
                t == IPartnershipRegistry.AgreementStatus.Active || t == IPartnershipRegistry.AgreementStatus.Cancelled;
        }
        if (f == IPartnershipRegistry.AgreementStatus.Active) {
            return
                t == IPartnershipRegistry.AgreementStatus.Expired ||
                t == IPartnershipRegistry.AgreementStatus.Terminated;
        }
        return false;
    }

    function _observe() private {
        uint256 count = REGISTRY.agreementCount();
        for (uint256 id = 1; id <= count; ++id) {
            uint256 status = uint256(REGISTRY.agreementStatus(id));
            uint256 previous = lastStatus[id];
            if (previous == status) continue;
            ++transitions;
            if (!allowed(previous, status)) {
                ++regressions;
                lastRegression = (id << 16) | (previous << 8) | status;
            }
            lastStatus[id] = status;
        }
    }
}

/// @notice MOU state monotonicity across every action the registry's handler can take.
contract MouMonotonicityTest is TestBase {
    MouMonotonicityHandler internal handler;

    function setUp() public {
        vm.warp(1_800_000_000);
        handler = new MouMonotonicityHandler();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function invariant_mouStatusOnlyMovesForward() external view {
        assertEq(handler.regressions(), 0, "MOU status moved backwards (see lastRegression)");
    }

    /// The wrapper sees real transitions: a proposal becomes Pending, then Cancelled after its deadline.
    function test_handler_observesTransitions() external {
        handler.propose(0);
        assertEq(handler.lastStatus(1), uint256(IPartnershipRegistry.AgreementStatus.Pending), "pending");
        // Seed 0 gives a signing deadline one hour away.
        handler.warp(2 hours);
        assertEq(handler.lastStatus(1), uint256(IPartnershipRegistry.AgreementStatus.Cancelled), "cancelled");
        assertEq(handler.regressions(), 0, "regressions");
        assertTrue(handler.allowed(1, 2) && !handler.allowed(2, 1) && !handler.allowed(4, 2), "table");
    }
}
