// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// ERC-20 fixes these event signatures.
// solhint-disable gas-indexed-events

/// @title FalseReturningToken
/// @notice Test-only ERC-20 whose `transfer` and `transferFrom` return false instead of reverting
///         when they fail (as some old tokens do) and can be switched to always fail. SafeERC20 must
///         turn the false into a revert.
contract FalseReturningToken {
    /// @notice Emitted on a successful transfer.
    /// @param from Sender.
    /// @param to Recipient.
    /// @param value Amount.
    event Transfer(address indexed from, address indexed to, uint256 value);

    /// @notice Emitted on approval.
    /// @param owner Owner.
    /// @param spender Spender.
    /// @param value Allowance.
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// @notice Balances.
    mapping(address account => uint256 amount) public balanceOf;
    /// @notice Allowances.
    mapping(address owner => mapping(address spender => uint256 amount)) public allowance;
    /// @notice When true every transfer returns false.
    bool public failing;

    /// @notice Switches failure mode.
    /// @param value New mode.
    function setFailing(bool value) external {
        failing = value;
    }

    /// @notice Mints tokens.
    /// @param to Recipient.
    /// @param amount Amount.
    function mint(address to, uint256 amount) external {
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    /// @notice Sets an allowance.
    /// @param spender Spender.
    /// @param amount Allowance.
    /// @return ok Always true.
    function approve(address spender, uint256 amount) external returns (bool ok) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    /// @notice Transfers, returning false on failure.
    /// @param to Recipient.
    /// @param amount Amount.
    /// @return ok Whether it moved.
    function transfer(address to, uint256 amount) external returns (bool ok) {
        return _move(msg.sender, to, amount);
    }

    /// @notice Transfers from an owner, returning false on failure.
    /// @param from Owner.
    /// @param to Recipient.
    /// @param amount Amount.
    /// @return ok Whether it moved.
    function transferFrom(address from, address to, uint256 amount) external returns (bool ok) {
        if (allowance[from][msg.sender] < amount) return false;
        if (!_move(from, to, amount)) return false;
        allowance[from][msg.sender] -= amount;
        return true;
    }

    function _move(address from, address to, uint256 amount) private returns (bool) {
        if (failing || balanceOf[from] < amount) return false;
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
        return true;
    }
}
