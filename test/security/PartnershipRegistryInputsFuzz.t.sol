// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPartnershipRegistry} from "../../contracts/interfaces/IPartnershipRegistry.sol";
import {PartnershipRegistry} from "../../contracts/partnerships/PartnershipRegistry.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Fuzz tests of the registry's id, array and signature inputs: unknown organisations,
///         agreements and commitments are refused by name and change nothing; signer lists and
///         batches are bounded; random, tampered or partly forged signatures never count.
contract PartnershipRegistryInputsFuzzTest is TestBase {
    bytes32 internal constant DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );
    uint256 internal constant CITY_KEY = 0xC17;
    uint256 internal constant EXCHANGE_KEY = 0xE8C;
    bytes32 internal constant REASON = keccak256("reason");

    PartnershipRegistry internal registry;
    address internal city;
    address internal exchange;

    function setUp() public {
        vm.warp(1_800_000_000);
        registry = new PartnershipRegistry(address(this));
        city = vm.addr(CITY_KEY);
        exchange = vm.addr(EXCHANGE_KEY);
        address[] memory signers = new address[](1);
        signers[0] = city;
        registry.registerOrganisation("City", IPartnershipRegistry.OrganisationKind.City, "", signers);
        signers[0] = exchange;
        registry.registerOrganisation("Exchange", IPartnershipRegistry.OrganisationKind.Exchange, "", signers);
    }

    // --- helpers ---------------------------------------------------------------------------------

    function _propose() private returns (uint256 id) {
        uint32[] memory parties = new uint32[](2);
        parties[0] = 1;
        parties[1] = 2;
        IPartnershipRegistry.CommitmentInput[] memory commitments = new IPartnershipRegistry.CommitmentInput[](1);
        commitments[0] = IPartnershipRegistry.CommitmentInput({
            responsibleParty: 0,
            category: IPartnershipRegistry.CommitmentCategory(0),
            dueDate: uint64(block.timestamp + 30 days),
            descriptionHash: keccak256("commitment"),
            descriptionURI: ""
        });
        vm.prank(city);
        id = registry.propose(
            "MOU",
            parties,
            IPartnershipRegistry.TermsInput({
                documentHash: keccak256("doc"),
                documentURI: "",
                effectiveAt: uint64(block.timestamp),
                expiresAt: 0,
                signingDeadline: uint64(block.timestamp + 1 days),
                noticePeriod: 0,
                commitments: commitments
            })
        );
    }

    function _activate() private returns (uint256 id) {
        id = _propose();
        vm.prank(city);
        registry.sign(id, 1, 0);
        vm.prank(exchange);
        registry.sign(id, 1, 1);
    }

    function _domain() private view returns (bytes32) {
        return
            keccak256(
                abi.encode(
                    DOMAIN_TYPEHASH,
                    keccak256("PartnershipRegistry"),
                    keccak256("1"),
                    block.chainid,
                    address(registry)
                )
            );
    }

    function _signatureInput(
        uint256 id,
        uint256 key,
        uint8 partyIndex
    ) private view returns (IPartnershipRegistry.SignatureInput memory input) {
        input = IPartnershipRegistry.SignatureInput({
            agreementId: id,
            version: 1,
            partyIndex: partyIndex,
            signer: vm.addr(key),
            nonce: 0,
            deadline: block.timestamp + 1 hours,
            signature: ""
        });
        bytes32 structHash = keccak256(
            abi.encode(
                registry.SIGNATURE_TYPEHASH(),
                id,
                uint32(1),
                uint32(partyIndex) + 1,
                input.signer,
                registry.agreementVersion(id, 1).termsHash,
                uint256(0),
                input.deadline
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, keccak256(abi.encodePacked("\x19\x01", _domain(), structHash)));
        input.signature = abi.encodePacked(r, s, v);
    }

    function _terminationSignature(
        uint256 id,
        uint256 key,
        uint8 partyIndex
    ) private view returns (IPartnershipRegistry.TerminationSignature memory item) {
        item = IPartnershipRegistry.TerminationSignature({
            partyIndex: partyIndex,
            signer: vm.addr(key),
            deadline: block.timestamp + 1 hours,
            signature: ""
        });
        bytes32 structHash = keccak256(
            abi.encode(
                registry.TERMINATION_TYPEHASH(),
                id,
                REASON,
                uint32(partyIndex) + 1,
                item.signer,
                uint256(0),
                item.deadline
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, keccak256(abi.encodePacked("\x19\x01", _domain(), structHash)));
        item.signature = abi.encodePacked(r, s, v);
    }

    function _expectUnknownAgreement(uint256 id) private {
        vm.expectRevert(abi.encodeWithSelector(IPartnershipRegistry.PartnershipRegistryUnknownAgreement.selector, id));
    }

    // --- organisations ---------------------------------------------------------------------------

    /// @notice Up to MAX_SIGNERS signers register each as authorised; one more is refused and no
    ///         organisation is created.
    function testFuzz_registerOrganisation_signerListBoundedByMaximum(uint256 count, uint256 seed) external {
        count = bound(count, 0, registry.MAX_SIGNERS() + 8);
        address[] memory signers = new address[](count);
        for (uint256 i = 0; i < count; ++i) signers[i] = address(uint160(uint256(keccak256(abi.encode(seed, i)))) | 1);
        uint32 before = registry.organisationCount();
        if (count > registry.MAX_SIGNERS()) {
            vm.expectRevert(abi.encodeWithSelector(IPartnershipRegistry.PartnershipRegistryBatchSize.selector, count));
            registry.registerOrganisation("Org", IPartnershipRegistry.OrganisationKind.City, "", signers);
            assertEq(registry.organisationCount(), before, "no organisation created");
            return;
        }
        uint32 orgId = registry.registerOrganisation("Org", IPartnershipRegistry.OrganisationKind.City, "", signers);
        assertEq(orgId, before + 1, "next id");
        assertEq(registry.organisation(orgId).signerCount, count, "signer count");
        assertEq(registry.signersOf(orgId).length, count, "signer list");
        for (uint256 i = 0; i < count; ++i) assertTrue(registry.isSigner(orgId, signers[i]), "each signer authorised");
    }

    /// @notice Every organisation-id entry point refuses an id that was never registered and
    ///         leaves the registered ones untouched.
    function testFuzz_orgId_unknownIdRevertsAndChangesNothing(uint32 orgId, address account) external {
        vm.assume(orgId == 0 || orgId > registry.organisationCount());
        vm.assume(account != address(0));
        bytes memory unknown = abi.encodeWithSelector(
            IPartnershipRegistry.PartnershipRegistryUnknownOrganisation.selector,
            orgId
        );
        vm.expectRevert(unknown);
        registry.setSigner(orgId, account, true);
        vm.expectRevert(unknown);
        registry.rotateSigner(orgId, city, account);
        vm.expectRevert(unknown);
        registry.setOrganisationActive(orgId, false);
        assertEq(registry.organisationCount(), 2, "count unchanged");
        assertTrue(registry.isSigner(1, city) && registry.isSigner(2, exchange), "signers unchanged");
        assertTrue(!registry.isSigner(orgId, account), "nothing authorised under the unknown id");
    }

    // --- agreements and commitments --------------------------------------------------------------

    /// @notice Every agreement-id entry point refuses an id that was never proposed.
    function testFuzz_agreementId_unknownIdRevertsEverywhere(uint256 id, uint8 partyIndex, uint256 index) external {
        _activate();
        vm.assume(id == 0 || id > registry.agreementCount());
        IPartnershipRegistry.TermsInput memory terms;
        IPartnershipRegistry.TerminationSignature[] memory none = new IPartnershipRegistry.TerminationSignature[](1);
        vm.startPrank(city);
        _expectUnknownAgreement(id);
        registry.sign(id, 1, partyIndex);
        _expectUnknownAgreement(id);
        registry.withdrawSignature(id, partyIndex);
        _expectUnknownAgreement(id);
        registry.proposeAmendment(id, partyIndex, terms);
        _expectUnknownAgreement(id);
        registry.reportFulfilment(id, index, REASON, "");
        _expectUnknownAgreement(id);
        registry.acknowledgeFulfilment(id, index, partyIndex);
        _expectUnknownAgreement(id);
        registry.disputeFulfilment(id, index, partyIndex, REASON, "");
        _expectUnknownAgreement(id);
        registry.giveTerminationNotice(id, partyIndex, REASON, "");
        _expectUnknownAgreement(id);
        registry.terminateByConsent(id, REASON, none);
        vm.stopPrank();
        assertEq(registry.agreementCount(), 1, "no agreement created");
        assertEq(uint256(registry.agreementStatus(1)), uint256(IPartnershipRegistry.AgreementStatus.Active), "active");
    }

    /// @notice A commitment index past the agreement's commitments is refused by every report
    ///         path, and the real commitment stays open.
    function testFuzz_commitmentIndex_outOfRangeReverts(uint256 index) external {
        uint256 id = _activate();
        index = bound(index, 1, type(uint256).max);
        bytes memory unknown = abi.encodeWithSelector(
            IPartnershipRegistry.PartnershipRegistryUnknownCommitment.selector,
            id,
            index
        );
        vm.prank(city);
        vm.expectRevert(unknown);
        registry.reportFulfilment(id, index, REASON, "");
        vm.prank(exchange);
        vm.expectRevert(unknown);
        registry.acknowledgeFulfilment(id, index, 1);
        vm.prank(exchange);
        vm.expectRevert(unknown);
        registry.disputeFulfilment(id, index, 1, REASON, "");
        assertEq(uint256(registry.commitment(id, 0).status), 0, "commitment still open");
    }

    /// @notice A party index past the agreement's parties is refused when signing and changes no
    ///         signature mask.
    function testFuzz_sign_unknownPartyIndexReverts(uint8 partyIndex) external {
        uint256 id = _propose();
        partyIndex = uint8(bound(partyIndex, 2, type(uint8).max));
        vm.prank(city);
        vm.expectRevert(
            abi.encodeWithSelector(IPartnershipRegistry.PartnershipRegistryUnknownParty.selector, id, partyIndex)
        );
        registry.sign(id, 1, partyIndex);
        assertEq(registry.agreementVersion(id, 1).signedMask, 0, "nothing signed");
    }

    // --- relayed signatures ----------------------------------------------------------------------

    /// @notice Random 65 bytes never pass as the exchange's signature.
    function testFuzz_signWithSignature_randomBytesNeverPass(bytes32 r, bytes32 s, uint8 v) external {
        uint256 id = _propose();
        IPartnershipRegistry.SignatureInput memory input = _signatureInput(id, EXCHANGE_KEY, 1);
        input.signature = abi.encodePacked(r, s, v);
        vm.expectRevert(
            abi.encodeWithSelector(IPartnershipRegistry.PartnershipRegistryInvalidSignature.selector, exchange)
        );
        registry.signWithSignature(input);
        assertEq(registry.agreementVersion(id, 1).signedMask, 0, "nothing signed");
    }

    /// @notice A valid relayed signature with one field changed fails: a later deadline or
    ///         another agreement breaks the digest, another nonce is refused, a flipped byte of
    ///         the signature no longer recovers the signer.
    function testFuzz_signWithSignature_oneTamperedFieldFails(uint8 field, uint256 noise) external {
        uint256 id = _propose();
        uint256 other = _propose();
        IPartnershipRegistry.SignatureInput memory input = _signatureInput(id, EXCHANGE_KEY, 1);
        bytes memory invalid = abi.encodeWithSelector(
            IPartnershipRegistry.PartnershipRegistryInvalidSignature.selector,
            exchange
        );
        field = uint8(field % 4);
        if (field == 0) {
            input.deadline += bound(noise, 1, 1 days);
            vm.expectRevert(invalid);
        } else if (field == 1) {
            input.agreementId = other;
            vm.expectRevert(invalid);
        } else if (field == 2) {
            input.nonce = bound(noise, 1, type(uint256).max);
            vm.expectRevert(
                abi.encodeWithSelector(IPartnershipRegistry.PartnershipRegistryWrongNonce.selector, 0, input.nonce)
            );
        } else {
            uint256 position = noise % 65;
            uint8 mask = uint8(bound(noise >> 8, 1, 255));
            input.signature[position] = bytes1(uint8(input.signature[position]) ^ mask);
            vm.expectRevert(invalid);
        }
        registry.signWithSignature(input);
        assertEq(registry.agreementVersion(id, 1).signedMask, 0, "first agreement unsigned");
        assertEq(registry.agreementVersion(other, 1).signedMask, 0, "second agreement unsigned");
    }

    /// @notice An empty batch or one over MAX_BATCH is refused; within it every signature is
    ///         recorded, and one tampered element anywhere reverts the whole batch.
    function testFuzz_signBatch_boundedAndAtomic(uint256 count, uint256 tamperAt, bool tamper) external {
        uint256 max = registry.MAX_BATCH();
        count = bound(count, 0, max + 4);
        if (count == 0 || count > max) {
            vm.expectRevert(abi.encodeWithSelector(IPartnershipRegistry.PartnershipRegistryBatchSize.selector, count));
            registry.signBatch(new IPartnershipRegistry.SignatureInput[](count));
            return;
        }
        // Up to four agreements, both parties signing each; the batch cycles through them.
        uint256 agreements = (count + 1) / 2;
        if (agreements > 4) agreements = 4;
        count = count > agreements * 2 ? agreements * 2 : count;
        IPartnershipRegistry.SignatureInput[] memory inputs = new IPartnershipRegistry.SignatureInput[](count);
        for (uint256 i = 0; i < count; ++i) {
            uint256 id = i < agreements ? _propose() : inputs[i - agreements].agreementId;
            uint8 partyIndex = i < agreements ? 1 : 0;
            inputs[i] = _signatureInput(id, partyIndex == 0 ? CITY_KEY : EXCHANGE_KEY, partyIndex);
        }
        if (tamper) {
            uint256 k = tamperAt % count;
            inputs[k].deadline += 1;
            vm.expectRevert(
                abi.encodeWithSelector(
                    IPartnershipRegistry.PartnershipRegistryInvalidSignature.selector,
                    inputs[k].signer
                )
            );
            registry.signBatch(inputs);
            for (uint256 i = 0; i < count; ++i) {
                assertEq(registry.agreementVersion(inputs[i].agreementId, 1).signedMask, 0, "nothing recorded");
            }
            return;
        }
        registry.signBatch(inputs);
        for (uint256 i = 0; i < count; ++i) {
            uint256 mask = registry.agreementVersion(inputs[i].agreementId, 1).signedMask;
            assertTrue(mask & (uint256(1) << inputs[i].partyIndex) != 0, "each element recorded");
        }
    }

    // --- consent termination ---------------------------------------------------------------------

    /// @notice One valid consent and one random 65-byte signature never terminate the agreement.
    function testFuzz_terminateByConsent_randomSignatureNeverPasses(bytes32 r, bytes32 s, uint8 v) external {
        uint256 id = _activate();
        IPartnershipRegistry.TerminationSignature[] memory items = new IPartnershipRegistry.TerminationSignature[](2);
        items[0] = _terminationSignature(id, CITY_KEY, 0);
        items[1] = _terminationSignature(id, EXCHANGE_KEY, 1);
        items[1].signature = abi.encodePacked(r, s, v);
        vm.expectRevert(
            abi.encodeWithSelector(IPartnershipRegistry.PartnershipRegistryInvalidSignature.selector, exchange)
        );
        registry.terminateByConsent(id, REASON, items);
        assertEq(uint256(registry.agreementStatus(id)), uint256(IPartnershipRegistry.AgreementStatus.Active), "active");
    }

    /// @notice Consent signed for another reason, or by a random key, is refused; every party's
    ///         genuine consent terminates.
    function testFuzz_terminateByConsent_otherReasonOrKeyFails(bytes32 reason, uint256 key, bool byKey) external {
        uint256 id = _activate();
        IPartnershipRegistry.TerminationSignature[] memory items = new IPartnershipRegistry.TerminationSignature[](2);
        items[0] = _terminationSignature(id, CITY_KEY, 0);
        if (byKey) {
            key = bound(key, 1, 1e70);
            vm.assume(key != EXCHANGE_KEY);
            items[1] = _terminationSignature(id, key, 1);
            items[1].signer = exchange;
        } else {
            items[1] = _terminationSignature(id, EXCHANGE_KEY, 1);
            vm.assume(reason != REASON && reason != bytes32(0));
        }
        vm.expectRevert(
            abi.encodeWithSelector(
                IPartnershipRegistry.PartnershipRegistryInvalidSignature.selector,
                byKey ? exchange : city
            )
        );
        registry.terminateByConsent(id, byKey ? REASON : reason, items);
        assertEq(uint256(registry.agreementStatus(id)), uint256(IPartnershipRegistry.AgreementStatus.Active), "active");

        items[1] = _terminationSignature(id, EXCHANGE_KEY, 1);
        registry.terminateByConsent(id, REASON, items);
        assertEq(
            uint256(registry.agreementStatus(id)),
            uint256(IPartnershipRegistry.AgreementStatus.Terminated),
            "terminated by genuine consent"
        );
    }

    /// @notice More than MAX_BATCH consents are refused before any is checked.
    function testFuzz_terminateByConsent_oversizedArrayReverts(uint256 count) external {
        uint256 id = _activate();
        count = bound(count, registry.MAX_BATCH() + 1, registry.MAX_BATCH() + 40);
        vm.expectRevert(abi.encodeWithSelector(IPartnershipRegistry.PartnershipRegistryBatchSize.selector, count));
        registry.terminateByConsent(id, REASON, new IPartnershipRegistry.TerminationSignature[](count));
        assertEq(uint256(registry.agreementStatus(id)), uint256(IPartnershipRegistry.AgreementStatus.Active), "active");
    }
}
