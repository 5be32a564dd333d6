// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";

/// @title SecurityGasGriefer
/// @notice Test-only contract wallet that burns all the gas it is given when it receives ETH (the
///         INVALID opcode consumes the whole call's gas), standing in for a seller, payee or donor
///         that tries to make a payer's transaction fail or cost a fortune. It accepts ERC-721s and
///         relays calls so it can hold and list tickets.
contract SecurityGasGriefer is IERC721Receiver {
    /// @notice Receiving ETH consumes every unit of gas forwarded.
    receive() external payable {
        // solhint-disable-next-line no-inline-assembly
        assembly {
            invalid()
        }
    }

    /// @notice Calls `target` with `data` and `value`, bubbling up a revert.
    /// @param target The contract called.
    /// @param data The calldata.
    /// @return result The returned bytes.
    function execute(address target, bytes calldata data) external payable returns (bytes memory result) {
        bool ok;
        // solhint-disable-next-line avoid-low-level-calls
        (ok, result) = target.call{value: msg.value}(data);
        if (!ok) {
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                revert(add(result, 0x20), mload(result))
            }
        }
    }

    /// @inheritdoc IERC721Receiver
    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return IERC721Receiver.onERC721Received.selector;
    }
}
