// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CharityVault} from "../../contracts/charity/CharityVault.sol";
import {ICharityVault} from "../../contracts/interfaces/ICharityVault.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Fuzz tests of the vault's pro-rata arithmetic and matching.
contract CharityVaultFuzzTest is TestBase {
    address internal constant OPERATOR = address(0x0BE4);
    address internal constant GUARDIAN = address(0x6A4D);
    address internal constant SCHOOL = address(0x5C4001);

    CharityVault internal vault;

    function setUp() public {
        vault = new CharityVault(address(this), OPERATOR, GUARDIAN);
        vm.prank(OPERATOR);
        vault.addBeneficiary(SCHOOL, bytes32(0));
        vm.prank(OPERATOR);
        vault.verifyBeneficiary(SCHOOL, bytes32(0));
    }

    function _campaign(uint256 goal) internal returns (uint256) {
        address[] memory payees = new address[](1);
        payees[0] = SCHOOL;
        vm.prank(OPERATOR);
        return
            vault.createCampaign(
                ICharityVault.CampaignParams({
                    token: address(0),
                    goal: goal,
                    hardCap: 0,
                    deadline: uint64(block.timestamp + 10 days),
                    disbursementDeadline: uint64(block.timestamp + 40 days),
                    allOrNothing: false,
                    beneficiaries: payees,
                    detailsHash: bytes32(0)
                })
            );
    }

    function _donate(uint256 campaignId, address donor, uint256 amount) internal {
        vm.deal(donor, amount);
        vm.prank(donor);
        vault.donate{value: amount}(campaignId, amount, donor);
    }

    /// After a disbursement and a cancellation, refunds never pay more than is unspent and leave
    /// less than one wei per donor behind.
    function testFuzz_refund_cancelledProRataIsBoundedAndNearlyExact(
        uint96 a,
        uint96 b,
        uint96 c,
        uint256 spentSeed
    ) external {
        a = uint96(bound(a, 1, 1e24));
        b = uint96(bound(b, 1, 1e24));
        c = uint96(bound(c, 1, 1e24));
        uint256 id = _campaign(1);
        _donate(id, address(0xD0A), a);
        _donate(id, address(0xD0B), b);
        _donate(id, address(0xD0C), c);
        uint256 total = uint256(a) + b + c;
        uint256 spent = bound(spentSeed, 1, total);
        vm.warp(block.timestamp + 11 days);
        vm.prank(OPERATOR);
        uint256 disbursementId = vault.proposeDisbursement(id, SCHOOL, spent, bytes32(0), "");
        vm.warp(block.timestamp + 2 days);
        vault.executeDisbursement(disbursementId);
        vm.prank(OPERATOR);
        vault.cancelCampaign(id);
        uint256 paid = 0;
        address[3] memory donors = [address(0xD0A), address(0xD0B), address(0xD0C)];
        for (uint256 i = 0; i < 3; ++i) {
            uint256 expected = vault.refundableAmount(id, donors[i]);
            if (expected == 0) continue;
            vm.prank(donors[i]);
            paid += vault.refund(id);
        }
        assertLe(paid, total - spent, "refunds within unspent");
        assertLe(total - spent - paid, 2, "rounding below one wei per donor");
        assertEq(vault.getCampaign(id).held, total - spent - paid, "held is the rounding remainder");
    }

    /// Matching never exceeds the pool or the ratio, and the unused pool goes back exactly.
    function testFuzz_matching_boundedByPoolAndRatio(uint96 pool, uint16 ratio, uint96 d1, uint96 d2) external {
        pool = uint96(bound(pool, 1, 1e24));
        ratio = uint16(bound(ratio, 1, 50_000));
        d1 = uint96(bound(d1, 1, 1e24));
        d2 = uint96(bound(d2, 1, 1e24));
        uint256 id = _campaign(1);
        vm.deal(OPERATOR, pool);
        vm.prank(OPERATOR);
        vault.fundMatching{value: pool}(id, pool, ratio);
        _donate(id, address(0xD0A), d1);
        _donate(id, address(0xD0B), d2);
        ICharityVault.MatchingView memory matching = vault.getMatching(id);
        assertLe(matching.matched, pool, "within pool");
        assertLe(matching.matched, ((uint256(d1) + d2) * ratio) / 10_000, "within ratio");
        vm.warp(block.timestamp + 11 days);
        uint256 before = OPERATOR.balance;
        if (matching.matched < pool) {
            vm.prank(OPERATOR);
            vault.withdrawMatching(id);
            assertEq(OPERATOR.balance - before, pool - matching.matched, "unused returned");
        }
        assertEq(address(vault).balance, uint256(d1) + d2 + matching.matched, "vault keeps donations and matching");
    }
}
