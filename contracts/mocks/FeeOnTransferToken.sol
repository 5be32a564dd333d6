// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title FeeOnTransferToken
/// @notice Test-only token that burns a fee (in basis points) on every transfer, so the recipient
///         receives less than the amount sent. Contracts must credit what actually arrived.
contract FeeOnTransferToken is ERC20 {
    uint256 private constant _BPS = 10_000;
    uint256 private immutable _FEE_BPS;

    /// @notice Creates the token.
    /// @param feeBps Fee burned on each transfer, in basis points (100 = 1%).
    constructor(uint256 feeBps) ERC20("Fee Token", "FEE") {
        _FEE_BPS = feeBps;
    }

    /// @notice Mints `amount` to `to`; anyone may mint in tests.
    /// @param to Recipient.
    /// @param amount Amount in base units.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @dev Burns the fee from every transfer between two non-zero addresses.
    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) {
            super._update(from, to, value);
            return;
        }
        uint256 fee = (value * _FEE_BPS) / _BPS;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}
