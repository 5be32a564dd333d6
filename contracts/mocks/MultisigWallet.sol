// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title MultisigWallet
/// @notice Test-only minimal threshold multisig in the style of a Safe: a signature is the
///         concatenation of 65-byte ECDSA signatures by distinct owners in ascending address order;
///         it is valid when at least `threshold` owners signed the hash. It also executes calls
///         approved the same way, so it can hold roles.
contract MultisigWallet is IERC1271 {
    /// @notice Not enough valid owner signatures.
    /// @param valid Valid signatures counted.
    /// @param threshold Required.
    error MultisigWalletNotEnoughSignatures(uint256 valid, uint256 threshold);

    /// @notice Emitted after an approved call.
    /// @param target Called contract.
    /// @param nonce The wallet nonce used.
    event MultisigWalletExecuted(address indexed target, uint256 indexed nonce);

    /// @notice Owners' membership.
    mapping(address account => bool isOwner) public isOwner;
    /// @notice Signatures required.
    uint256 public immutable THRESHOLD;
    /// @notice Nonce of the next executed call.
    uint256 public nonce;

    /// @notice Creates the wallet.
    /// @param owners Owner keys.
    /// @param threshold_ Signatures required.
    constructor(address[] memory owners, uint256 threshold_) {
        for (uint256 i = 0; i < owners.length; ++i) isOwner[owners[i]] = true;
        THRESHOLD = threshold_;
    }

    /// @notice Accepts ETH.
    receive() external payable {}

    /// @notice The hash owners sign to approve a call.
    /// @param target The contract to call.
    /// @param value ETH to send.
    /// @param data Calldata.
    /// @param callNonce The wallet nonce.
    /// @return digest The hash to sign (raw, not EIP-191 prefixed).
    function callHash(
        address target,
        uint256 value,
        bytes calldata data,
        uint256 callNonce
    ) public view returns (bytes32 digest) {
        return keccak256(abi.encode(block.chainid, address(this), target, value, keccak256(data), callNonce));
    }

    /// @notice Executes a call approved by `threshold` owners.
    /// @param target The contract to call.
    /// @param value ETH to send.
    /// @param data Calldata.
    /// @param signatures Owner signatures of `callHash`.
    /// @return result Return data.
    function execute(
        address target,
        uint256 value,
        bytes calldata data,
        bytes calldata signatures
    ) external returns (bytes memory result) {
        uint256 used = nonce;
        bytes32 digest = callHash(target, value, data, used);
        uint256 valid = _countValid(digest, signatures);
        if (valid < THRESHOLD) revert MultisigWalletNotEnoughSignatures(valid, THRESHOLD);
        nonce = used + 1;
        bool ok;
        // solhint-disable-next-line avoid-low-level-calls
        (ok, result) = target.call{value: value}(data);
        if (!ok) {
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                revert(add(result, 0x20), mload(result))
            }
        }
        emit MultisigWalletExecuted(target, used);
    }

    /// @inheritdoc IERC1271
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4 magicValue) {
        if (_countValid(hash, signature) >= THRESHOLD) return IERC1271.isValidSignature.selector;
        return 0xffffffff;
    }

    /// @dev Counts signatures by distinct owners, in strictly ascending signer order.
    function _countValid(bytes32 hash, bytes calldata signatures) private view returns (uint256 valid) {
        if (signatures.length % 65 != 0) return 0;
        address last = address(0);
        for (uint256 offset = 0; offset < signatures.length; offset += 65) {
            (address signer, ECDSA.RecoverError err, ) = ECDSA.tryRecover(hash, signatures[offset:offset + 65]);
            if (err != ECDSA.RecoverError.NoError || signer <= last || !isOwner[signer]) return 0;
            last = signer;
            ++valid;
        }
    }
}
