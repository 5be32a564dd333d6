// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPartnershipRegistry} from "../../contracts/interfaces/IPartnershipRegistry.sol";
import {PartnershipRegistry} from "../../contracts/partnerships/PartnershipRegistry.sol";
import {TestBase, Vm} from "../utils/Vm.sol";

/// @notice Builds EIP-712 digests of the registry the way an off-chain signer does.
library RegistryDigests {
    bytes32 internal constant DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );

    function signatureDigest(
        PartnershipRegistry registry,
        uint256 agreementId,
        uint32 version,
        uint32 orgId,
        address signer,
        uint256 nonce,
        uint256 deadline
    ) internal view returns (bytes32) {
        bytes32 domain = keccak256(
            abi.encode(
                DOMAIN_TYPEHASH,
                keccak256("PartnershipRegistry"),
                keccak256("1"),
                block.chainid,
                address(registry)
            )
        );
        bytes32 termsHash = registry.agreementVersion(agreementId, version).termsHash;
        bytes32 structHash = keccak256(
            abi.encode(registry.SIGNATURE_TYPEHASH(), agreementId, version, orgId, signer, termsHash, nonce, deadline)
        );
        return keccak256(abi.encodePacked("\x19\x01", domain, structHash));
    }
}

/// @notice Drives the registry through random proposals, signatures (valid and forged), withdrawals,
///         amendments, notices and time, and keeps ghost records of every signature it saw succeed.
contract PartnershipHandler {
    Vm internal constant vm = Vm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);
    uint256 internal constant ORGS = 3;
    uint256 internal constant ROGUE_KEY = 0xBAD;

    PartnershipRegistry public registry;
    uint256[ORGS] internal _keys = [uint256(0xA11CE), 0xB0B, 0xCA401];

    /// @notice Parties whose signature of (agreement, version) the handler saw succeed and not withdrawn.
    mapping(uint256 agreementId => mapping(uint32 version => uint256 mask)) public ghostSigned;
    /// @notice The final status (Terminated or Cancelled) first observed for an agreement; 0 = none.
    mapping(uint256 agreementId => uint256 status) public finalStatus;
    /// @notice Set when an agreement left a final status.
    bool public finalityBroken;
    uint256 public forgedAccepted;

    constructor() {
        registry = new PartnershipRegistry(address(this));
        for (uint256 i = 0; i < ORGS; ++i) {
            address[] memory signers = new address[](1);
            signers[0] = vm.addr(_keys[i]);
            registry.registerOrganisation("org", IPartnershipRegistry.OrganisationKind(i), "", signers);
        }
    }

    function propose(uint256 seed) external {
        uint32[] memory parties = new uint32[](seed % 2 == 0 ? 2 : 3);
        uint256 first = seed % ORGS;
        for (uint256 i = 0; i < parties.length; ++i) parties[i] = uint32(((first + i) % ORGS) + 1);
        IPartnershipRegistry.CommitmentInput[] memory commitments = new IPartnershipRegistry.CommitmentInput[](1);
        commitments[0] = IPartnershipRegistry.CommitmentInput({
            responsibleParty: 1,
            category: IPartnershipRegistry.CommitmentCategory.Charity,
            dueDate: uint64(block.timestamp + 90 days),
            descriptionHash: keccak256(abi.encode(seed)),
            descriptionURI: ""
        });
        registry.propose("MOU", parties, _terms(seed, commitments));
        _observe();
    }

    function relay(uint256 agreementSeed, uint256 partySeed, uint256 keySeed) external {
        (bool ok, uint256 id, uint8 party, uint32 orgId, uint32 version) = _pick(agreementSeed, partySeed);
        if (!ok) return;
        bool forged = keySeed % 4 == 0;
        IPartnershipRegistry.SignatureInput memory input = _signed(
            id,
            party,
            orgId,
            version,
            forged ? ROGUE_KEY : _keys[orgId - 1]
        );
        try registry.signWithSignature(input) {
            if (forged) ++forgedAccepted;
            else ghostSigned[id][version] |= 1 << party;
        } catch {}
        _observe();
    }

    function _signed(
        uint256 id,
        uint8 party,
        uint32 orgId,
        uint32 version,
        uint256 key
    ) private view returns (IPartnershipRegistry.SignatureInput memory input) {
        input.agreementId = id;
        input.version = version;
        input.partyIndex = party;
        input.signer = vm.addr(_keys[orgId - 1]);
        input.nonce = registry.partyNonce(id, party);
        input.deadline = block.timestamp + 1 days;
        bytes32 digest = RegistryDigests.signatureDigest(
            registry,
            id,
            version,
            orgId,
            input.signer,
            input.nonce,
            input.deadline
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        input.signature = abi.encodePacked(r, s, v);
    }

    function signDirect(uint256 agreementSeed, uint256 partySeed) external {
        (bool ok, uint256 id, uint8 party, uint32 orgId, uint32 version) = _pick(agreementSeed, partySeed);
        if (!ok) return;
        vm.prank(vm.addr(_keys[orgId - 1]));
        try registry.sign(id, version, party) {
            ghostSigned[id][version] |= 1 << party;
        } catch {}
        _observe();
    }

    function withdraw(uint256 agreementSeed, uint256 partySeed) external {
        (bool ok, uint256 id, uint8 party, uint32 orgId, uint32 version) = _pick(agreementSeed, partySeed);
        if (!ok) return;
        vm.prank(vm.addr(_keys[orgId - 1]));
        try registry.withdrawSignature(id, party) {
            ghostSigned[id][version] &= ~(uint256(1) << party);
        } catch {}
        _observe();
    }

    function amend(uint256 agreementSeed, uint256 seed) external {
        (bool ok, uint256 id, , , ) = _pick(agreementSeed, 0);
        if (!ok) return;
        uint32 orgId = registry.agreement(id).parties[0];
        vm.prank(vm.addr(_keys[orgId - 1]));
        try registry.proposeAmendment(id, 0, _terms(seed, new IPartnershipRegistry.CommitmentInput[](0))) {} catch {}
        _observe();
    }

    function notice(uint256 agreementSeed, uint256 partySeed) external {
        (bool ok, uint256 id, uint8 party, uint32 orgId, ) = _pick(agreementSeed, partySeed);
        if (!ok) return;
        vm.prank(vm.addr(_keys[orgId - 1]));
        try registry.giveTerminationNotice(id, party, keccak256("reason"), "") {} catch {}
        _observe();
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 20 days));
        _observe();
    }

    function _terms(
        uint256 seed,
        IPartnershipRegistry.CommitmentInput[] memory commitments
    ) private view returns (IPartnershipRegistry.TermsInput memory) {
        return
            IPartnershipRegistry.TermsInput({
                documentHash: keccak256(abi.encode("doc", seed)),
                documentURI: "",
                effectiveAt: uint64(block.timestamp),
                expiresAt: uint64(block.timestamp + bound(seed, 10 days, 120 days)),
                signingDeadline: uint64(block.timestamp + bound(seed >> 8, 1 hours, 30 days)),
                noticePeriod: uint64(bound(seed >> 16, 0, 30 days)),
                commitments: commitments
            });
    }

    function _pick(
        uint256 agreementSeed,
        uint256 partySeed
    ) private view returns (bool ok, uint256 id, uint8 party, uint32 orgId, uint32 version) {
        uint256 count = registry.agreementCount();
        if (count == 0) return (false, 0, 0, 0, 0);
        id = 1 + (agreementSeed % count);
        IPartnershipRegistry.AgreementView memory view_ = registry.agreement(id);
        party = uint8(partySeed % view_.parties.length);
        orgId = view_.parties[party];
        version = view_.latestVersion;
        ok = true;
    }

    /// @dev Records final statuses and flags any agreement that left one.
    function _observe() private {
        uint256 count = registry.agreementCount();
        for (uint256 id = 1; id <= count; ++id) {
            uint256 status = uint256(registry.agreementStatus(id));
            uint256 seen = finalStatus[id];
            if (seen != 0 && seen != status) finalityBroken = true;
            if (
                seen == 0 &&
                (status == uint256(IPartnershipRegistry.AgreementStatus.Terminated) ||
                    status == uint256(IPartnershipRegistry.AgreementStatus.Cancelled))
            ) finalStatus[id] = status;
        }
    }

    function bound(uint256 x, uint256 min, uint256 max) private pure returns (uint256) {
        return min + (x % (max - min + 1));
    }
}

/// @notice State-machine invariants of the registry.
contract PartnershipRegistryInvariantTest is TestBase {
    PartnershipHandler internal handler;

    function setUp() public {
        vm.warp(1_800_000_000);
        handler = new PartnershipHandler();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// @notice No agreement is Active (has a version in force) without a valid signature of every
    ///         party on that version, as seen by the handler.
    function invariant_activeOnlyWithEveryPartySignature() external view {
        PartnershipRegistry registry = handler.registry();
        uint256 count = registry.agreementCount();
        for (uint256 id = 1; id <= count; ++id) {
            IPartnershipRegistry.AgreementView memory view_ = registry.agreement(id);
            uint256 full = (1 << view_.parties.length) - 1;
            if (view_.status == IPartnershipRegistry.AgreementStatus.Active) {
                assertTrue(view_.currentVersion != 0, "active without a version in force");
            }
            if (view_.currentVersion != 0) {
                assertEq(handler.ghostSigned(id, view_.currentVersion), full, "ghost signatures of version in force");
                assertEq(
                    registry.agreementVersion(id, view_.currentVersion).signedMask,
                    full,
                    "stored signatures of version in force"
                );
            }
        }
    }

    /// @notice Terminated and Cancelled never change.
    function invariant_terminatedAndCancelledAreFinal() external view {
        assertTrue(!handler.finalityBroken(), "an agreement left a final status");
        PartnershipRegistry registry = handler.registry();
        uint256 count = registry.agreementCount();
        for (uint256 id = 1; id <= count; ++id) {
            uint256 seen = handler.finalStatus(id);
            if (seen != 0) assertEq(uint256(registry.agreementStatus(id)), seen, "final status changed");
        }
    }

    /// @notice A forged signature (another key claiming an authorised signer) is never accepted.
    function invariant_forgedSignaturesNeverAccepted() external view {
        assertEq(handler.forgedAccepted(), 0, "forged signatures accepted");
    }
}

/// @notice Fuzz tests of signing edges and commitment packing.
contract PartnershipRegistryFuzzTest is TestBase {
    PartnershipRegistry internal registry;
    uint256 internal constant CITY_KEY = 0xC17;
    uint256 internal constant EXCHANGE_KEY = 0xE8C;

    function setUp() public {
        vm.warp(1_800_000_000);
        registry = new PartnershipRegistry(address(this));
        address[] memory signers = new address[](1);
        signers[0] = vm.addr(CITY_KEY);
        registry.registerOrganisation("City", IPartnershipRegistry.OrganisationKind.City, "", signers);
        signers[0] = vm.addr(EXCHANGE_KEY);
        registry.registerOrganisation("Exchange", IPartnershipRegistry.OrganisationKind.Exchange, "", signers);
    }

    function _propose(
        uint64 signingDeadline,
        IPartnershipRegistry.CommitmentInput[] memory commitments
    ) private returns (uint256) {
        uint32[] memory parties = new uint32[](2);
        parties[0] = 1;
        parties[1] = 2;
        return
            registry.propose(
                "MOU",
                parties,
                IPartnershipRegistry.TermsInput({
                    documentHash: keccak256("doc"),
                    documentURI: "",
                    effectiveAt: uint64(block.timestamp),
                    expiresAt: 0,
                    signingDeadline: signingDeadline,
                    noticePeriod: 0,
                    commitments: commitments
                })
            );
    }

    function _input(
        uint256 id,
        uint256 key,
        address signer,
        uint256 deadline
    ) private view returns (IPartnershipRegistry.SignatureInput memory) {
        bytes32 digest = RegistryDigests.signatureDigest(registry, id, 1, 2, signer, 0, deadline);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return IPartnershipRegistry.SignatureInput(id, 1, 1, signer, 0, deadline, abi.encodePacked(r, s, v));
    }

    /// @notice A signature by any key other than the signer's is rejected.
    function testFuzz_relay_rejectsAnyOtherKey(uint256 key) external {
        key = bound(key, 1, 1e70);
        vm.assume(key != EXCHANGE_KEY);
        uint256 id = _propose(uint64(block.timestamp + 1 days), new IPartnershipRegistry.CommitmentInput[](0));
        IPartnershipRegistry.SignatureInput memory input = _input(id, key, vm.addr(EXCHANGE_KEY), block.timestamp);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPartnershipRegistry.PartnershipRegistryInvalidSignature.selector,
                vm.addr(EXCHANGE_KEY)
            )
        );
        registry.signWithSignature(input);
    }

    /// @notice Signing succeeds exactly while the time is at or before both deadlines.
    function testFuzz_relay_respectsDeadlines(
        uint256 signingOffset,
        uint256 signatureOffset,
        uint256 elapsed
    ) external {
        uint256 signingDeadline = block.timestamp + bound(signingOffset, 0, 30 days);
        uint256 deadline = block.timestamp + bound(signatureOffset, 0, 30 days);
        uint256 id = _propose(uint64(signingDeadline), new IPartnershipRegistry.CommitmentInput[](0));
        IPartnershipRegistry.SignatureInput memory input = _input(id, EXCHANGE_KEY, vm.addr(EXCHANGE_KEY), deadline);
        vm.warp(block.timestamp + bound(elapsed, 0, 31 days));
        if (block.timestamp > deadline) {
            vm.expectRevert(
                abi.encodeWithSelector(IPartnershipRegistry.PartnershipRegistrySignatureExpired.selector, deadline)
            );
        } else if (block.timestamp > signingDeadline) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IPartnershipRegistry.PartnershipRegistrySigningClosed.selector,
                    id,
                    uint32(1),
                    uint64(signingDeadline)
                )
            );
        }
        registry.signWithSignature(input);
    }

    /// @notice Packed commitments read back exactly as proposed.
    function testFuzz_propose_commitmentsRoundTrip(uint8 count, uint256 seed) external {
        count = uint8(bound(count, 1, 20));
        IPartnershipRegistry.CommitmentInput[] memory commitments = new IPartnershipRegistry.CommitmentInput[](count);
        for (uint256 i = 0; i < count; ++i) {
            uint256 s = uint256(keccak256(abi.encode(seed, i)));
            commitments[i] = IPartnershipRegistry.CommitmentInput({
                responsibleParty: uint8(s % 2),
                category: IPartnershipRegistry.CommitmentCategory((s >> 8) % 7),
                dueDate: uint64(bound(s >> 16, 1, type(uint32).max)),
                descriptionHash: bytes32(s | 1),
                descriptionURI: ""
            });
        }
        uint256 id = _propose(uint64(block.timestamp + 1 days), commitments);
        for (uint256 i = 0; i < count; ++i) {
            IPartnershipRegistry.CommitmentView memory c = registry.commitment(id, i);
            assertEq(c.responsibleParty, commitments[i].responsibleParty, "party");
            assertEq(uint256(c.category), uint256(commitments[i].category), "category");
            assertEq(c.dueDate, commitments[i].dueDate, "due date");
        }
    }
}
