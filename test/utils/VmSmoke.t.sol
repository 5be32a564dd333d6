// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TestBase} from "./Vm.sol";

/// @notice Checks that the cheatcodes the suite relies on behave as declared in `Vm`.
contract VmSmokeTest is TestBase {
    function test_warp_setsTimestamp() external {
        vm.warp(1_900_000_000);
        assertEq(block.timestamp, 1_900_000_000, "timestamp");
    }

    function test_chainId_setsChainId() external {
        vm.chainId(97);
        assertEq(block.chainid, 97, "chain id");
    }

    function test_deal_setsBalance() external {
        address account = address(0xB05A);
        vm.deal(account, 3 ether);
        assertEq(account.balance, 3 ether, "balance");
    }

    function test_sign_recoversToAddr() external pure {
        uint256 key = 0xA11CE;
        bytes32 digest = keccak256("busan");
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        assertEq(ecrecover(digest, v, r, s), vm.addr(key), "signer");
    }

    function test_prank_setsSender() external {
        Echo echo = new Echo();
        vm.prank(address(0xC17));
        assertEq(echo.sender(), address(0xC17), "sender");
    }

    function testFuzz_bound_staysInRange(uint256 x) external pure {
        uint256 y = bound(x, 10, 20);
        assertGe(y, 10, "lower");
        assertLe(y, 20, "upper");
    }
}

contract Echo {
    function sender() external view returns (address) {
        return msg.sender;
    }
}
