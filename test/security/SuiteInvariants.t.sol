// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AcademyCertificates} from "../../contracts/academy/AcademyCertificates.sol";
import {CharityVault} from "../../contracts/charity/CharityVault.sol";
import {IAcademyCertificates} from "../../contracts/interfaces/IAcademyCertificates.sol";
import {ICharityVault} from "../../contracts/interfaces/ICharityVault.sol";
import {IEventTickets} from "../../contracts/interfaces/IEventTickets.sol";
import {ForceEtherSender} from "../../contracts/mocks/ForceEtherSender.sol";
import {EventTickets} from "../../contracts/tickets/EventTickets.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Drives the three money- and claim-linked modules together, as deployed by the suite: an
///         event whose settlement donates a share to a real CharityVault campaign (attributed to the
///         organiser) and whose graduate tier asks a real AcademyCertificates registry. Four actors
///         buy, resell, withdraw, refund, donate and claim refunds; the operator issues and revokes
///         certificates, cancels, settles and disburses; time moves and ETH is forced into both
///         contracts. The handler is the organiser, the vault's operator and guardian and the
///         academy's issuer.
contract SuiteHandler is TestBase {
    uint256 public constant ACTORS = 4;
    uint256 public constant CAMPAIGN = 1;
    uint256 public constant GA_TIER = 1;
    uint256 public constant GRADUATE_TIER = 2;
    uint256 public constant TIERS = 2;
    uint16 public constant CHARITY_BPS = 2_000;
    uint256 internal constant MAX_DONATION = 5 ether;
    uint256 internal constant MAX_WARP = 12 days;

    EventTickets public immutable TICKETS;
    CharityVault public immutable VAULT;
    AcademyCertificates public immutable ACADEMY;
    address public immutable BENEFICIARY = address(0xBE0001);
    address public immutable TREASURY = address(0x7EA5);
    uint64 public immutable COURSE;

    address[ACTORS] internal _actors;
    uint256[] internal _ids;
    uint256[] internal _disbursements;
    mapping(address actor => uint256 tokenId) public certificateOf;

    /// @notice ETH that settlements moved into the vault (measured on the vault's balance).
    uint256 public ghostSettlementDonations;
    /// @notice Graduate-tier purchases that succeeded for a buyer without a valid certificate.
    uint256 public ghostGraduateWithoutCertificate;
    /// @notice Payments whose recipient did not receive what the contract reported or credited.
    uint256 public ghostPaymentMismatches;
    uint256 public settlements;

    constructor() {
        vm.deal(address(this), 1_000 ether);
        for (uint256 i = 0; i < ACTORS; ++i) _actors[i] = address(uint160(0xA0000 + i));

        VAULT = new CharityVault(address(this), address(this), address(this));
        VAULT.addBeneficiary(BENEFICIARY, keccak256("vetting"));
        VAULT.verifyBeneficiary(BENEFICIARY, keccak256("vetting"));
        address[] memory payees = new address[](1);
        payees[0] = BENEFICIARY;
        VAULT.createCampaign(
            ICharityVault.CampaignParams({
                token: address(0),
                goal: 2 ether,
                hardCap: 0,
                deadline: uint64(block.timestamp + 60 days),
                disbursementDeadline: uint64(block.timestamp + 120 days),
                allOrNothing: true,
                beneficiaries: payees,
                detailsHash: bytes32(0)
            })
        );

        ACADEMY = new AcademyCertificates(address(this));
        ACADEMY.registerIssuer(address(this), "Busan Blockchain Academy", "");
        COURSE = ACADEMY.createCourse("ipfs://course", bytes32(0), 0, true);

        TICKETS = new EventTickets(
            IEventTickets.EventConfig({
                name: "Suite Week",
                symbol: "SW",
                venue: "Busan",
                start: uint64(block.timestamp + 30 days),
                end: uint64(block.timestamp + 32 days),
                gracePeriod: 7 days,
                organiser: address(this),
                treasury: payable(TREASURY),
                admin: address(this),
                royaltyBps: 500,
                charityBps: CHARITY_BPS,
                certificateVerifier: address(ACADEMY),
                donationReceiver: address(VAULT),
                charityCampaignId: CAMPAIGN
            })
        );
        IEventTickets.TierConfig memory t = IEventTickets.TierConfig({
            price: 0.1 ether,
            currency: address(0),
            supply: 30,
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
        TICKETS.addTier(t);
        t.supply = 8;
        t.price = 0.05 ether;
        t.graduateOnly = true;
        t.courseId = COURSE;
        TICKETS.addTier(t);
    }

    // --- tickets -----------------------------------------------------------------------------

    function buy(uint256 actorSeed, uint256 tierSeed, uint256 quantity) external {
        address actor = _actor(actorSeed);
        uint256 tierId = 1 + (tierSeed % TIERS);
        quantity = 1 + (quantity % 3);
        bool certified = ACADEMY.hasValidCertificate(actor, COURSE);
        uint256 total = TICKETS.tier(tierId).price * quantity;
        vm.deal(actor, total + 0.01 ether);
        vm.prank(actor);
        try TICKETS.buy{value: total + 0.01 ether}(tierId, quantity, type(uint256).max, new bytes32[](0)) returns (
            uint256 first
        ) {
            for (uint256 i = 0; i < quantity; ++i) _ids.push(first + i);
            if (tierId == GRADUATE_TIER && !certified) ++ghostGraduateWithoutCertificate;
        } catch {}
    }

    function resell(uint256 index, uint256 buyerSeed, uint256 price) external {
        (bool found, uint256 tokenId, address owner) = _ticket(index);
        if (!found) return;
        price = bound(price, 0, TICKETS.resaleCap(tokenId));
        vm.prank(owner);
        try TICKETS.listForResale(tokenId, uint96(price)) {} catch {
            return;
        }
        address buyer = _actor(buyerSeed);
        vm.deal(buyer, price);
        vm.prank(buyer);
        try TICKETS.buyListing{value: price}(tokenId, price) {} catch {}
    }

    function withdrawResaleProceeds(uint256 actorSeed) external {
        address actor = _actor(actorSeed);
        uint256 credit = TICKETS.resaleProceeds(actor);
        uint256 before = actor.balance;
        vm.prank(actor);
        try TICKETS.withdrawResaleProceeds() returns (uint256 amount) {
            if (amount != credit || actor.balance - before != credit) ++ghostPaymentMismatches;
        } catch {}
    }

    function refundTicket(uint256 index) external {
        (bool found, uint256 tokenId, address owner) = _ticket(index);
        if (!found) return;
        (, uint256 paid) = TICKETS.ticket(tokenId);
        uint256 before = owner.balance;
        vm.prank(owner);
        try TICKETS.refund(tokenId) {
            if (owner.balance - before != paid) ++ghostPaymentMismatches;
        } catch {}
    }

    function cancelEvent(uint256 seed) external {
        if (seed % 16 != 0) return;
        try TICKETS.cancel() {} catch {}
    }

    /// @dev `jump` first moves the clock to the opening of settlement, so runs reach it often.
    function settle(bool jump) external {
        IEventTickets.EventInfo memory info = TICKETS.eventInfo();
        uint256 opensAt = uint256(info.end) + info.gracePeriod;
        if (jump && block.timestamp < opensAt) vm.warp(opensAt);
        uint256 before = address(VAULT).balance;
        try TICKETS.settle(address(0)) {
            ghostSettlementDonations += address(VAULT).balance - before;
            ++settlements;
        } catch {}
    }

    // --- academy -----------------------------------------------------------------------------

    function issueCertificate(uint256 actorSeed, uint256 nameSeed) external {
        address actor = _actor(actorSeed);
        try
            ACADEMY.issue(
                IAcademyCertificates.LeafFields({
                    courseId: COURSE,
                    recipient: actor,
                    nameCommitment: keccak256(abi.encode(nameSeed)),
                    validFrom: uint40(block.timestamp),
                    validUntil: 0
                })
            )
        returns (uint256 tokenId) {
            certificateOf[actor] = tokenId;
        } catch {}
    }

    function revokeCertificate(uint256 actorSeed) external {
        uint256 tokenId = certificateOf[_actor(actorSeed)];
        if (tokenId == 0) return;
        uint256[] memory batch = new uint256[](1);
        batch[0] = tokenId;
        try ACADEMY.revoke(batch, 1, bytes32(0)) {} catch {}
    }

    // --- charity -----------------------------------------------------------------------------

    function donate(uint256 actorSeed, uint256 amount) external {
        address actor = _actor(actorSeed);
        amount = bound(amount, 1, MAX_DONATION);
        vm.deal(actor, amount);
        vm.prank(actor);
        try VAULT.donate{value: amount}(CAMPAIGN, amount, actor) {} catch {}
    }

    function refundDonation(uint256 actorSeed) external {
        address actor = _actor(actorSeed);
        uint256 before = actor.balance;
        vm.prank(actor);
        try VAULT.refund(CAMPAIGN) returns (uint256 amount) {
            if (actor.balance - before != amount) ++ghostPaymentMismatches;
        } catch {}
    }

    function cancelCampaign(uint256 seed) external {
        if (seed % 16 != 0) return;
        try VAULT.cancelCampaign(CAMPAIGN) {} catch {}
    }

    function proposeDisbursement(uint256 amount) external {
        amount = bound(amount, 1, 3 ether);
        try VAULT.proposeDisbursement(CAMPAIGN, BENEFICIARY, amount, bytes32(0), "") returns (uint256 id) {
            _disbursements.push(id);
        } catch {}
    }

    function executeDisbursement(uint256 seed) external {
        if (_disbursements.length == 0) return;
        try VAULT.executeDisbursement(_disbursements[seed % _disbursements.length]) {} catch {}
    }

    function withdrawDisbursed() external {
        uint256 owed = VAULT.owedTo(BENEFICIARY, address(0));
        uint256 before = BENEFICIARY.balance;
        vm.prank(BENEFICIARY);
        try VAULT.withdraw(address(0)) returns (uint256 amount) {
            if (amount != owed || BENEFICIARY.balance - before != owed) ++ghostPaymentMismatches;
        } catch {}
    }

    // --- environment -------------------------------------------------------------------------

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, MAX_WARP));
    }

    function forceEther(uint256 amount, bool intoVault) external {
        amount = bound(amount, 1, 1 ether);
        new ForceEtherSender{value: amount}(payable(intoVault ? address(VAULT) : address(TICKETS)));
    }

    // --- views for the invariants ------------------------------------------------------------

    function actorAt(uint256 i) external view returns (address) {
        return _actors[i];
    }

    /// @notice Sum of the prices paid for tickets that still exist.
    function livePaid() external view returns (uint256 sum) {
        for (uint256 i = 0; i < _ids.length; ++i) {
            try TICKETS.ticket(_ids[i]) returns (uint256, uint256 paid) {
                sum += paid;
            } catch {}
        }
    }

    /// @notice ETH every actor may still withdraw from resales.
    function resaleCredits() external view returns (uint256 sum) {
        for (uint256 i = 0; i < ACTORS; ++i) sum += TICKETS.resaleProceeds(_actors[i]);
    }

    function _actor(uint256 seed) private view returns (address) {
        return _actors[seed % ACTORS];
    }

    function _ticket(uint256 index) private view returns (bool found, uint256 tokenId, address owner) {
        if (_ids.length == 0) return (false, 0, address(0));
        tokenId = _ids[index % _ids.length];
        try TICKETS.ownerOf(tokenId) returns (address holder) {
            return (true, tokenId, holder);
        } catch {
            return (false, tokenId, address(0));
        }
    }

    /// @dev Accepts refunds, the donation refunds of the organiser and forced-ETH change.
    receive() external payable {}
}

/// @notice Invariants that must hold with tickets, charity and academy deployed together.
contract SuiteInvariantsTest is TestBase {
    SuiteHandler internal handler;
    EventTickets internal tickets;
    CharityVault internal vault;

    function setUp() public {
        handler = new SuiteHandler();
        tickets = handler.TICKETS();
        vault = handler.VAULT();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// Tickets: the balance covers the escrow plus every seller's resale credit (never `==`: forced ETH).
    function invariant_ticketBalanceCoversEscrowAndResaleCredits() external view {
        assertGe(
            address(tickets).balance,
            tickets.escrowed(address(0)) + handler.resaleCredits(),
            "tickets balance >= escrowed + resale credits"
        );
    }

    /// Tickets: while a refund can still be claimed (cancelled, or before the end), the escrow covers
    /// every refund owed; after settlement of a cancelled event too, since it reserves them.
    function invariant_escrowCoversRefundsWhileRefundable() external view {
        if (tickets.cancelled() || block.timestamp < tickets.eventInfo().end) {
            assertGe(tickets.escrowed(address(0)), tickets.refundLiability(address(0)), "escrowed >= refunds owed");
        }
    }

    /// Tickets: the refunds owed are exactly the prices paid for live tickets.
    function invariant_refundsOwedAreLivePricesPaid() external view {
        assertEq(tickets.refundLiability(address(0)), handler.livePaid(), "owed == live prices paid");
    }

    /// Tickets: no tier mints beyond its supply.
    function invariant_mintedWithinCap() external view {
        for (uint256 tierId = 1; tierId <= handler.TIERS(); ++tierId) {
            IEventTickets.TierView memory t = tickets.tier(tierId);
            assertLe(t.minted, t.supply, "minted <= supply");
        }
    }

    /// Charity: held == donated + matched − refunded − disbursed.
    function invariant_charityHeldIdentity() external view {
        ICharityVault.CampaignView memory info = vault.getCampaign(handler.CAMPAIGN());
        assertEq(info.held + info.refunded + info.disbursed, info.donated + info.matched, "held identity");
    }

    /// Charity: Σ contributions (the actors and the organiser) == donated.
    function invariant_contributionsSumToDonated() external view {
        uint256 campaign = handler.CAMPAIGN();
        (uint256 sum, ) = vault.contributionOf(campaign, address(handler));
        for (uint256 i = 0; i < handler.ACTORS(); ++i) {
            (uint256 amount, ) = vault.contributionOf(campaign, handler.actorAt(i));
            sum += amount;
        }
        assertEq(sum, vault.getCampaign(campaign).donated, "contributions == donated");
    }

    /// Charity: the vault's balance covers what the campaign holds plus what payees may withdraw.
    function invariant_vaultBalanceCoversLiabilities() external view {
        uint256 liabilities =
            vault.getCampaign(handler.CAMPAIGN()).held + vault.owedTo(handler.BENEFICIARY(), address(0));
        assertGe(address(vault).balance, liabilities, "vault balance >= liabilities");
    }

    /// Cross-module: every wei a settlement moved into the vault is credited to the organiser.
    function invariant_settlementDonationsAttributedToOrganiser() external view {
        (uint256 organiser, ) = vault.contributionOf(handler.CAMPAIGN(), address(handler));
        assertEq(organiser, handler.ghostSettlementDonations(), "organiser credited == settled donations");
    }

    /// Cross-module: a graduate tier never sells to a buyer without a valid certificate.
    function invariant_graduateTierOnlyForCertified() external view {
        assertEq(handler.ghostGraduateWithoutCertificate(), 0, "graduate ticket without certificate");
    }

    /// Every payment paid exactly what was reported or credited.
    function invariant_paymentsMatchReports() external view {
        assertEq(handler.ghostPaymentMismatches(), 0, "payment mismatches");
    }

    /// The handler reaches settlement and a donation through the real vault.
    function test_handler_settlementDonatesIntoTheVault() external {
        handler.buy(0, 0, 1);
        handler.settle(true);
        assertEq(handler.settlements(), 1, "settled");
        uint256 share = (0.2 ether * uint256(handler.CHARITY_BPS())) / 10_000;
        assertEq(handler.ghostSettlementDonations(), share, "share donated");
        (uint256 organiser, ) = vault.contributionOf(handler.CAMPAIGN(), address(handler));
        assertEq(organiser, share, "organiser credited");
    }

    /// The graduate tier sells only after the academy certifies the buyer, and stops after revocation.
    function test_handler_graduateTierFollowsTheAcademy() external {
        handler.buy(1, 1, 0);
        assertEq(tickets.tier(handler.GRADUATE_TIER()).minted, 0, "sold without certificate");
        handler.issueCertificate(1, 7);
        handler.buy(1, 1, 0);
        assertEq(tickets.tier(handler.GRADUATE_TIER()).minted, 1, "certified buyer refused");
        handler.revokeCertificate(1);
        handler.buy(1, 1, 0);
        assertEq(tickets.tier(handler.GRADUATE_TIER()).minted, 1, "sold after revocation");
        assertEq(handler.ghostGraduateWithoutCertificate(), 0, "ghost");
    }

    /// A resale credits the seller, and the seller's withdrawal pays exactly the credit.
    function test_handler_resaleCreditIsWithdrawn() external {
        handler.buy(0, 0, 0);
        handler.resell(0, 1, type(uint256).max);
        address seller = handler.actorAt(0);
        uint256 credit = tickets.resaleProceeds(seller);
        assertGe(credit, 1, "no credit");
        handler.withdrawResaleProceeds(0);
        assertEq(tickets.resaleProceeds(seller), 0, "credit left");
        assertEq(handler.ghostPaymentMismatches(), 0, "mismatch");
    }
}
