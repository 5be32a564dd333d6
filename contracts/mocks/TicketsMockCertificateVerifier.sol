// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICertificateVerifier} from "../interfaces/ICertificateVerifier.sol";

/// @title TicketsMockCertificateVerifier
/// @notice Test-only Academy stand-in: a certificate of a course is valid for a holder when set.
contract TicketsMockCertificateVerifier is ICertificateVerifier {
    mapping(address holder => mapping(uint256 courseId => bool valid)) private _valid;

    /// @notice Sets whether `holder` holds a valid certificate of `courseId`.
    /// @param holder The holder.
    /// @param courseId The course.
    /// @param valid Whether valid.
    function setValid(address holder, uint256 courseId, bool valid) external {
        _valid[holder][courseId] = valid;
    }

    /// @inheritdoc ICertificateVerifier
    function hasValidCertificate(address holder, uint256 courseId) external view returns (bool valid) {
        return _valid[holder][courseId];
    }
}
