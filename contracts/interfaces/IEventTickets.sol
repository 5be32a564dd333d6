// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Amounts and counts in events are data, not filter keys: the ids and addresses the SDK filters on
// are indexed. Structs below are ABI types for calldata and return values, not storage layouts.
// solhint-disable gas-indexed-events, gas-struct-packing

/// @title IEventTickets
/// @notice Ticket NFTs of one event of Blockchain Week in Busan: tiers, sales in ETH or an
///         allowlisted ERC-20, comps, cancellation with exact pull refunds, escrowed proceeds
///         settled after the event (a share donated to a charity campaign), capped resale and
///         gate check-in with EIP-712 passes recorded in batches.
/// @dev Token ids are `tierId * TOKEN_ID_TIER_FACTOR + serial` (serial 1 … supply of the tier), so a
///      token's tier is read from its id and the tickets of a tier are contiguous (dense check-in
///      bitmaps). A token remembers the price paid for it in one packed slot (zero for comps).
interface IEventTickets {
    /*//////////////////////////////////////////////////////////////
                                 TYPES
    //////////////////////////////////////////////////////////////*/

    /// @notice What a holder may do with a ticket of a tier.
    enum TransferPolicy {
        /// Any transfer, by the holder or an approved operator.
        Free,
        /// Only through this contract's capped resale (`buyListing`).
        ResaleOnly,
        /// Never transferable (ERC-5192 locked from mint).
        Soulbound
    }

    /// @notice The pause switches, each stopping one group of functions.
    enum PauseSwitch {
        /// `buy` (airdrops by the minter role stay possible).
        Sales,
        /// `listForResale` and `buyListing`.
        Resale,
        /// `recordCheckIns`.
        CheckIn
    }

    /// @notice Why a ticket in a check-in batch was not recorded.
    enum CheckInRejection {
        /// The ticket was already recorded (earlier or in the same batch).
        Duplicate,
        /// The ticket does not exist (never minted or refunded).
        NotFound
    }

    /// @notice What `TicketPassVerifier.checkPass` found about a check-in pass.
    enum PassStatus {
        /// Signed by the current holder, unexpired, ticket not yet recorded as checked in.
        Valid,
        /// `validUntil` is in the past.
        Expired,
        /// The ticket does not exist.
        UnknownTicket,
        /// The ticket is already recorded as checked in.
        AlreadyCheckedIn,
        /// The signature is not the current holder's (EOA or ERC-1271).
        BadSignature,
        /// The event is cancelled.
        EventCancelled
    }

    /// @notice The immutable description of the event, given at deployment.
    struct EventConfig {
        /// ERC-721 name and the event's name in metadata.
        string name;
        /// ERC-721 symbol.
        string symbol;
        /// Where the event takes place.
        string venue;
        /// Start time (unix seconds).
        uint64 start;
        /// End time (unix seconds); must be after `start`.
        uint64 end;
        /// Seconds after `end` during which proceeds stay in escrow (at most MAX_GRACE_PERIOD).
        uint64 gracePeriod;
        /// The organiser: credited as the donor of the charity share; receives ORGANISER_ROLE.
        address organiser;
        /// Receives the settled proceeds and ERC-2981 royalties.
        address payable treasury;
        /// Receives DEFAULT_ADMIN_ROLE, MINTER_ROLE and GATE_ROLE.
        address admin;
        /// Resale royalty in basis points, kept for the organiser (at most MAX_ROYALTY_BPS).
        uint16 royaltyBps;
        /// Share of proceeds donated at settlement, in basis points (at most BPS).
        uint16 charityBps;
        /// The Academy's certificate check for graduate tiers (zero: no graduate tiers).
        address certificateVerifier;
        /// The Charity vault receiving the donation (zero: everything goes to the treasury).
        address donationReceiver;
        /// The charity campaign receiving the donation.
        uint256 charityCampaignId;
    }

    /// @notice A tier as configured by the organiser.
    struct TierConfig {
        /// Unit price in the tier's currency (base units).
        uint96 price;
        /// `address(0)` for ETH, otherwise an allowlisted ERC-20.
        address currency;
        /// Maximum number of tickets ever minted in the tier (1 … MAX_TIER_SUPPLY).
        uint32 supply;
        /// Sales open at this time (unix seconds).
        uint40 saleStart;
        /// Sales close at this time (unix seconds); must be after `saleStart`.
        uint40 saleEnd;
        /// Maximum tickets one wallet may buy in this tier, counting purchases (0: no cap).
        uint32 perWalletCap;
        /// Transfer policy of the tier's tickets.
        TransferPolicy policy;
        /// Resale cap: at most this many basis points above the price paid (≤ MAX_RESALE_CAP_BPS).
        uint16 resaleCapBps;
        /// Whether holders may return tickets for a refund before REFUND_CLOSE_BEFORE_START.
        bool refundable;
        /// Merkle root of allowlisted buyers (zero: open to all). Leaf: OpenZeppelin
        /// StandardMerkleTree of `["address"]`, i.e. keccak256(bytes.concat(keccak256(abi.encode(a)))).
        bytes32 allowlistRoot;
        /// Whether buyers must hold a valid Academy certificate of `courseId`.
        bool graduateOnly;
        /// The Academy course required when `graduateOnly`.
        uint256 courseId;
    }

    /// @notice A tier's on-chain parameters and sales so far (its name and image are kept by the
    ///         metadata renderer: `TicketMetadataRenderer.tierText`).
    struct TierView {
        /// Unit price now (tickets already sold keep their price paid).
        uint96 price;
        /// `address(0)` for ETH, otherwise the ERC-20.
        address currency;
        /// Supply cap.
        uint32 supply;
        /// Tickets minted (bought or airdropped), including refunded ones.
        uint32 minted;
        /// Sales open.
        uint40 saleStart;
        /// Sales close.
        uint40 saleEnd;
        /// Per-wallet purchase cap (0: none).
        uint32 perWalletCap;
        /// Transfer policy.
        TransferPolicy policy;
        /// Resale cap over the price paid, in basis points.
        uint16 resaleCapBps;
        /// Whether holders may return tickets before the refund window closes.
        bool refundable;
        /// Whether buyers need a certificate of `courseId`.
        bool graduateOnly;
        /// Allowlist root (zero: none).
        bytes32 allowlistRoot;
        /// Required course of a graduate tier.
        uint256 courseId;
    }

    /// @notice The event's on-chain data (its name is the ERC-721 `name()`, its venue is
    ///         `TicketMetadataRenderer.venue()`).
    struct EventInfo {
        /// Start time.
        uint64 start;
        /// End time.
        uint64 end;
        /// Escrow grace period after the end.
        uint64 gracePeriod;
        /// The organiser (donor of the charity share).
        address organiser;
        /// The treasury (current).
        address treasury;
        /// Resale royalty in basis points.
        uint16 royaltyBps;
        /// Charity share in basis points.
        uint16 charityBps;
        /// Certificate verifier (zero: none).
        address certificateVerifier;
        /// Donation receiver (zero: none).
        address donationReceiver;
        /// Charity campaign.
        uint256 charityCampaignId;
        /// The metadata renderer holding the texts (`TicketMetadataRenderer`).
        address renderer;
        /// The contract paying out settlements (`TicketProceedsSplitter`).
        address splitter;
        /// The gate's pass check (`TicketPassVerifier`), holding the EIP-712 pass logic.
        address passVerifier;
    }

    /// @notice A resale listing.
    struct Listing {
        /// The holder who listed the ticket (zero: not listed).
        address seller;
        /// Asking price in the tier's currency.
        uint96 price;
    }

    /*//////////////////////////////////////////////////////////////
                                 ERRORS
    //////////////////////////////////////////////////////////////*/

    /// @notice A required address (organiser, treasury, admin or token) is zero.
    error EventTicketsZeroAddress();
    /// @notice The event's start, end or grace period is invalid.
    /// @param start The start.
    /// @param end The end.
    /// @param gracePeriod The grace period.
    error EventTicketsInvalidSchedule(uint256 start, uint256 end, uint256 gracePeriod);
    /// @notice A basis-point value exceeds its maximum.
    /// @param bps The value.
    /// @param max The maximum.
    error EventTicketsBpsTooHigh(uint256 bps, uint256 max);
    /// @notice The event already has MAX_TIERS tiers.
    /// @param max The maximum.
    error EventTicketsTooManyTiers(uint256 max);
    /// @notice A tier supply is zero or above MAX_TIER_SUPPLY.
    /// @param supply The supply.
    error EventTicketsInvalidTierSupply(uint256 supply);
    /// @notice A sale window is empty.
    /// @param saleStart Start.
    /// @param saleEnd End.
    error EventTicketsInvalidSaleWindow(uint256 saleStart, uint256 saleEnd);
    /// @notice The currency is neither ETH nor an allowlisted ERC-20.
    /// @param currency The currency.
    error EventTicketsCurrencyNotAllowed(address currency);
    /// @notice A graduate tier needs a certificate verifier, which this event does not have.
    error EventTicketsNoCertificateVerifier();
    /// @notice The tier does not exist.
    /// @param tierId The tier.
    error EventTicketsUnknownTier(uint256 tierId);
    /// @notice The function's pause switch is on.
    /// @param what The switch.
    error EventTicketsPaused(PauseSwitch what);
    /// @notice The event is cancelled.
    error EventTicketsEventCancelled();
    /// @notice The tier is not on sale now.
    /// @param tierId The tier.
    /// @param saleStart Sales open.
    /// @param saleEnd Sales close.
    error EventTicketsSaleNotOpen(uint256 tierId, uint256 saleStart, uint256 saleEnd);
    /// @notice A quantity or batch length is zero or above its maximum.
    /// @param quantity The quantity.
    /// @param max The maximum.
    error EventTicketsInvalidQuantity(uint256 quantity, uint256 max);
    /// @notice Not enough tickets are left in the tier.
    /// @param tierId The tier.
    /// @param requested Tickets asked for.
    /// @param remaining Tickets left.
    error EventTicketsSoldOut(uint256 tierId, uint256 requested, uint256 remaining);
    /// @notice The purchase would take the wallet past the tier's per-wallet cap.
    /// @param tierId The tier.
    /// @param wallet The buyer.
    /// @param bought Tickets the wallet has bought in the tier.
    /// @param cap The cap.
    error EventTicketsWalletCapExceeded(uint256 tierId, address wallet, uint256 bought, uint256 cap);
    /// @notice The price is above the buyer's `maxPrice`.
    /// @param price The price.
    /// @param maxPrice The buyer's limit.
    error EventTicketsPriceAboveMax(uint256 price, uint256 maxPrice);
    /// @notice The buyer is not in the tier's allowlist.
    /// @param tierId The tier.
    /// @param account The buyer.
    error EventTicketsNotAllowlisted(uint256 tierId, address account);
    /// @notice The buyer holds no valid certificate of the tier's course.
    /// @param tierId The tier.
    /// @param account The buyer.
    /// @param courseId The course.
    error EventTicketsCertificateRequired(uint256 tierId, address account, uint256 courseId);
    /// @notice Too little ETH was sent, or ETH was sent to pay in an ERC-20.
    /// @param expected ETH required.
    /// @param received ETH sent.
    error EventTicketsIncorrectPayment(uint256 expected, uint256 received);
    /// @notice An ERC-20 delivered less than the amount sent (fee-on-transfer tokens are rejected,
    ///         because refunds must return exactly the price paid).
    /// @param expected Amount sent.
    /// @param received Amount that arrived.
    error EventTicketsTokenFeeUnsupported(uint256 expected, uint256 received);
    /// @notice An ETH payment to `to` failed.
    /// @param to The recipient.
    /// @param amount The amount.
    error EventTicketsPaymentFailed(address to, uint256 amount);
    /// @notice The caller does not hold the ticket.
    /// @param tokenId The ticket.
    /// @param caller The caller.
    error EventTicketsNotTicketHolder(uint256 tokenId, address caller);
    /// @notice The ticket cannot be refunded now (event not cancelled and the tier is not
    ///         refundable or its refund window closed, or the ticket was free).
    /// @param tokenId The ticket.
    error EventTicketsNotRefundable(uint256 tokenId);
    /// @notice The ticket is checked in, so it can no longer move, be refunded or resold.
    /// @param tokenId The ticket.
    error EventTicketsTicketCheckedIn(uint256 tokenId);
    /// @notice The tier's transfer policy forbids this transfer.
    /// @param tokenId The ticket.
    /// @param policy The policy.
    error EventTicketsTransferNotAllowed(uint256 tokenId, TransferPolicy policy);
    /// @notice The resale price is above the cap.
    /// @param tokenId The ticket.
    /// @param price The asking price.
    /// @param cap The cap.
    error EventTicketsResalePriceAboveCap(uint256 tokenId, uint256 price, uint256 cap);
    /// @notice The ticket is not listed (or its listing is void).
    /// @param tokenId The ticket.
    error EventTicketsNotListed(uint256 tokenId);
    /// @notice The event is already cancelled or over, so it cannot be cancelled.
    error EventTicketsCannotCancel();
    /// @notice Settlement opens at `opensAt` (end + grace).
    /// @param opensAt When settlement opens.
    error EventTicketsSettlementNotOpen(uint256 opensAt);
    /// @notice Nothing is settleable in this currency.
    /// @param currency The currency.
    error EventTicketsNothingToSettle(address currency);
    /// @notice The ticket was never minted.
    /// @param tokenId The ticket.
    error EventTicketsTicketNotFound(uint256 tokenId);
    /// @notice The caller has no resale proceeds to withdraw.
    /// @param account The caller.
    error EventTicketsNothingToWithdraw(address account);

    /*//////////////////////////////////////////////////////////////
                                 EVENTS
    //////////////////////////////////////////////////////////////*/

    /// @notice A tier was created.
    /// @param tierId The new tier.
    /// @param currency Its currency.
    /// @param price Its price.
    /// @param supply Its supply.
    event TierAdded(uint256 indexed tierId, address indexed currency, uint256 price, uint256 supply);
    /// @notice A tier's price changed (tickets already sold keep the price paid).
    /// @param tierId The tier.
    /// @param price The new price.
    event TierPriceChanged(uint256 indexed tierId, uint256 price);
    /// @notice An ERC-20 was allowed or disallowed as a tier currency.
    /// @param token The token.
    /// @param allowed Whether allowed.
    event CurrencyAllowed(address indexed token, bool allowed);
    /// @notice Tickets were bought.
    /// @param buyer The buyer (and holder).
    /// @param tierId The tier.
    /// @param firstTokenId The first ticket; the rest follow consecutively.
    /// @param quantity How many.
    /// @param unitPrice Price paid per ticket.
    event TicketsPurchased(
        address indexed buyer,
        uint256 indexed tierId,
        uint256 firstTokenId,
        uint256 quantity,
        uint256 unitPrice
    );
    /// @notice Comps were airdropped.
    /// @param minter The minter.
    /// @param tierId The tier.
    /// @param firstTokenId The first ticket; the rest follow consecutively.
    /// @param quantity How many.
    event TicketsAirdropped(address indexed minter, uint256 indexed tierId, uint256 firstTokenId, uint256 quantity);
    /// @notice The event was cancelled; every paid ticket is refundable.
    /// @param by The organiser account.
    event EventCancelled(address indexed by);
    /// @notice A ticket was refunded (and burned).
    /// @param tokenId The ticket.
    /// @param holder The holder paid.
    /// @param currency The currency.
    /// @param amount The price paid, returned.
    event TicketRefunded(uint256 indexed tokenId, address indexed holder, address indexed currency, uint256 amount);
    /// @notice Proceeds in a currency were settled.
    /// @param currency The currency.
    /// @param donated Donated to the charity campaign.
    /// @param toTreasury Paid to the treasury.
    event ProceedsSettled(address indexed currency, uint256 donated, uint256 toTreasury);
    /// @notice The charity share of a currency went to the treasury instead (currency differs from
    ///         the campaign's, no receiver, or the donation reverted).
    /// @param currency The currency.
    /// @param amount The share not donated.
    event DonationSkipped(address indexed currency, uint256 amount);
    /// @notice A ticket was listed for resale.
    /// @param tokenId The ticket.
    /// @param seller The holder.
    /// @param price The asking price.
    event ListingCreated(uint256 indexed tokenId, address indexed seller, uint256 price);
    /// @notice A listing was cancelled by its seller.
    /// @param tokenId The ticket.
    /// @param seller The seller.
    event ListingCancelled(uint256 indexed tokenId, address indexed seller);
    /// @notice A listed ticket was bought.
    /// @param tokenId The ticket.
    /// @param seller The seller.
    /// @param buyer The buyer.
    /// @param price The price paid by the buyer.
    /// @param royalty The part kept for the organiser.
    event ListingSold(
        uint256 indexed tokenId,
        address indexed seller,
        address indexed buyer,
        uint256 price,
        uint256 royalty
    );
    /// @notice A batch of check-ins was recorded.
    /// @param gate The gate account.
    /// @param recorded Tickets newly recorded.
    /// @param rejected Tickets reported by `CheckInRejected`.
    event CheckInsRecorded(address indexed gate, uint256 recorded, uint256 rejected);
    /// @notice A ticket in a check-in batch was not recorded.
    /// @param tokenId The ticket.
    /// @param reason Why.
    event CheckInRejected(uint256 indexed tokenId, CheckInRejection reason);
    /// @notice A pause switch changed.
    /// @param what The switch.
    /// @param paused The new state.
    event PauseSet(PauseSwitch indexed what, bool paused);
    /// @notice The treasury changed.
    /// @param treasury The new treasury.
    event TreasuryChanged(address indexed treasury);
    /// @notice A seller withdrew the ETH proceeds of their resales.
    /// @param seller The seller.
    /// @param amount The amount paid.
    event ResaleProceedsWithdrawn(address indexed seller, uint256 amount);

    /*//////////////////////////////////////////////////////////////
                           ORGANISER / ADMIN
    //////////////////////////////////////////////////////////////*/

    /// @notice Adds a tier (ORGANISER_ROLE). Its name and image are set on the metadata renderer
    ///         with `TicketMetadataRenderer.setTierText`.
    /// @param config The tier.
    /// @return tierId The new tier's id (1, 2, …).
    function addTier(TierConfig calldata config) external returns (uint256 tierId);

    /// @notice Changes a tier's price for future sales (ORGANISER_ROLE). Sold tickets keep their
    ///         price paid for refunds and resale caps.
    /// @param tierId The tier.
    /// @param price The new price.
    function setTierPrice(uint256 tierId, uint96 price) external;

    /// @notice Allows or disallows an ERC-20 as a tier currency (DEFAULT_ADMIN_ROLE).
    /// @param token The token.
    /// @param allowed Whether allowed.
    function setCurrencyAllowed(address token, bool allowed) external;

    /// @notice Sets a pause switch (DEFAULT_ADMIN_ROLE).
    /// @param what The switch.
    /// @param paused The new state.
    function setPaused(PauseSwitch what, bool paused) external;

    /// @notice Changes the treasury (DEFAULT_ADMIN_ROLE); also the ERC-2981 royalty receiver.
    /// @param treasury The new treasury.
    function setTreasury(address payable treasury) external;

    /// @notice Cancels the event (ORGANISER_ROLE), before it ends. Sales and check-in stop and
    ///         every paid ticket that is not checked in can be refunded.
    function cancel() external;

    /// @notice Pays out the proceeds held in `currency` once the event has ended plus the grace
    ///         period: `charityBps` of it donated to the charity campaign attributed to the
    ///         organiser, the rest to the treasury. When the currency is not the campaign's, there is
    ///         no receiver, or the donation reverts, the share goes to the treasury
    ///         (`DonationSkipped`). On a cancelled event only what exceeds the refunds owed is paid.
    ///         Anyone may call it.
    /// @param currency The currency to settle.
    function settle(address currency) external;

    /*//////////////////////////////////////////////////////////////
                                 SALES
    //////////////////////////////////////////////////////////////*/

    /// @notice Buys `quantity` tickets of a tier for the caller. ETH: send at least the total; the
    ///         excess is returned. ERC-20: approve the total first and send no ETH.
    /// @param tierId The tier.
    /// @param quantity How many (1 … MAX_PER_PURCHASE).
    /// @param maxPrice The highest unit price the buyer accepts.
    /// @param proof Merkle proof for an allowlisted tier (empty otherwise).
    /// @return firstTokenId The first ticket bought; the rest follow consecutively.
    function buy(
        uint256 tierId,
        uint256 quantity,
        uint256 maxPrice,
        bytes32[] calldata proof
    ) external payable returns (uint256 firstTokenId);

    /// @notice Mints free tickets (comps) of a tier, counted against its supply (MINTER_ROLE).
    /// @param tierId The tier.
    /// @param recipients One ticket each (1 … MAX_AIRDROP).
    /// @return firstTokenId The first ticket; the rest follow consecutively.
    function airdrop(uint256 tierId, address[] calldata recipients) external returns (uint256 firstTokenId);

    /// @notice Returns a ticket for exactly its price paid; the ticket is burned. Possible when the
    ///         event is cancelled, or for a refundable tier until REFUND_CLOSE_BEFORE_START before the
    ///         start; never for a checked-in or free ticket.
    /// @param tokenId The ticket (the caller must hold it).
    function refund(uint256 tokenId) external;

    /*//////////////////////////////////////////////////////////////
                                 RESALE
    //////////////////////////////////////////////////////////////*/

    /// @notice Lists a held ticket at or below its resale cap. Relisting replaces the price.
    /// @param tokenId The ticket.
    /// @param price Asking price in the tier's currency.
    function listForResale(uint256 tokenId, uint96 price) external;

    /// @notice Cancels the caller's listing.
    /// @param tokenId The ticket.
    function cancelListing(uint256 tokenId) external;

    /// @notice Buys a listed ticket: the seller gets the price minus the organiser's royalty,
    ///         which stays in escrow with the proceeds. ETH: the seller's part is credited and
    ///         pulled with `withdrawResaleProceeds` (a seller cannot block or grief the purchase);
    ///         excess returned to the buyer. ERC-20: the seller's part goes from the buyer to the
    ///         seller in the same call.
    /// @param tokenId The ticket.
    /// @param maxPrice The highest price the buyer accepts.
    function buyListing(uint256 tokenId, uint256 maxPrice) external payable;

    /// @notice Pays the caller the ETH credited by their resales (`resaleProceeds`).
    /// @return amount The amount paid.
    function withdrawResaleProceeds() external returns (uint256 amount);

    /*//////////////////////////////////////////////////////////////
                                CHECK-IN
    //////////////////////////////////////////////////////////////*/

    /// @notice Records check-ins (GATE_ROLE). Each ticket becomes locked (ERC-5192) for good.
    ///         Duplicates and missing tickets are reported by `CheckInRejected`, not reverted.
    /// @param tokenIds The admitted tickets (1 … MAX_CHECKIN_BATCH).
    function recordCheckIns(uint256[] calldata tokenIds) external;

    /*//////////////////////////////////////////////////////////////
                                 VIEWS
    //////////////////////////////////////////////////////////////*/

    /// @notice The event's on-chain data.
    /// @return info Schedule, parties, shares and linked contracts.
    function eventInfo() external view returns (EventInfo memory info);

    /// @notice Number of tiers.
    /// @return count Tiers (ids 1 … count).
    function tierCount() external view returns (uint256 count);

    /// @notice A tier.
    /// @param tierId The tier.
    /// @return tier The tier.
    function tier(uint256 tierId) external view returns (TierView memory tier);

    /// @notice A ticket's tier and price paid.
    /// @param tokenId The ticket (must exist).
    /// @return tierId The tier.
    /// @return pricePaid The price paid (zero for comps).
    function ticket(uint256 tokenId) external view returns (uint256 tierId, uint256 pricePaid);

    /// @notice Whether a ticket is recorded as checked in.
    /// @param tokenId The ticket.
    /// @return checkedIn_ Whether checked in.
    function checkedIn(uint256 tokenId) external view returns (bool checkedIn_);

    /// @notice The resale listing of a ticket (seller zero when none or void).
    /// @param tokenId The ticket.
    /// @return listing The listing.
    function listing(uint256 tokenId) external view returns (Listing memory listing);

    /// @notice The highest resale price of a ticket.
    /// @param tokenId The ticket.
    /// @return cap The cap.
    function resaleCap(uint256 tokenId) external view returns (uint256 cap);

    /// @notice Tickets a wallet has bought in a tier (counted only for tiers with a wallet cap).
    /// @param tierId The tier.
    /// @param wallet The wallet.
    /// @return bought Tickets bought.
    function purchasedBy(uint256 tierId, address wallet) external view returns (uint256 bought);

    /// @notice Funds held for the event in a currency: sales and royalties minus refunds and
    ///         settlements. The contract's balance is always at least this.
    /// @param currency The currency.
    /// @return held The amount.
    function escrowed(address currency) external view returns (uint256 held);

    /// @notice ETH credited to a seller by resales and not yet withdrawn. Never part of
    ///         `escrowed`: the contract's balance is at least `escrowed(address(0))` plus every
    ///         seller's credit.
    /// @param seller The seller.
    /// @return amount The amount.
    function resaleProceeds(address seller) external view returns (uint256 amount);

    /// @notice The sum of prices paid for live (unrefunded) tickets in a currency: the most that
    ///         refunds can ever take. `escrowed` is at least this until settlement.
    /// @param currency The currency.
    /// @return owed The amount.
    function refundLiability(address currency) external view returns (uint256 owed);

    /// @notice Whether the event is cancelled.
    /// @return cancelled_ Whether cancelled.
    function cancelled() external view returns (bool cancelled_);

    /// @notice Whether a pause switch is on.
    /// @param what The switch.
    /// @return paused_ Whether paused.
    function paused(PauseSwitch what) external view returns (bool paused_);

    /// @notice Whether an ERC-20 is allowed as a tier currency.
    /// @param token The token.
    /// @return allowed Whether allowed.
    function currencyAllowed(address token) external view returns (bool allowed);
}
