// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// JSON fragments are full of double quotes, so they are single-quoted (prettier's choice too).
// solhint-disable quotes

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

import {IEventTickets} from "../interfaces/IEventTickets.sol";

/// @title TicketMetadataRenderer
/// @notice Holds the display texts of one event (name, venue, tier names and images) and renders a
///         ticket's on-chain JSON metadata as a base64 `data:` URI. Each `EventTickets` creates its
///         own renderer, which keeps string storage and JSON building out of the ticket contract's
///         EIP-170 code size.
contract TicketMetadataRenderer {
    using Strings for uint256;
    using Strings for string;

    /// @notice The caller does not hold the ticket contract's ORGANISER_ROLE.
    /// @param caller The caller.
    error TicketMetadataRendererUnauthorized(address caller);
    /// @notice The tier does not exist on the ticket contract.
    /// @param tierId The tier.
    error TicketMetadataRendererUnknownTier(uint256 tierId);

    /// @notice A tier's texts changed.
    /// @param tierId The tier.
    /// @param name The name.
    /// @param imageURI The image URI.
    event TierTextSet(uint256 indexed tierId, string name, string imageURI);

    /// @notice A ticket's status as shown in metadata.
    enum Status {
        Valid,
        CheckedIn,
        Refunded
    }

    /// @notice The display texts of a tier.
    struct TierText {
        /// Tier name.
        string name;
        /// Image URI.
        string imageURI;
    }

    /// @notice The ticket contract's organiser role (same value as `EventTickets.ORGANISER_ROLE`).
    bytes32 public constant ORGANISER_ROLE = keccak256("ORGANISER_ROLE");

    /// @notice The ticket contract this renderer belongs to.
    address public immutable TICKETS;

    /// @notice The event's name.
    string public eventName;
    /// @notice The event's venue.
    string public venue;
    mapping(uint256 tierId => TierText) private _tiers;

    /// @notice Created by the ticket contract in its constructor.
    /// @param eventName_ The event's name.
    /// @param venue_ The venue.
    constructor(string memory eventName_, string memory venue_) {
        TICKETS = msg.sender;
        eventName = eventName_;
        venue = venue_;
    }

    /// @notice Sets a tier's name and image (an ORGANISER_ROLE holder of the ticket contract).
    ///         Indexers watch `TierTextSet` here for the tier's tickets' metadata changes.
    /// @param tierId The tier.
    /// @param name Tier name.
    /// @param imageURI Image URI.
    function setTierText(uint256 tierId, string calldata name, string calldata imageURI) external {
        IEventTickets tickets = IEventTickets(TICKETS);
        if (!IAccessControl(TICKETS).hasRole(ORGANISER_ROLE, msg.sender)) {
            revert TicketMetadataRendererUnauthorized(msg.sender);
        }
        if (tierId == 0 || tierId > tickets.tierCount()) revert TicketMetadataRendererUnknownTier(tierId);
        _tiers[tierId] = TierText({name: name, imageURI: imageURI});
        emit TierTextSet(tierId, name, imageURI);
    }

    /// @notice A tier's texts.
    /// @param tierId The tier.
    /// @return text Name and image URI.
    function tierText(uint256 tierId) external view returns (TierText memory text) {
        return _tiers[tierId];
    }

    /// @notice The metadata of a ticket as `data:application/json;base64,…`; every text field is
    ///         JSON-escaped.
    /// @param tokenId The ticket.
    /// @param tierId Its tier.
    /// @param serial Its serial within the tier.
    /// @param start Event start (unix seconds).
    /// @param end Event end (unix seconds).
    /// @param status Valid, checked in or refunded.
    /// @return uri The data URI.
    function render(
        uint256 tokenId,
        uint256 tierId,
        uint256 serial,
        uint256 start,
        uint256 end,
        Status status
    ) external view returns (string memory uri) {
        TierText storage text = _tiers[tierId];
        string memory event_ = eventName.escapeJSON();
        string memory place = venue.escapeJSON();
        string memory tierName = text.name.escapeJSON();
        string memory statusText =
            status == Status.Valid
                ? "valid"
                : status == Status.CheckedIn
                    ? "checked in"
                    : "refunded";
        string memory attributes = string.concat(
            '[{"trait_type":"Event","value":"',
            event_,
            '"},{"trait_type":"Venue","value":"',
            place,
            '"},{"trait_type":"Tier","value":"',
            tierName,
            '"},{"trait_type":"Status","value":"',
            statusText,
            '"},{"display_type":"date","trait_type":"Start","value":',
            start.toString(),
            '},{"display_type":"date","trait_type":"End","value":',
            end.toString(),
            "}]"
        );
        string memory json = string.concat(
            '{"name":"',
            string.concat(event_, " - ", tierName, " #", serial.toString()),
            '","description":"Ticket ',
            tokenId.toString(),
            " (tier ",
            tierId.toString(),
            ") for ",
            event_,
            " at ",
            place,
            '.","image":"',
            text.imageURI.escapeJSON(),
            '","attributes":',
            attributes,
            "}"
        );
        return string.concat("data:application/json;base64,", Base64.encode(bytes(json)));
    }
}
