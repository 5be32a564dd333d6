// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AcademyCertificates} from "../../contracts/academy/AcademyCertificates.sol";
import {IAcademyCertificates} from "../../contracts/interfaces/IAcademyCertificates.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Issuer and graduates acting at random: issue, transfer and approval attempts, burns,
///         revocations, suspensions, reissues and consented recoveries. Tracks who should hold
///         each certificate; only a recovery may change it.
contract AcademyCertificatesHandler is TestBase {
    AcademyCertificates public immutable ACADEMY;
    uint64 public courseId;

    uint256 private constant HOLDERS = 6;
    uint256 private constant FIRST_KEY = 0xA11CE;

    uint256[] public tokens;
    mapping(uint256 tokenId => address holder) public expectedHolder;
    mapping(uint256 tokenId => bool gone) public gone;
    bool public forbiddenMoveSucceeded;
    uint256 public recoveries;

    constructor(AcademyCertificates academy_) {
        ACADEMY = academy_;
    }

    function createCourse() external {
        if (courseId != 0) return;
        courseId = ACADEMY.createCourse("ipfs://course", bytes32(0), 0, true);
    }

    function tokenCount() external view returns (uint256) {
        return tokens.length;
    }

    function holderAt(uint256 seed) public pure returns (address) {
        return vm.addr(FIRST_KEY + (seed % HOLDERS));
    }

    function _fields(address holder, uint256 nameSeed) private view returns (IAcademyCertificates.LeafFields memory) {
        return
            IAcademyCertificates.LeafFields({
                courseId: courseId,
                recipient: holder,
                nameCommitment: keccak256(abi.encode(nameSeed)),
                validFrom: uint40(block.timestamp),
                validUntil: 0
            });
    }

    function _pick(uint256 seed) private view returns (bool found, uint256 tokenId) {
        if (tokens.length == 0) return (false, 0);
        tokenId = tokens[seed % tokens.length];
        return (!gone[tokenId], tokenId);
    }

    function issue(uint256 holderSeed, uint256 nameSeed) external {
        address holder = holderAt(holderSeed);
        try ACADEMY.issue(_fields(holder, nameSeed)) returns (uint256 tokenId) {
            tokens.push(tokenId);
            expectedHolder[tokenId] = holder;
        } catch {}
    }

    function transfer(uint256 tokenSeed, uint256 toSeed, bool safe) external {
        (bool found, uint256 tokenId) = _pick(tokenSeed);
        if (!found) return;
        address holder = expectedHolder[tokenId];
        vm.prank(holder);
        if (safe) {
            try ACADEMY.safeTransferFrom(holder, holderAt(toSeed), tokenId) {
                forbiddenMoveSucceeded = true;
            } catch {}
        } else {
            try ACADEMY.transferFrom(holder, holderAt(toSeed), tokenId) {
                forbiddenMoveSucceeded = true;
            } catch {}
        }
    }

    function approve(uint256 tokenSeed, uint256 toSeed) external {
        (bool found, uint256 tokenId) = _pick(tokenSeed);
        if (!found) return;
        vm.prank(expectedHolder[tokenId]);
        try ACADEMY.approve(holderAt(toSeed), tokenId) {
            forbiddenMoveSucceeded = true;
        } catch {}
    }

    function burn(uint256 tokenSeed) external {
        (bool found, uint256 tokenId) = _pick(tokenSeed);
        if (!found) return;
        vm.prank(expectedHolder[tokenId]);
        try ACADEMY.burn(tokenId) {
            gone[tokenId] = true;
        } catch {}
    }

    function revoke(uint256 tokenSeed) external {
        (bool found, uint256 tokenId) = _pick(tokenSeed);
        if (!found) return;
        uint256[] memory ids = new uint256[](1);
        ids[0] = tokenId;
        try ACADEMY.revoke(ids, 1, bytes32(0)) {} catch {}
    }

    function suspend(uint256 tokenSeed, bool suspended) external {
        (bool found, uint256 tokenId) = _pick(tokenSeed);
        if (!found) return;
        try ACADEMY.setSuspended(tokenId, suspended) {} catch {}
    }

    function reissue(uint256 tokenSeed, uint256 nameSeed) external {
        (bool found, uint256 tokenId) = _pick(tokenSeed);
        if (!found) return;
        address holder = expectedHolder[tokenId];
        try ACADEMY.reissue(tokenId, _fields(holder, nameSeed)) returns (uint256 newId) {
            gone[tokenId] = true;
            tokens.push(newId);
            expectedHolder[newId] = holder;
        } catch {}
    }

    function recover(uint256 tokenSeed, uint256 toSeed) external {
        (bool found, uint256 tokenId) = _pick(tokenSeed);
        if (!found) return;
        uint256 key = FIRST_KEY + (toSeed % HOLDERS);
        address newHolder = vm.addr(key);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, ACADEMY.recoveryDigest(tokenId, newHolder, deadline));
        try ACADEMY.recover(tokenId, newHolder, deadline, abi.encodePacked(r, s, v)) {
            expectedHolder[tokenId] = newHolder;
            ++recoveries;
        } catch {}
    }
}

/// @notice No certificate ever changes holder except through a consented recovery.
contract AcademyCertificatesInvariantTest is TestBase {
    AcademyCertificates private academy;
    AcademyCertificatesHandler private handler;

    function setUp() external {
        vm.warp(1_800_000_000);
        academy = new AcademyCertificates(address(this));
        handler = new AcademyCertificatesHandler(academy);
        academy.registerIssuer(address(handler), "Busan Blockchain Academy", "");
        handler.createCourse();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function test_handler_recoveryMovesAndTransferDoesNot() external {
        handler.issue(0, 1);
        uint256 tokenId = handler.tokens(0);
        handler.transfer(0, 1, false);
        handler.transfer(0, 1, true);
        handler.approve(0, 1);
        assertEq(academy.ownerOf(tokenId), handler.holderAt(0), "moved without recovery");
        assertTrue(!handler.forbiddenMoveSucceeded(), "a transfer or approval succeeded");
        handler.recover(0, 1);
        assertEq(handler.recoveries(), 1, "recovery did not happen");
        assertEq(academy.ownerOf(tokenId), handler.holderAt(1), "recovery did not move the certificate");
    }

    function invariant_holderChangesOnlyThroughRecovery() external view {
        uint256 count = handler.tokenCount();
        for (uint256 i = 0; i < count; ++i) {
            uint256 tokenId = handler.tokens(i);
            if (handler.gone(tokenId)) {
                assertEq(academy.certificateState(tokenId).holder, address(0), "gone token has a holder");
            } else {
                assertEq(academy.ownerOf(tokenId), handler.expectedHolder(tokenId), "holder changed");
            }
        }
    }

    function invariant_noTransferOrApprovalSucceeds() external view {
        assertTrue(!handler.forbiddenMoveSucceeded(), "a transfer or approval succeeded");
    }

    function invariant_oneLiveCertificatePerHolderAndCourse() external view {
        for (uint256 i = 0; i < 6; ++i) {
            assertLe(academy.balanceOf(handler.holderAt(i)), 1, "more than one certificate");
        }
    }
}
