// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ICertificateVerifier
/// @notice The one question other modules ask the Academy: does this address hold a valid
///         certificate of this course right now? Event tickets use it to reserve a tier (the
///         graduate price) for holders of a certificate.
interface ICertificateVerifier {
    /// @notice Whether `holder` holds at least one certificate of `courseId` whose status is Valid
    ///         at the current block time (not revoked, suspended, expired, superseded, and issued by
    ///         an issuer that is active or was retired after the certificate was issued).
    /// @param holder The address to check.
    /// @param courseId The course the certificate must belong to.
    /// @return valid True when such a certificate exists.
    function hasValidCertificate(address holder, uint256 courseId) external view returns (bool valid);
}
