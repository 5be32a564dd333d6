// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

import {IEventTickets} from "../interfaces/IEventTickets.sol";

/// @title TicketPassVerifier
/// @notice The gate's one chain read: checks a check-in pass of an `EventTickets` contract (the
///         holder's EIP-712 signature of `CheckIn(address tickets,uint256 tokenId,uint64 validUntil)`,
///         by an EOA or an ERC-1271 contract wallet), the holder, expiry, check-in status and
///         cancellation. Created by the ticket contract; a separate contract so signature handling
///         does not count against the ticket contract's EIP-170 code size limit.
/// @dev The EIP-712 domain is {name: "EventTickets", version: "1", chainId, verifyingContract: the
///      ticket contract}; the signed struct also names the ticket contract, so a pass for another
///      event, contract or chain never verifies.
contract TicketPassVerifier {
    /// @notice EIP-712 type of a check-in pass.
    bytes32 public constant CHECK_IN_TYPEHASH = keccak256("CheckIn(address tickets,uint256 tokenId,uint64 validUntil)");
    /// @notice EIP-712 domain type.
    bytes32 private constant _DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );
    /// @notice EIP-712 domain name.
    string public constant DOMAIN_NAME = "EventTickets";
    /// @notice EIP-712 domain version.
    string public constant DOMAIN_VERSION = "1";

    /// @notice The ticket contract.
    address public immutable TICKETS;

    /// @notice Created by the ticket contract.
    constructor() {
        TICKETS = msg.sender;
    }

    /// @notice The EIP-712 domain separator on the current chain.
    /// @return separator The separator.
    function domainSeparator() public view returns (bytes32 separator) {
        return
            keccak256(
                abi.encode(
                    _DOMAIN_TYPEHASH,
                    keccak256(bytes(DOMAIN_NAME)),
                    keccak256(bytes(DOMAIN_VERSION)),
                    block.chainid,
                    TICKETS
                )
            );
    }

    /// @notice The EIP-712 digest a holder signs for a pass.
    /// @param tokenId The ticket.
    /// @param validUntil Expiry (unix seconds).
    /// @return digest The digest.
    function passDigest(uint256 tokenId, uint64 validUntil) public view returns (bytes32 digest) {
        bytes32 structHash = keccak256(abi.encode(CHECK_IN_TYPEHASH, TICKETS, tokenId, validUntil));
        return MessageHashUtils.toTypedDataHash(domainSeparator(), structHash);
    }

    /// @notice Everything a gate needs to admit a pass, in one call.
    /// @param tokenId The ticket.
    /// @param validUntil The pass expiry.
    /// @param signature The holder's signature.
    /// @return status The verdict.
    /// @return holder The current holder (zero when the ticket does not exist).
    function checkPass(
        uint256 tokenId,
        uint64 validUntil,
        bytes calldata signature
    ) external view returns (IEventTickets.PassStatus status, address holder) {
        IEventTickets tickets = IEventTickets(TICKETS);
        try IERC721(TICKETS).ownerOf(tokenId) returns (address owner) {
            holder = owner;
        } catch {
            holder = address(0);
        }
        if (tickets.cancelled()) return (IEventTickets.PassStatus.EventCancelled, holder);
        if (holder == address(0)) return (IEventTickets.PassStatus.UnknownTicket, holder);
        if (block.timestamp > validUntil) return (IEventTickets.PassStatus.Expired, holder);
        if (tickets.checkedIn(tokenId)) return (IEventTickets.PassStatus.AlreadyCheckedIn, holder);
        if (!SignatureChecker.isValidSignatureNow(holder, passDigest(tokenId, validUntil), signature)) {
            return (IEventTickets.PassStatus.BadSignature, holder);
        }
        return (IEventTickets.PassStatus.Valid, holder);
    }
}
