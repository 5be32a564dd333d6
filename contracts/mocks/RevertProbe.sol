// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title RevertProbe
/// @notice Test-only contract that fails in each way a contract can (custom error, revert string,
///         panic, empty revert) and emits events, so the SDK's revert decoding and log paging can
///         be tested against a real node. Never deployed outside tests.
contract RevertProbe {
    /// @notice A custom error carrying values, as the suite's contracts use.
    /// @param id A number.
    /// @param who An address.
    error RevertProbeFailed(uint256 id, address who);

    /// @notice Emitted by `ping`.
    /// @param index A running number.
    event Pinged(uint256 indexed index);

    uint256 private _pings;

    /// @notice Reverts with `RevertProbeFailed(id, msg.sender)`.
    /// @param id Echoed in the error.
    function failCustom(uint256 id) external view {
        revert RevertProbeFailed(id, msg.sender);
    }

    /// @notice Reverts with a plain reason string (the built-in `Error(string)`).
    function failString() external pure {
        // solhint-disable-next-line gas-custom-errors
        revert("probe failed");
    }

    /// @notice Divides by `divisor`, so zero panics with code 0x12.
    /// @param divisor The divisor.
    /// @return quotient 100 / divisor.
    function failPanic(uint256 divisor) external pure returns (uint256 quotient) {
        return 100 / divisor;
    }

    /// @notice Emits `Pinged` with the next index.
    function ping() external {
        uint256 index = _pings;
        _pings = index + 1;
        emit Pinged(index);
    }
}
