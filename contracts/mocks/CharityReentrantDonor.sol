// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICharityVault} from "../interfaces/ICharityVault.sol";

// The attack lives in `receive`: that is the code the vault runs when it pays.
// solhint-disable no-complex-fallback

/// @title CharityReentrantDonor
/// @notice Test-only donor and beneficiary contract that, when the vault pays it, calls the vault
///         again (refund or withdraw) to try to be paid twice, or refuses the payment. It records
///         the outcome of the re-entry instead of failing, so tests can see the guard's error.
contract CharityReentrantDonor {
    /// @notice What to do when the vault pays this contract.
    enum Attack {
        None,
        Refund,
        Withdraw,
        Reject
    }

    /// @notice The payment was refused (Attack.Reject).
    error CharityReentrantDonorRejected();

    /// @notice The vault under attack.
    ICharityVault public immutable VAULT;
    /// @notice The current attack.
    Attack public attack;
    /// @notice The campaign the refund attack targets.
    uint256 public campaignId;
    /// @notice How many times a re-entry was tried.
    uint256 public reentryAttempts;
    /// @notice Whether any re-entry succeeded.
    bool public reentrySucceeded;
    /// @notice The revert data of the last failed re-entry.
    bytes public lastReentryError;

    /// @notice Creates the attacker.
    /// @param vault The vault to attack.
    constructor(ICharityVault vault) {
        VAULT = vault;
    }

    /// @notice Chooses the attack.
    /// @param attack_ The attack.
    /// @param campaignId_ The campaign the refund attack targets.
    function setAttack(Attack attack_, uint256 campaignId_) external {
        attack = attack_;
        campaignId = campaignId_;
    }

    /// @notice Donates all of `msg.value` to a native-coin campaign for itself.
    /// @param campaignId_ The campaign.
    function donate(uint256 campaignId_) external payable {
        VAULT.donate{value: msg.value}(campaignId_, msg.value, address(this));
    }

    /// @notice Claims its refund.
    /// @param campaignId_ The campaign.
    function refund(uint256 campaignId_) external {
        VAULT.refund(campaignId_);
    }

    /// @notice Withdraws what it is owed as a beneficiary.
    /// @param token The currency.
    function withdraw(address token) external {
        VAULT.withdraw(token);
    }

    /// @notice Re-enters the vault (or refuses) when paid.
    receive() external payable {
        Attack current = attack;
        if (current == Attack.None) return;
        if (current == Attack.Reject) revert CharityReentrantDonorRejected();
        ++reentryAttempts;
        bytes memory data =
            current == Attack.Refund
                ? abi.encodeCall(ICharityVault.refund, (campaignId))
                : abi.encodeCall(ICharityVault.withdraw, (address(0)));
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory result) = address(VAULT).call(data);
        if (ok) reentrySucceeded = true;
        else lastReentryError = result;
    }
}
