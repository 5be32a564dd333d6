// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CharityVault} from "../../contracts/charity/CharityVault.sol";
import {ICharityVault} from "../../contracts/interfaces/ICharityVault.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Fuzz tests of the vault's amount, id and array inputs: campaign parameters and
///         beneficiary lists are validated by name; donations, matching and disbursements either
///         move exactly the amount or revert by name and move nothing; unknown campaigns and
///         disbursements are refused everywhere.
contract CharityVaultInputsFuzzTest is TestBase {
    address internal constant OPERATOR = address(0x0BE4);
    address internal constant GUARDIAN = address(0x6A4D);
    address internal constant DONOR = address(0xD0A);
    uint256 internal constant PAYEES = 24;

    CharityVault internal vault;

    function setUp() public {
        vm.warp(1_800_000_000);
        vault = new CharityVault(address(this), OPERATOR, GUARDIAN);
        vm.startPrank(OPERATOR);
        for (uint256 i = 0; i < PAYEES; ++i) {
            vault.addBeneficiary(_payee(i), bytes32(0));
            vault.verifyBeneficiary(_payee(i), bytes32(0));
        }
        vm.stopPrank();
    }

    function _payee(uint256 i) private pure returns (address) {
        return address(uint160(0x5C4000 + i));
    }

    function _params(uint256 hardCap) private view returns (ICharityVault.CampaignParams memory params) {
        address[] memory payees = new address[](1);
        payees[0] = _payee(0);
        params = ICharityVault.CampaignParams({
            token: address(0),
            goal: 1,
            hardCap: hardCap,
            deadline: uint64(block.timestamp + 10 days),
            disbursementDeadline: uint64(block.timestamp + 40 days),
            allOrNothing: false,
            beneficiaries: payees,
            detailsHash: bytes32(0)
        });
    }

    function _campaign(uint256 hardCap) private returns (uint256 id) {
        vm.prank(OPERATOR);
        id = vault.createCampaign(_params(hardCap));
    }

    function _donate(uint256 id, uint256 amount) private {
        vm.deal(DONOR, amount);
        vm.prank(DONOR);
        vault.donate{value: amount}(id, amount, DONOR);
    }

    // --- campaigns -------------------------------------------------------------------------------

    /// @notice An empty or over-MAX_BENEFICIARIES list is refused; a duplicate anywhere is refused;
    ///         otherwise every listed payee, and no other, may be paid by the campaign.
    function testFuzz_createCampaign_beneficiaryListBoundedAndPerElement(
        uint256 count,
        uint256 duplicateAt,
        bool duplicate
    ) external {
        count = bound(count, 0, PAYEES);
        ICharityVault.CampaignParams memory params = _params(0);
        params.beneficiaries = new address[](count);
        for (uint256 i = 0; i < count; ++i) params.beneficiaries[i] = _payee(i);
        duplicate = duplicate && count >= 2;
        if (duplicate) {
            uint256 k = 1 + (duplicateAt % (count - 1));
            params.beneficiaries[k] = params.beneficiaries[duplicateAt % k];
        }
        uint256 before = vault.campaignCount();
        if (count == 0 || count > vault.MAX_BENEFICIARIES()) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    ICharityVault.CharityVaultBeneficiaryCount.selector,
                    count,
                    vault.MAX_BENEFICIARIES()
                )
            );
        } else if (duplicate) {
            uint256 k = 1 + (duplicateAt % (count - 1));
            vm.expectRevert(
                abi.encodeWithSelector(ICharityVault.CharityVaultDuplicateBeneficiary.selector, params.beneficiaries[k])
            );
        } else {
            vm.prank(OPERATOR);
            uint256 id = vault.createCampaign(params);
            assertEq(id, before + 1, "next campaign id");
            for (uint256 i = 0; i < PAYEES; ++i) {
                assertTrue(vault.isCampaignBeneficiary(id, _payee(i)) == (i < count), "exactly the listed payees");
            }
            return;
        }
        vm.prank(OPERATOR);
        vault.createCampaign(params);
        assertEq(vault.campaignCount(), before, "no campaign created");
    }

    /// @notice Any goal, cap and deadlines are either stored exactly or refused with
    ///         CharityVaultInvalidCampaignParams carrying the values.
    function testFuzz_createCampaign_amountsAndDatesStoredOrRefused(
        uint256 goal,
        uint256 hardCap,
        uint64 deadline,
        uint64 disbursementDeadline
    ) external {
        if (goal % 3 != 0) goal = bound(goal, 0, vault.MAX_AMOUNT() + 1);
        if (hardCap % 3 != 0) hardCap = bound(hardCap, 0, vault.MAX_AMOUNT() + 1);
        if (deadline % 3 != 0) deadline = uint64(bound(deadline, block.timestamp - 1, block.timestamp + 400 days));
        if (disbursementDeadline % 3 != 0) {
            disbursementDeadline = uint64(bound(disbursementDeadline, deadline, uint256(deadline) + 4 * 365 days));
        }
        ICharityVault.CampaignParams memory params = _params(hardCap);
        params.goal = goal;
        params.deadline = deadline;
        params.disbursementDeadline = disbursementDeadline;
        bool valid =
            goal != 0 &&
                goal <= vault.MAX_AMOUNT() &&
                (hardCap == 0 || (hardCap >= goal && hardCap <= vault.MAX_AMOUNT())) &&
                deadline > block.timestamp &&
                deadline <= block.timestamp + vault.MAX_CAMPAIGN_DURATION() &&
                disbursementDeadline > deadline &&
                disbursementDeadline <= uint256(deadline) + vault.MAX_DISBURSEMENT_PERIOD();
        uint256 before = vault.campaignCount();
        vm.prank(OPERATOR);
        if (!valid) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    ICharityVault.CharityVaultInvalidCampaignParams.selector,
                    goal,
                    hardCap,
                    deadline,
                    disbursementDeadline
                )
            );
            vault.createCampaign(params);
            assertEq(vault.campaignCount(), before, "no campaign created");
            return;
        }
        uint256 id = vault.createCampaign(params);
        ICharityVault.CampaignView memory info = vault.getCampaign(id);
        assertEq(info.goal, goal, "goal");
        assertEq(info.hardCap, hardCap, "hard cap");
        assertEq(info.deadline, deadline, "deadline");
        assertEq(info.disbursementDeadline, disbursementDeadline, "disbursement deadline");
        assertEq(info.held, 0, "holds nothing");
    }

    // --- ids -------------------------------------------------------------------------------------

    /// @notice Every campaign-id entry point refuses an id that was never created and moves
    ///         no money.
    function testFuzz_campaignId_unknownIdRevertsEverywhere(uint256 id, uint256 amount) external {
        _campaign(0);
        vm.assume(id == 0 || id > vault.campaignCount());
        amount = bound(amount, 1, 100 ether);
        bytes memory unknown = abi.encodeWithSelector(ICharityVault.CharityVaultUnknownCampaign.selector, id);
        vm.deal(DONOR, amount);
        vm.prank(DONOR);
        vm.expectRevert(unknown);
        vault.donate{value: amount}(id, amount, DONOR);
        vm.prank(DONOR);
        vm.expectRevert(unknown);
        vault.refund(id);
        vm.prank(DONOR);
        vm.expectRevert(unknown);
        vault.withdrawMatching(id);
        vm.deal(OPERATOR, amount);
        vm.startPrank(OPERATOR);
        vm.expectRevert(unknown);
        vault.fundMatching{value: amount}(id, amount, 10_000);
        vm.expectRevert(unknown);
        vault.cancelCampaign(id);
        vm.expectRevert(unknown);
        vault.proposeDisbursement(id, _payee(0), amount, bytes32(0), "");
        vm.stopPrank();
        vm.expectRevert(unknown);
        vault.campaignToken(id);
        assertEq(address(vault).balance, 0, "no money moved");
        assertEq(DONOR.balance, amount, "donor keeps the payment");
        assertEq(OPERATOR.balance, amount, "sponsor keeps the pool");
        assertEq(vault.disbursementCount(), 0, "no disbursement proposed");
    }

    /// @notice Vetoing or executing a disbursement id that was never proposed is refused.
    function testFuzz_disbursementId_unknownIdReverts(uint256 id) external {
        vm.assume(id == 0 || id > vault.disbursementCount());
        bytes memory unknown = abi.encodeWithSelector(ICharityVault.CharityVaultUnknownDisbursement.selector, id);
        vm.prank(GUARDIAN);
        vm.expectRevert(unknown);
        vault.vetoDisbursement(id, bytes32(0));
        vm.expectRevert(unknown);
        vault.executeDisbursement(id);
        vm.expectRevert(unknown);
        vault.getDisbursement(id);
    }

    // --- amounts ---------------------------------------------------------------------------------

    /// @notice Any amount and payment either credits the donor, the campaign and the vault with
    ///         exactly the amount, or reverts by name (zero, mismatched value, over the hard cap)
    ///         and changes nothing.
    function testFuzz_donate_exactAccountingOrNamedError(
        uint256 amount,
        uint256 value,
        uint256 hardCap,
        bool matchValue
    ) external {
        amount = bound(amount, 0, 1_000 ether);
        value = matchValue ? amount : bound(value, 0, 1_000 ether);
        hardCap = hardCap % 2 == 0 ? 0 : bound(hardCap, 1, 1_000 ether);
        uint256 id = _campaign(hardCap);
        vm.deal(DONOR, value);
        vm.prank(DONOR);
        if (amount == 0) {
            vm.expectRevert(ICharityVault.CharityVaultZeroAmount.selector);
        } else if (value != amount) {
            vm.expectRevert(abi.encodeWithSelector(ICharityVault.CharityVaultValueMismatch.selector, value, amount));
        } else if (hardCap != 0 && amount > hardCap) {
            vm.expectRevert(abi.encodeWithSelector(ICharityVault.CharityVaultHardCapExceeded.selector, id, hardCap));
        } else {
            vault.donate{value: value}(id, amount, DONOR);
            (uint256 contributed, ) = vault.contributionOf(id, DONOR);
            ICharityVault.CampaignView memory info = vault.getCampaign(id);
            assertEq(contributed, amount, "donor credited exactly");
            assertEq(info.donated, amount, "campaign donated");
            assertEq(info.held, amount, "campaign held");
            assertEq(address(vault).balance, amount, "vault received exactly");
            assertEq(DONOR.balance, 0, "donor paid exactly");
            return;
        }
        vault.donate{value: value}(id, amount, DONOR);
        assertEq(vault.getCampaign(id).donated, 0, "nothing donated");
        assertEq(address(vault).balance, 0, "vault unchanged");
        assertEq(DONOR.balance, value, "donor keeps the payment");
    }

    /// @notice A matching pool is refused for a zero amount, a ratio outside 1…MAX_RATIO_BPS or a
    ///         mismatched payment; otherwise the pool is exactly the amount at exactly the ratio.
    function testFuzz_fundMatching_exactPoolOrNamedError(
        uint256 amount,
        uint16 ratioBps,
        uint256 value,
        bool matchValue
    ) external {
        amount = bound(amount, 0, 1_000 ether);
        value = matchValue ? amount : bound(value, 0, 1_000 ether);
        uint256 id = _campaign(0);
        vm.deal(OPERATOR, value);
        if (amount == 0) {
            vm.expectRevert(ICharityVault.CharityVaultZeroAmount.selector);
        } else if (ratioBps == 0 || ratioBps > vault.MAX_RATIO_BPS()) {
            vm.expectRevert(
                abi.encodeWithSelector(ICharityVault.CharityVaultInvalidRatio.selector, ratioBps, vault.MAX_RATIO_BPS())
            );
        } else if (value != amount) {
            vm.expectRevert(abi.encodeWithSelector(ICharityVault.CharityVaultValueMismatch.selector, value, amount));
        } else {
            vm.prank(OPERATOR);
            vault.fundMatching{value: value}(id, amount, ratioBps);
            ICharityVault.MatchingView memory matching = vault.getMatching(id);
            assertEq(matching.sponsor, OPERATOR, "sponsor");
            assertEq(matching.pool, amount, "pool");
            assertEq(matching.ratioBps, ratioBps, "ratio");
            assertEq(matching.matched, 0, "nothing matched yet");
            assertEq(address(vault).balance, amount, "vault received exactly");
            return;
        }
        vm.prank(OPERATOR);
        vault.fundMatching{value: value}(id, amount, ratioBps);
        assertEq(vault.getMatching(id).pool, 0, "no pool");
        assertEq(address(vault).balance, 0, "vault unchanged");
    }

    /// @notice A disbursement of any amount is refused when zero or above what the campaign holds;
    ///         otherwise, once executed, the payee is owed and withdraws exactly the amount and
    ///         the campaign holds exactly that much less.
    function testFuzz_proposeDisbursement_amountBoundedByHeldAndPaidExactly(uint256 donated, uint256 amount) external {
        donated = bound(donated, 1, 1_000 ether);
        amount = bound(amount, 0, donated * 2);
        uint256 id = _campaign(0);
        _donate(id, donated);
        vm.warp(block.timestamp + 11 days);
        address payee = _payee(0);
        vm.prank(OPERATOR);
        if (amount == 0) {
            vm.expectRevert(ICharityVault.CharityVaultZeroAmount.selector);
        } else if (amount > donated) {
            vm.expectRevert(
                abi.encodeWithSelector(ICharityVault.CharityVaultInsufficientHeld.selector, id, amount, donated)
            );
        } else {
            uint256 disbursementId = vault.proposeDisbursement(id, payee, amount, bytes32(0), "");
            vm.warp(block.timestamp + vault.CHALLENGE_PERIOD());
            vault.executeDisbursement(disbursementId);
            assertEq(vault.owedTo(payee, address(0)), amount, "payee owed exactly");
            assertEq(vault.getCampaign(id).held, donated - amount, "held reduced exactly");
            vm.prank(payee);
            assertEq(vault.withdraw(address(0)), amount, "withdrawn");
            assertEq(payee.balance, amount, "payee paid exactly");
            assertEq(address(vault).balance, donated - amount, "vault keeps the rest");
            vm.prank(payee);
            vm.expectRevert(abi.encodeWithSelector(ICharityVault.CharityVaultNothingToClaim.selector, 0, payee));
            vault.withdraw(address(0));
            return;
        }
        vault.proposeDisbursement(id, payee, amount, bytes32(0), "");
        assertEq(vault.disbursementCount(), 0, "nothing proposed");
        assertEq(vault.getCampaign(id).held, donated, "held unchanged");
    }
}
