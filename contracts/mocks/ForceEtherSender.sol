// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ForceEtherSender
/// @notice Test-only contract that forces ETH into any address with `selfdestruct` at
///         construction (which still transfers the balance after EIP-6780), bypassing `receive`.
contract ForceEtherSender {
    /// @notice Sends all of `msg.value` to `target` without calling it.
    /// @param target The address to force ETH into.
    constructor(address payable target) payable {
        // solhint-disable-next-line avoid-suicide
        selfdestruct(target);
    }
}
