// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";

/// @title WrongMagicWallet
/// @notice Test-only malicious ERC-1271 wallet: answers every `isValidSignature` with a chosen
///         value (a wrong magic value, the right one for everything, or a revert) so verifiers can
///         be tested against wallets that lie or fail.
contract WrongMagicWallet is IERC1271 {
    /// @notice The wallet refuses to answer.
    error WrongMagicWalletRefused();

    /// @notice What `isValidSignature` returns.
    bytes4 public answer;
    /// @notice When true `isValidSignature` reverts instead.
    bool public reverts;

    /// @notice Creates the wallet.
    /// @param answer_ The value every `isValidSignature` call returns.
    constructor(bytes4 answer_) {
        answer = answer_;
    }

    /// @notice Changes the behaviour.
    /// @param answer_ New answer.
    /// @param reverts_ Whether to revert instead.
    function configure(bytes4 answer_, bool reverts_) external {
        answer = answer_;
        reverts = reverts_;
    }

    /// @notice Calls `target` with `data` (anyone may drive it in tests).
    /// @param target The contract to call.
    /// @param data Calldata.
    /// @return result Return data.
    function execute(address target, bytes calldata data) external returns (bytes memory result) {
        bool ok;
        // solhint-disable-next-line avoid-low-level-calls
        (ok, result) = target.call(data);
        if (!ok) {
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                revert(add(result, 0x20), mload(result))
            }
        }
    }

    /// @inheritdoc IERC1271
    function isValidSignature(bytes32, bytes calldata) external view returns (bytes4 magicValue) {
        if (reverts) revert WrongMagicWalletRefused();
        return answer;
    }
}
