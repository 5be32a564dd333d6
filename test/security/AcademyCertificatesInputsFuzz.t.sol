// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AcademyCertificates} from "../../contracts/academy/AcademyCertificates.sol";
import {IAcademyCertificates} from "../../contracts/interfaces/IAcademyCertificates.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Fuzz tests of the academy's id, array and signature inputs: unknown issuers, courses
///         and certificates are refused by name and change nothing; revocation batches are bounded
///         and act per certificate; random, foreign or tampered consents never claim or recover.
contract AcademyCertificatesInputsFuzzTest is TestBase {
    uint256 internal constant GRADUATE_KEY = 0x6AD;
    uint256 internal constant NEW_WALLET_KEY = 0x9E3;
    uint40 internal constant MAX_VALIDITY = 3650 days;

    AcademyCertificates internal academy;
    uint64 internal courseId;
    address internal graduate;
    address internal newWallet;

    function setUp() public {
        vm.warp(1_800_000_000);
        academy = new AcademyCertificates(address(this));
        academy.registerIssuer(address(this), "Busan Blockchain Academy", "");
        courseId = academy.createCourse("ipfs://course", bytes32(0), MAX_VALIDITY, true);
        graduate = vm.addr(GRADUATE_KEY);
        newWallet = vm.addr(NEW_WALLET_KEY);
    }

    function _fields(
        address recipient,
        uint256 nameSeed
    ) private view returns (IAcademyCertificates.LeafFields memory) {
        return
            IAcademyCertificates.LeafFields({
                courseId: courseId,
                recipient: recipient,
                nameCommitment: keccak256(abi.encode(nameSeed)),
                validFrom: uint40(block.timestamp),
                validUntil: uint40(block.timestamp + 365 days)
            });
    }

    function _tokenIdOf(IAcademyCertificates.LeafFields memory fields) private view returns (uint256) {
        return (uint256(academy.leafOf(fields)) & ~uint256(type(uint64).max)) | uint256(fields.courseId);
    }

    function _sign(uint256 key, bytes32 digest) private pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }

    /// @dev A one-leaf cohort: the root is the leaf and the proof is empty.
    function _anchorOneLeaf(IAcademyCertificates.LeafFields memory fields) private returns (bytes32 root) {
        root = academy.leafOf(fields);
        academy.anchorCohort(root, courseId, 1);
    }

    // --- issuers ---------------------------------------------------------------------------------

    /// @notice Suspending or retiring an issuer id that was never registered is refused.
    function testFuzz_issuerId_unknownIdReverts(uint32 issuerId, bool suspended, uint40 retiredAt) external {
        vm.assume(issuerId == 0 || issuerId > academy.issuerCount());
        bytes memory unknown = abi.encodeWithSelector(
            IAcademyCertificates.AcademyCertificatesUnknownIssuer.selector,
            issuerId
        );
        vm.expectRevert(unknown);
        academy.setIssuerSuspended(issuerId, suspended);
        vm.expectRevert(unknown);
        academy.retireIssuer(issuerId, retiredAt);
        assertEq(academy.issuerCount(), 1, "issuer count unchanged");
        assertEq(academy.issuer(1).retiredAt, 0, "registered issuer still active");
    }

    /// @notice A retirement time before registration or in the future is refused; any time in
    ///         between is stored exactly.
    function testFuzz_retireIssuer_timeWithinRegistrationAndNow(uint40 retiredAt, uint256 elapsed) external {
        uint40 registeredAt = academy.issuer(1).registeredAt;
        vm.warp(block.timestamp + bound(elapsed, 0, 3650 days));
        if (retiredAt < registeredAt || retiredAt > block.timestamp) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IAcademyCertificates.AcademyCertificatesInvalidRetirementTime.selector,
                    1,
                    retiredAt
                )
            );
            academy.retireIssuer(1, retiredAt);
            assertEq(academy.issuer(1).retiredAt, 0, "still active");
            return;
        }
        academy.retireIssuer(1, retiredAt);
        assertEq(academy.issuer(1).retiredAt, retiredAt, "retirement time stored");
    }

    // --- courses and certificates ----------------------------------------------------------------

    /// @notice Every course-scoped entry point refuses a course that was never created (course 0,
    ///         which revoke lets through, has its own test below).
    function testFuzz_courseId_unknownIdRevertsEverywhere(uint64 unknownCourse, uint256 high) external {
        vm.assume(unknownCourse > academy.courseCount());
        uint256 tokenId = (high << 64) | unknownCourse;
        IAcademyCertificates.LeafFields memory fields = _fields(graduate, 1);
        fields.courseId = unknownCourse;
        bytes memory unknown = abi.encodeWithSelector(
            IAcademyCertificates.AcademyCertificatesUnknownCourse.selector,
            unknownCourse
        );
        uint256[] memory ids = new uint256[](1);
        ids[0] = tokenId;
        vm.expectRevert(unknown);
        academy.issue(fields);
        vm.expectRevert(unknown);
        academy.anchorCohort(keccak256("root"), unknownCourse, 1);
        vm.expectRevert(unknown);
        academy.revoke(ids, 1, bytes32(0));
        vm.expectRevert(unknown);
        academy.setSuspended(tokenId, true);
        vm.expectRevert(unknown);
        academy.reissue(tokenId, fields);
        vm.expectRevert(unknown);
        academy.recover(tokenId, newWallet, block.timestamp, "");
        assertEq(academy.balanceOf(graduate), 0, "nothing issued");
        (uint64 anchoredCourse, ) = academy.cohort(keccak256("root"));
        assertEq(anchoredCourse, 0, "nothing anchored");
    }

    /// @notice Course 0 never exists, so a token id whose low 64 bits are zero names no
    ///         certificate; revoking it must be refused for every caller like any unknown course.
    ///         Fails today: `revoke` starts its per-course check cache at course 0, so a batch
    ///         whose ids belong to course 0 skips `_requireCourseIssuer` entirely; any account,
    ///         with no role, marks the id revoked, `verifyCertificate` turns from NotFound to
    ///         Revoked, and a `CertificateRevoked(tokenId, 0, …)` event is emitted.
    function testFuzz_revoke_courseZeroIdRefusedForAnyCaller(address caller, uint256 high) external {
        uint256 tokenId = high << 64;
        uint256[] memory ids = new uint256[](1);
        ids[0] = tokenId;
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(IAcademyCertificates.AcademyCertificatesUnknownCourse.selector, 0));
        academy.revoke(ids, 1, bytes32(0));
        assertEq(
            uint256(academy.verifyCertificate(tokenId)),
            uint256(IAcademyCertificates.Status.NotFound),
            "an id of no course stays NotFound"
        );
    }

    /// @notice A token id of a real course that was never issued is refused by suspension,
    ///         reissue, recovery and burn, and the live certificate is untouched.
    function testFuzz_tokenId_unissuedCertificateReverts(uint256 high, address caller) external {
        uint256 live = academy.issue(_fields(graduate, 1));
        uint256 tokenId = (high << 64) | courseId;
        vm.assume(tokenId != live && caller != address(0));
        bytes memory unknown = abi.encodeWithSelector(
            IAcademyCertificates.AcademyCertificatesUnknownCertificate.selector,
            tokenId
        );
        vm.expectRevert(unknown);
        academy.setSuspended(tokenId, true);
        vm.expectRevert(unknown);
        academy.reissue(tokenId, _fields(newWallet, 2));
        vm.expectRevert(unknown);
        academy.recover(tokenId, newWallet, block.timestamp, "");
        vm.prank(caller);
        vm.expectRevert(
            abi.encodeWithSelector(IAcademyCertificates.AcademyCertificatesNotHolder.selector, tokenId, caller)
        );
        academy.burn(tokenId);
        assertEq(academy.ownerOf(live), graduate, "live certificate untouched");
        assertEq(uint256(academy.verifyCertificate(live)), uint256(IAcademyCertificates.Status.Valid), "valid");
    }

    /// @notice Any validity period is either stored and verifies, or is refused as empty or as
    ///         longer than the course allows.
    function testFuzz_issue_validityWithinCourseMaximum(uint40 validFrom, uint40 validUntil) external {
        IAcademyCertificates.LeafFields memory fields = _fields(graduate, 1);
        fields.validFrom = validFrom;
        fields.validUntil = validUntil;
        if (validUntil != 0 && validUntil <= validFrom) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IAcademyCertificates.AcademyCertificatesInvalidValidity.selector,
                    validFrom,
                    validUntil
                )
            );
        } else if (validUntil == 0 || validUntil - validFrom > MAX_VALIDITY) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IAcademyCertificates.AcademyCertificatesValidityTooLong.selector,
                    courseId,
                    validFrom,
                    validUntil,
                    MAX_VALIDITY
                )
            );
        } else {
            uint256 tokenId = academy.issue(fields);
            assertEq(tokenId, _tokenIdOf(fields), "token id derived from the leaf");
            assertEq(academy.ownerOf(tokenId), graduate, "issued to the recipient");
            IAcademyCertificates.CertificateState memory state = academy.certificateState(tokenId);
            assertEq(state.validFrom, validFrom, "valid from");
            assertEq(state.validUntil, validUntil, "valid until");
            return;
        }
        academy.issue(fields);
        assertEq(academy.balanceOf(graduate), 0, "nothing issued");
    }

    /// @notice A zero root or an empty cohort is refused; any other root anchors once.
    function testFuzz_anchorCohort_rootAndSizeValidated(bytes32 root, uint32 graduates) external {
        if (root == bytes32(0)) {
            vm.expectRevert(IAcademyCertificates.AcademyCertificatesZeroRoot.selector);
        } else if (graduates == 0) {
            vm.expectRevert(IAcademyCertificates.AcademyCertificatesEmptyCohort.selector);
        } else {
            academy.anchorCohort(root, courseId, graduates);
            (uint64 anchoredCourse, uint40 anchoredAt) = academy.cohort(root);
            assertEq(anchoredCourse, courseId, "anchored to the course");
            assertEq(anchoredAt, block.timestamp, "anchored now");
            vm.expectRevert(
                abi.encodeWithSelector(IAcademyCertificates.AcademyCertificatesCohortAlreadyAnchored.selector, root)
            );
            academy.anchorCohort(root, courseId, graduates);
            return;
        }
        academy.anchorCohort(root, courseId, graduates);
        (uint64 none, ) = academy.cohort(root);
        assertEq(none, 0, "nothing anchored");
    }

    // --- revocation batches ----------------------------------------------------------------------

    /// @notice An empty or over-MAX_BATCH list is refused; within it every listed certificate is
    ///         revoked and no other; a repeated id reverts the whole batch.
    function testFuzz_revoke_batchBoundedAndPerElement(uint256 count, uint256 repeatAt, bool repeat) external {
        uint256 max = academy.MAX_BATCH();
        if (count % 5 == 0) {
            count = bound(count, max + 1, max + 40);
            vm.expectRevert(
                abi.encodeWithSelector(IAcademyCertificates.AcademyCertificatesInvalidBatchSize.selector, count, max)
            );
            academy.revoke(new uint256[](count), 1, bytes32(0));
            return;
        }
        count = bound(count, 0, 8);
        uint256[] memory issued = new uint256[](count + 1);
        for (uint256 i = 0; i <= count; ++i) {
            issued[i] = academy.issue(_fields(address(uint160(0xA000 + i)), i));
        }
        uint256[] memory ids = new uint256[](count);
        for (uint256 i = 0; i < count; ++i) ids[i] = issued[i];
        repeat = repeat && count >= 2;
        if (repeat) ids[1 + (repeatAt % (count - 1))] = ids[0];
        if (count == 0) {
            vm.expectRevert(
                abi.encodeWithSelector(IAcademyCertificates.AcademyCertificatesInvalidBatchSize.selector, 0, max)
            );
        } else if (repeat) {
            vm.expectRevert(
                abi.encodeWithSelector(IAcademyCertificates.AcademyCertificatesAlreadyRevoked.selector, ids[0])
            );
        } else {
            academy.revoke(ids, 1, bytes32(0));
            for (uint256 i = 0; i <= count; ++i) {
                IAcademyCertificates.Status expected =
                    i < count ? IAcademyCertificates.Status.Revoked : IAcademyCertificates.Status.Valid;
                assertEq(
                    uint256(academy.verifyCertificate(issued[i])),
                    uint256(expected),
                    "revoked exactly the listed"
                );
            }
            return;
        }
        academy.revoke(ids, 1, bytes32(0));
        for (uint256 i = 0; i <= count; ++i) {
            assertEq(
                uint256(academy.verifyCertificate(issued[i])),
                uint256(IAcademyCertificates.Status.Valid),
                "nothing revoked"
            );
        }
    }

    // --- claim consent ---------------------------------------------------------------------------

    /// @notice Random 65 bytes never pass as the graduate's claim consent; nothing is minted and
    ///         the graduate's nonce does not move.
    function testFuzz_claimWithConsent_randomBytesNeverPass(bytes32 r, bytes32 s, uint8 v) external {
        IAcademyCertificates.LeafFields memory fields = _fields(graduate, 1);
        bytes32 root = _anchorOneLeaf(fields);
        uint256 deadline = block.timestamp + 1 hours;
        vm.expectRevert(
            abi.encodeWithSelector(IAcademyCertificates.AcademyCertificatesInvalidConsent.selector, graduate)
        );
        academy.claimWithConsent(root, fields, new bytes32[](0), deadline, abi.encodePacked(r, s, v));
        assertEq(academy.balanceOf(graduate), 0, "nothing minted");
        assertEq(academy.nonces(graduate), 0, "nonce unchanged");
    }

    /// @notice A valid claim consent fails once any one thing changes: the deadline, the signing
    ///         key, the name commitment, or one byte of the signature; the genuine consent then
    ///         claims exactly the graduate's certificate.
    function testFuzz_claimWithConsent_oneTamperedFieldFails(uint8 field, uint256 noise) external {
        IAcademyCertificates.LeafFields memory fields = _fields(graduate, 1);
        bytes32 root = _anchorOneLeaf(fields);
        uint256 tokenId = _tokenIdOf(fields);
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory consent = _sign(GRADUATE_KEY, academy.claimDigest(tokenId, graduate, deadline));

        IAcademyCertificates.LeafFields memory used = fields;
        uint256 usedDeadline = deadline;
        bytes memory usedConsent = consent;
        field = uint8(field % 4);
        if (field == 0) {
            usedDeadline = deadline + bound(noise, 1, 1 days);
        } else if (field == 1) {
            uint256 key = bound(noise, 1, 1e70);
            vm.assume(key != GRADUATE_KEY);
            usedConsent = _sign(key, academy.claimDigest(tokenId, graduate, deadline));
        } else if (field == 2) {
            used = _fields(graduate, 1);
            used.nameCommitment = bytes32(noise);
            vm.assume(used.nameCommitment != fields.nameCommitment);
        } else {
            usedConsent = abi.encodePacked(consent);
            uint256 position = noise % 65;
            usedConsent[position] = bytes1(uint8(usedConsent[position]) ^ uint8(bound(noise >> 8, 1, 255)));
        }
        vm.expectRevert(
            abi.encodeWithSelector(IAcademyCertificates.AcademyCertificatesInvalidConsent.selector, graduate)
        );
        academy.claimWithConsent(root, used, new bytes32[](0), usedDeadline, usedConsent);
        assertEq(academy.balanceOf(graduate), 0, "nothing minted");

        assertEq(academy.claimWithConsent(root, fields, new bytes32[](0), deadline, consent), tokenId, "claimed");
        assertEq(academy.ownerOf(tokenId), graduate, "held by the graduate");
    }

    // --- recovery consent ------------------------------------------------------------------------

    /// @notice A recovery with random 65 bytes, a consent by another key, or a valid consent with a
    ///         later deadline never moves the certificate.
    function testFuzz_recover_randomOrForeignConsentNeverMoves(
        bytes32 r,
        bytes32 s,
        uint8 v,
        uint256 key,
        uint8 mode
    ) external {
        uint256 tokenId = academy.issue(_fields(graduate, 1));
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory signature;
        uint256 usedDeadline = deadline;
        mode = uint8(mode % 3);
        if (mode == 0) {
            signature = abi.encodePacked(r, s, v);
        } else if (mode == 1) {
            key = bound(key, 1, 1e70);
            vm.assume(key != NEW_WALLET_KEY);
            signature = _sign(key, academy.recoveryDigest(tokenId, newWallet, deadline));
        } else {
            signature = _sign(NEW_WALLET_KEY, academy.recoveryDigest(tokenId, newWallet, deadline));
            usedDeadline = deadline + bound(key, 1, 1 days);
        }
        vm.expectRevert(
            abi.encodeWithSelector(IAcademyCertificates.AcademyCertificatesInvalidConsent.selector, newWallet)
        );
        academy.recover(tokenId, newWallet, usedDeadline, signature);
        assertEq(academy.ownerOf(tokenId), graduate, "holder unchanged");
        assertEq(academy.nonces(newWallet), 0, "nonce unchanged");

        academy.recover(
            tokenId,
            newWallet,
            deadline,
            _sign(NEW_WALLET_KEY, academy.recoveryDigest(tokenId, newWallet, deadline))
        );
        assertEq(academy.ownerOf(tokenId), newWallet, "moved by the genuine consent");
    }
}
