// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// The event signatures are fixed by the standard, which does not index tokenId.
// solhint-disable gas-indexed-events

/// @title ERC-5192: Minimal Soulbound NFTs
/// @notice A token that is locked cannot be transferred. See https://eips.ethereum.org/EIPS/eip-5192.
/// @dev The ERC-165 identifier of this interface is 0xb45a3c0e.
interface IERC5192 {
    /// @notice Emitted when the locking status is changed to locked.
    /// @param tokenId The identifier of the token.
    event Locked(uint256 tokenId);

    /// @notice Emitted when the locking status is changed to unlocked.
    /// @param tokenId The identifier of the token.
    event Unlocked(uint256 tokenId);

    /// @notice Returns the locking status of a token; reverts for a token that does not exist.
    /// @param tokenId The identifier of the token.
    /// @return isLocked Whether the token is locked (cannot be transferred).
    function locked(uint256 tokenId) external view returns (bool isLocked);
}
