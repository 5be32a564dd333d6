// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";

import {AcademyCertificates} from "../../contracts/academy/AcademyCertificates.sol";
import {IAcademyCertificates} from "../../contracts/interfaces/IAcademyCertificates.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Fuzzes cohort claims and verification: any leaf of an anchored four-leaf cohort can be
///         claimed exactly once by its recipient and verifies by its status; any tampered field
///         is rejected.
contract AcademyCertificatesFuzzTest is TestBase {
    AcademyCertificates private academy;
    uint64 private courseId;

    uint256 private constant COHORT_SIZE = 4;
    uint40 private constant MAX_VALIDITY = 3650 days;

    function setUp() external {
        vm.warp(1_800_000_000);
        academy = new AcademyCertificates(address(this));
        academy.registerIssuer(address(this), "Busan Blockchain Academy", "");
        courseId = academy.createCourse("ipfs://course", bytes32(0), MAX_VALIDITY, true);
    }

    function _cohort(
        uint256 seed,
        uint40 validFrom,
        uint40 validUntil
    ) private view returns (IAcademyCertificates.LeafFields[4] memory fields, bytes32[4] memory leaves) {
        for (uint256 i = 0; i < COHORT_SIZE; ++i) {
            address recipient = address(uint160(uint256(keccak256(abi.encode(seed, i))) | 1));
            fields[i] = IAcademyCertificates.LeafFields({
                courseId: courseId,
                recipient: recipient,
                nameCommitment: keccak256(abi.encode("name", seed, i)),
                validFrom: validFrom,
                validUntil: validUntil
            });
            leaves[i] = academy.leafOf(fields[i]);
        }
    }

    function _proof(bytes32[4] memory leaves, uint256 index) private pure returns (bytes32[] memory proof) {
        proof = new bytes32[](2);
        proof[0] = leaves[index ^ 1];
        uint256 otherPair = index < 2 ? 2 : 0;
        proof[1] = Hashes.commutativeKeccak256(leaves[otherPair], leaves[otherPair + 1]);
    }

    function testFuzz_claim_verify(uint256 seed, uint256 indexSeed, uint256 startSeed, uint256 lengthSeed) external {
        uint40 validFrom = uint40(bound(startSeed, block.timestamp - 365 days, block.timestamp + 365 days));
        uint40 validUntil = validFrom + uint40(bound(lengthSeed, 1, MAX_VALIDITY));
        (IAcademyCertificates.LeafFields[4] memory fields, bytes32[4] memory leaves) = _cohort(
            seed,
            validFrom,
            validUntil
        );
        bytes32 root = Hashes.commutativeKeccak256(
            Hashes.commutativeKeccak256(leaves[0], leaves[1]),
            Hashes.commutativeKeccak256(leaves[2], leaves[3])
        );
        academy.anchorCohort(root, courseId, uint32(COHORT_SIZE));
        uint256 index = bound(indexSeed, 0, COHORT_SIZE - 1);
        bytes32[] memory proof = _proof(leaves, index);
        IAcademyCertificates.LeafFields memory leaf = fields[index];

        // A tampered field never verifies nor claims.
        IAcademyCertificates.LeafFields memory tampered = IAcademyCertificates.LeafFields({
            courseId: leaf.courseId,
            recipient: leaf.recipient,
            nameCommitment: keccak256(abi.encode(leaf.nameCommitment)),
            validFrom: leaf.validFrom,
            validUntil: leaf.validUntil
        });
        assertTrue(
            academy.verifyLeaf(root, tampered, proof) == IAcademyCertificates.Status.NotFound,
            "tampered leaf verifies"
        );
        vm.prank(tampered.recipient);
        vm.expectRevert();
        academy.claim(root, tampered, proof);

        IAcademyCertificates.Status expected =
            block.timestamp < validFrom
                ? IAcademyCertificates.Status.NotYetValid
                : (
                    block.timestamp >= validUntil
                        ? IAcademyCertificates.Status.Expired
                        : IAcademyCertificates.Status.Valid
                );
        assertEq(uint256(academy.verifyLeaf(root, leaf, proof)), uint256(expected), "leaf status before claim");

        vm.prank(leaf.recipient);
        uint256 tokenId = academy.claim(root, leaf, proof);
        assertEq(tokenId, academy.tokenIdOf(leaves[index], courseId), "token id");
        assertEq(academy.ownerOf(tokenId), leaf.recipient, "holder");
        assertEq(uint256(academy.verifyCertificate(tokenId)), uint256(expected), "token status");
        assertTrue(
            academy.hasValidCertificate(leaf.recipient, courseId) == (expected == IAcademyCertificates.Status.Valid),
            "hasValidCertificate"
        );

        vm.prank(leaf.recipient);
        vm.expectRevert(
            abi.encodeWithSelector(IAcademyCertificates.AcademyCertificatesAlreadyIssued.selector, tokenId)
        );
        academy.claim(root, leaf, proof);
    }
}
