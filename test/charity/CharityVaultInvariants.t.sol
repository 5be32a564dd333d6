// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CharityVault} from "../../contracts/charity/CharityVault.sol";
import {ICharityVault} from "../../contracts/interfaces/ICharityVault.sol";
import {FeeOnTransferToken} from "../../contracts/mocks/FeeOnTransferToken.sol";
import {ForceEtherSender} from "../../contracts/mocks/ForceEtherSender.sol";
import {MockERC20} from "../../contracts/mocks/MockERC20.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Drives the vault with random actors and amounts: donations, matching, refunds,
///         proposals, vetoes, executions, withdrawals, suspensions, cancellations, forced ETH and
///         the passing of time. Keeps ghost totals of what actually moved.
contract CharityVaultHandler is TestBase {
    uint256 internal constant ACTORS = 4;
    uint256 internal constant BENEFICIARIES = 3;
    uint256 internal constant CAMPAIGNS = 4;
    uint256 internal constant MAX_DONATION = 50 ether;

    CharityVault public vault;
    MockERC20 public usd;
    FeeOnTransferToken public fee;
    address public operator;
    address public guardian;

    address[ACTORS] internal _actors;
    address[BENEFICIARIES] internal _beneficiaries;

    mapping(uint256 campaignId => uint256) public ghostDonated;
    mapping(uint256 campaignId => uint256) public ghostMatched;
    mapping(uint256 campaignId => uint256) public ghostRefunded;
    mapping(uint256 campaignId => uint256) public ghostDisbursed;
    /// @notice Payments whose recipient did not receive what the event or return value said.
    uint256 public ghostPaymentMismatches;
    uint256 public calls;

    constructor() {
        operator = address(0x0BE4);
        guardian = address(0x6A4D);
        vault = new CharityVault(address(this), operator, guardian);
        usd = new MockERC20("Busan Dollar", "BUSD", 6);
        fee = new FeeOnTransferToken(250);
        vault.setTokenAllowed(address(usd), true);
        vault.setTokenAllowed(address(fee), true);
        for (uint256 i = 0; i < ACTORS; ++i) _actors[i] = address(uint160(0xD0000 + i));
        address[] memory payees = new address[](BENEFICIARIES);
        for (uint256 i = 0; i < BENEFICIARIES; ++i) {
            _beneficiaries[i] = address(uint160(0xBE0000 + i));
            payees[i] = _beneficiaries[i];
            vm.prank(operator);
            vault.addBeneficiary(payees[i], keccak256(abi.encode(i)));
            vm.prank(operator);
            vault.verifyBeneficiary(payees[i], keccak256(abi.encode(i)));
        }
        // 1: ETH all-or-nothing; 2: ETH keep-what-you-raise with matching;
        // 3: stablecoin all-or-nothing with a hard cap and matching; 4: fee-on-transfer token.
        _create(address(0), 60 ether, 0, true, payees);
        _create(address(0), 40 ether, 0, false, payees);
        _create(address(usd), 80 ether, 150 ether, true, payees);
        _create(address(fee), 30 ether, 0, true, payees);
        _fundMatching(2, 20 ether, 10_000);
        _fundMatching(3, 15 ether, 5_000);
    }

    // --- actions ---------------------------------------------------------------------------

    function donate(uint256 actorSeed, uint256 campaignSeed, uint256 amount) external {
        ++calls;
        address actor = _actors[actorSeed % ACTORS];
        uint256 campaignId = 1 + (campaignSeed % CAMPAIGNS);
        amount = bound(amount, 1, MAX_DONATION);
        address token = vault.campaignToken(campaignId);
        uint256 matchedBefore = vault.getMatching(campaignId).matched;
        if (token == address(0)) {
            vm.deal(actor, amount);
            vm.prank(actor);
            try vault.donate{value: amount}(campaignId, amount, actor) {
                ghostDonated[campaignId] += amount;
            } catch {}
        } else {
            MockERC20(token).mint(actor, amount);
            vm.prank(actor);
            MockERC20(token).approve(address(vault), amount);
            uint256 before = MockERC20(token).balanceOf(address(vault));
            vm.prank(actor);
            try vault.donate(campaignId, amount, actor) {
                ghostDonated[campaignId] += MockERC20(token).balanceOf(address(vault)) - before;
            } catch {}
        }
        ghostMatched[campaignId] += vault.getMatching(campaignId).matched - matchedBefore;
    }

    function refund(uint256 actorSeed, uint256 campaignSeed) external {
        ++calls;
        address actor = _actors[actorSeed % ACTORS];
        uint256 campaignId = 1 + (campaignSeed % CAMPAIGNS);
        address token = vault.campaignToken(campaignId);
        uint256 vaultBefore = _balance(token, address(vault));
        vm.prank(actor);
        try vault.refund(campaignId) returns (uint256 amount) {
            ghostRefunded[campaignId] += amount;
            if (vaultBefore - _balance(token, address(vault)) != amount) ++ghostPaymentMismatches;
        } catch {}
    }

    function withdrawMatching(uint256 campaignSeed) external {
        ++calls;
        uint256 campaignId = 1 + (campaignSeed % CAMPAIGNS);
        ICharityVault.MatchingView memory before = vault.getMatching(campaignId);
        ICharityVault.CampaignView memory info = vault.getCampaign(campaignId);
        vm.prank(operator);
        try vault.withdrawMatching(campaignId) {
            ICharityVault.CampaignView memory afterInfo = vault.getCampaign(campaignId);
            ghostRefunded[campaignId] += afterInfo.refunded - info.refunded;
            if (!before.matchedReturned && vault.getMatching(campaignId).matchedReturned) {
                // Returned matched funds count as refunded; nothing else changes the books.
                if (afterInfo.donated != info.donated) ++ghostPaymentMismatches;
            }
        } catch {}
    }

    function propose(uint256 campaignSeed, uint256 payeeSeed, uint256 amount) external {
        ++calls;
        uint256 campaignId = 1 + (campaignSeed % CAMPAIGNS);
        ICharityVault.CampaignView memory info = vault.getCampaign(campaignId);
        if (info.held == 0) return;
        amount = bound(amount, 1, info.held);
        vm.prank(operator);
        try
            vault.proposeDisbursement(
                campaignId,
                _beneficiaries[payeeSeed % BENEFICIARIES],
                amount,
                keccak256(abi.encode(calls)),
                "ipfs://evidence"
            )
        {} catch {}
    }

    function veto(uint256 idSeed) external {
        ++calls;
        uint256 count = vault.disbursementCount();
        if (count == 0) return;
        vm.prank(guardian);
        try vault.vetoDisbursement(1 + (idSeed % count), bytes32(0)) {} catch {}
    }

    function execute(uint256 idSeed) external {
        ++calls;
        uint256 count = vault.disbursementCount();
        if (count == 0) return;
        uint256 id = 1 + (idSeed % count);
        ICharityVault.DisbursementView memory d = vault.getDisbursement(id);
        try vault.executeDisbursement(id) {
            ghostDisbursed[d.campaignId] += d.amount;
        } catch {}
    }

    function withdraw(uint256 payeeSeed, uint256 tokenSeed) external {
        ++calls;
        address payee = _beneficiaries[payeeSeed % BENEFICIARIES];
        address[3] memory tokens = [address(0), address(usd), address(fee)];
        address token = tokens[tokenSeed % 3];
        uint256 vaultBefore = _balance(token, address(vault));
        vm.prank(payee);
        try vault.withdraw(token) returns (uint256 amount) {
            if (vaultBefore - _balance(token, address(vault)) != amount) ++ghostPaymentMismatches;
        } catch {}
    }

    function toggleBeneficiary(uint256 payeeSeed) external {
        ++calls;
        address payee = _beneficiaries[payeeSeed % BENEFICIARIES];
        (ICharityVault.BeneficiaryStatus status, ) = vault.beneficiaryOf(payee);
        vm.prank(operator);
        if (status == ICharityVault.BeneficiaryStatus.Verified) vault.suspendBeneficiary(payee, bytes32(0));
        else vault.verifyBeneficiary(payee, bytes32(0));
    }

    function cancel(uint256 campaignSeed) external {
        ++calls;
        // Rare: only one seed in eight cancels.
        if (campaignSeed % 8 != 0) return;
        vm.prank(operator);
        try vault.cancelCampaign(1 + ((campaignSeed / 8) % CAMPAIGNS)) {} catch {}
    }

    function forceEther(uint256 amount) external {
        ++calls;
        amount = bound(amount, 1, 5 ether);
        vm.deal(address(this), amount);
        new ForceEtherSender{value: amount}(payable(address(vault)));
    }

    function warp(uint256 seconds_) external {
        ++calls;
        vm.warp(block.timestamp + bound(seconds_, 1 hours, 12 days));
    }

    // --- views for the invariants ------------------------------------------------------------

    function actorAt(uint256 i) external view returns (address) {
        return _actors[i];
    }

    function beneficiaryAt(uint256 i) external view returns (address) {
        return _beneficiaries[i];
    }

    function actorCount() external pure returns (uint256) {
        return ACTORS;
    }

    function beneficiaryCount() external pure returns (uint256) {
        return BENEFICIARIES;
    }

    function campaignCount() external pure returns (uint256) {
        return CAMPAIGNS;
    }

    // --- helpers -----------------------------------------------------------------------------

    function _create(address token, uint256 goal, uint256 hardCap, bool allOrNothing, address[] memory payees) private {
        vm.prank(operator);
        vault.createCampaign(
            ICharityVault.CampaignParams({
                token: token,
                goal: goal,
                hardCap: hardCap,
                deadline: uint64(block.timestamp + 10 days),
                disbursementDeadline: uint64(block.timestamp + 40 days),
                allOrNothing: allOrNothing,
                beneficiaries: payees,
                detailsHash: bytes32(0)
            })
        );
    }

    function _fundMatching(uint256 campaignId, uint256 amount, uint16 ratioBps) private {
        address token = vault.campaignToken(campaignId);
        if (token == address(0)) {
            vm.deal(operator, amount);
            vm.prank(operator);
            vault.fundMatching{value: amount}(campaignId, amount, ratioBps);
        } else {
            MockERC20(token).mint(operator, amount);
            vm.prank(operator);
            MockERC20(token).approve(address(vault), amount);
            vm.prank(operator);
            vault.fundMatching(campaignId, amount, ratioBps);
        }
    }

    function _balance(address token, address account) private view returns (uint256) {
        return token == address(0) ? account.balance : MockERC20(token).balanceOf(account);
    }
}

/// @notice The accounting invariant of the issue, checked after every step of random sequences.
contract CharityVaultInvariantsTest is TestBase {
    CharityVaultHandler internal handler;
    CharityVault internal vault;

    function setUp() public {
        handler = new CharityVaultHandler();
        vault = handler.vault();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// held == donated + matched − refunded − disbursed, with each term equal to what moved.
    function invariant_heldEqualsInflowsMinusOutflows() external view {
        for (uint256 c = 1; c <= handler.campaignCount(); ++c) {
            ICharityVault.CampaignView memory info = vault.getCampaign(c);
            assertEq(info.donated, handler.ghostDonated(c), "donated");
            assertEq(info.matched, handler.ghostMatched(c), "matched");
            assertEq(info.refunded, handler.ghostRefunded(c), "refunded");
            assertEq(info.disbursed, handler.ghostDisbursed(c), "disbursed");
            assertEq(info.held + info.refunded + info.disbursed, info.donated + info.matched, "held");
        }
    }

    /// Σ donor contributions == donated.
    function invariant_contributionsSumToDonated() external view {
        for (uint256 c = 1; c <= handler.campaignCount(); ++c) {
            uint256 sum = 0;
            for (uint256 i = 0; i < handler.actorCount(); ++i) {
                (uint256 amount, ) = vault.contributionOf(c, handler.actorAt(i));
                sum += amount;
            }
            assertEq(sum, vault.getCampaign(c).donated, "contributions");
        }
    }

    /// Per token: balance >= Σ held + Σ unreturned matching pools + Σ owed.
    function invariant_balanceCoversLiabilities() external view {
        address[3] memory tokens = [address(0), address(handler.usd()), address(handler.fee())];
        for (uint256 t = 0; t < tokens.length; ++t) {
            uint256 liabilities = 0;
            for (uint256 c = 1; c <= handler.campaignCount(); ++c) {
                if (vault.campaignToken(c) != tokens[t]) continue;
                liabilities += vault.getCampaign(c).held;
                ICharityVault.MatchingView memory matching = vault.getMatching(c);
                if (matching.sponsor != address(0) && !matching.unusedReturned) {
                    liabilities += matching.pool - matching.matched;
                }
            }
            for (uint256 b = 0; b < handler.beneficiaryCount(); ++b) {
                liabilities += vault.owedTo(handler.beneficiaryAt(b), tokens[t]);
            }
            uint256 balance =
                tokens[t] == address(0) ? address(vault).balance : MockERC20(tokens[t]).balanceOf(address(vault));
            assertGe(balance, liabilities, "balance >= liabilities");
        }
    }

    /// A Failed campaign whose donors (and sponsor) have all claimed holds nothing.
    function invariant_failedCampaignFullyClaimedHoldsZero() external view {
        for (uint256 c = 1; c <= handler.campaignCount(); ++c) {
            ICharityVault.CampaignView memory info = vault.getCampaign(c);
            if (info.status != ICharityVault.CampaignStatus.Failed) continue;
            bool allClaimed = true;
            for (uint256 i = 0; i < handler.actorCount(); ++i) {
                (uint256 amount, bool refunded) = vault.contributionOf(c, handler.actorAt(i));
                if (amount != 0 && !refunded) allClaimed = false;
            }
            ICharityVault.MatchingView memory matching = vault.getMatching(c);
            if (matching.matched != 0 && !matching.matchedReturned) allClaimed = false;
            if (allClaimed) assertEq(info.held, 0, "failed and claimed holds zero");
        }
    }

    /// Every refund and withdrawal took from the vault exactly what it reported.
    function invariant_paymentsMatchReports() external view {
        assertEq(handler.ghostPaymentMismatches(), 0, "payment mismatches");
    }
}
