// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title ERC1271Wallet
/// @notice Test-only smart-contract wallet with one owner key: valid signatures are the owner's
///         ECDSA signatures of the hash. It can call any contract, so it can act as an issuer,
///         registrar or party in tests.
contract ERC1271Wallet is IERC1271 {
    /// @notice The wallet was called by someone other than its owner.
    /// @param caller The caller.
    error ERC1271WalletNotOwner(address caller);

    /// @notice The owning key.
    address public immutable OWNER;

    /// @notice Creates the wallet.
    /// @param owner_ The owning key.
    constructor(address owner_) {
        OWNER = owner_;
    }

    /// @notice Accepts ETH.
    receive() external payable {}

    /// @notice Calls `target` with `data` and `value`, bubbling up a revert.
    /// @param target The contract to call.
    /// @param value ETH to send.
    /// @param data Calldata.
    /// @return result The call's return data.
    function execute(address target, uint256 value, bytes calldata data) external returns (bytes memory result) {
        if (msg.sender != OWNER) revert ERC1271WalletNotOwner(msg.sender);
        bool ok;
        // solhint-disable-next-line avoid-low-level-calls
        (ok, result) = target.call{value: value}(data);
        if (!ok) {
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                revert(add(result, 0x20), mload(result))
            }
        }
    }

    /// @inheritdoc IERC1271
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4 magicValue) {
        (address recovered, ECDSA.RecoverError err, ) = ECDSA.tryRecover(hash, signature);
        if (err == ECDSA.RecoverError.NoError && recovered == OWNER) return IERC1271.isValidSignature.selector;
        return 0xffffffff;
    }
}
