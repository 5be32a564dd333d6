// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

import {ICertificateVerifier} from "../interfaces/ICertificateVerifier.sol";
import {IDonationReceiver} from "../interfaces/IDonationReceiver.sol";
import {IERC5192} from "../interfaces/IERC5192.sol";
import {IEventTickets} from "../interfaces/IEventTickets.sol";
import {TicketMetadataRenderer} from "./TicketMetadataRenderer.sol";
import {TicketPassVerifier} from "./TicketPassVerifier.sol";
import {TicketProceedsSplitter} from "./TicketProceedsSplitter.sol";

/// @title EventTickets
/// @notice Ticket NFTs of one Blockchain Week event. See {IEventTickets}.
/// @dev Every mint, transfer and burn passes through `_update`, which enforces the transfer
///      policy, the check-in lock and voids resale listings, so no ERC-721 entry point bypasses them.
contract EventTickets is IEventTickets, IERC5192, IERC4906, IERC2981, ERC721, AccessControl, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /*//////////////////////////////////////////////////////////////
                               CONSTANTS
    //////////////////////////////////////////////////////////////*/

    /// @notice May add tiers, change prices and cancel the event.
    bytes32 public constant ORGANISER_ROLE = keccak256("ORGANISER_ROLE");
    /// @notice May airdrop comps.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice May record check-ins.
    bytes32 public constant GATE_ROLE = keccak256("GATE_ROLE");

    /// @notice Token id = tierId * TOKEN_ID_TIER_FACTOR + serial (readable: ticket 42 of tier 3 is 3000042).
    uint256 public constant TOKEN_ID_TIER_FACTOR = 1_000_000;
    /// @notice Largest supply of one tier (serials must stay below TOKEN_ID_TIER_FACTOR).
    uint256 public constant MAX_TIER_SUPPLY = TOKEN_ID_TIER_FACTOR - 1;
    /// @notice Most tiers per event.
    uint256 public constant MAX_TIERS = 64;
    /// @notice Most tickets in one `buy`.
    uint256 public constant MAX_PER_PURCHASE = 20;
    /// @notice Most recipients in one `airdrop` (bounds the loop's gas).
    uint256 public constant MAX_AIRDROP = 300;
    /// @notice Most tickets in one `recordCheckIns` batch (bounds the loop's gas).
    uint256 public constant MAX_CHECKIN_BATCH = 500;
    /// @notice Basis points in one whole.
    uint256 public constant BPS = 10_000;
    /// @notice Highest resale royalty.
    uint256 public constant MAX_ROYALTY_BPS = 2_500;
    /// @notice Highest resale cap above the price paid (100 %: at most double).
    uint256 public constant MAX_RESALE_CAP_BPS = 10_000;
    /// @notice Longest escrow grace period after the event's end.
    uint256 public constant MAX_GRACE_PERIOD = 180 days;
    /// @notice Voluntary refunds of refundable tiers close this long before the start, so no ticket
    ///         can be admitted at the door and then refunded before its check-in is recorded.
    uint256 public constant REFUND_CLOSE_BEFORE_START = 1 days;

    /// @dev Bits of `_flags`.
    uint256 private constant _CANCELLED = 1;
    uint256 private constant _PAUSE_SHIFT = 1;

    /*//////////////////////////////////////////////////////////////
                               IMMUTABLES
    //////////////////////////////////////////////////////////////*/

    uint64 private immutable _START;
    uint64 private immutable _END;
    uint64 private immutable _GRACE;
    uint16 private immutable _ROYALTY_BPS;
    uint16 private immutable _CHARITY_BPS;
    address private immutable _ORGANISER;
    ICertificateVerifier private immutable _VERIFIER;
    IDonationReceiver private immutable _RECEIVER;
    uint256 private immutable _CAMPAIGN_ID;
    TicketProceedsSplitter private immutable _SPLITTER;
    TicketPassVerifier private immutable _PASS_VERIFIER;
    TicketMetadataRenderer private immutable _RENDERER;

    /*//////////////////////////////////////////////////////////////
                                STORAGE
    //////////////////////////////////////////////////////////////*/

    /// @dev A tier; the first two slots are what a purchase reads (price + currency, then the
    ///      224 bits of limits and flags), the last two only when a flag says so.
    // solhint-disable-next-line gas-struct-packing
    struct Tier {
        // slot 0
        uint96 price;
        address currency;
        // slot 1
        uint32 supply;
        uint32 minted;
        uint40 saleStart;
        uint40 saleEnd;
        uint32 perWalletCap;
        TransferPolicy policy;
        uint16 resaleCapBps;
        bool refundable;
        bool graduateOnly;
        bool hasAllowlist;
        // read only when the flags above say so
        bytes32 allowlistRoot;
        uint256 courseId;
    }

    /// @dev Funds per currency, packed in one slot.
    struct Escrow {
        /// Sales and royalties minus refunds and settlements.
        uint128 held;
        /// Prices paid for live tickets.
        uint128 owed;
    }

    address payable private _treasury;
    /// @dev bit 0: cancelled; bits 1…3: pause switches by `PauseSwitch` index.
    uint256 private _flags;
    uint256 private _tierCount;
    mapping(uint256 tierId => Tier) private _tiers;
    /// @dev Price paid per ticket; absent (zero) for comps, so an airdrop writes no extra slot.
    mapping(uint256 tokenId => uint256 price) private _pricePaid;
    /// @dev Check-in bitmap: bit (tokenId & 255) of word (tokenId >> 8).
    mapping(uint256 word => uint256 bits) private _checkIns;
    mapping(uint256 tokenId => Listing) private _listings;
    mapping(uint256 tierId => mapping(address wallet => uint256 bought)) private _purchased;
    mapping(address currency => Escrow) private _escrow;
    mapping(address token => bool allowed) private _currencies;
    /// @dev ETH owed to resale sellers, pulled with `withdrawResaleProceeds`; outside `_escrow`.
    mapping(address seller => uint256 amount) private _resaleProceeds;
    /// @dev Set only while `buyListing` moves a resale-only ticket.
    bool private transient _inResale;

    /*//////////////////////////////////////////////////////////////
                              CONSTRUCTOR
    //////////////////////////////////////////////////////////////*/

    /// @notice Creates the event's ticket contract.
    /// @param config The event.
    constructor(EventConfig memory config) ERC721(config.name, config.symbol) {
        if (config.organiser == address(0)) revert EventTicketsZeroAddress();
        if (config.treasury == address(0)) revert EventTicketsZeroAddress();
        if (config.admin == address(0)) revert EventTicketsZeroAddress();
        if (config.start == 0 || config.end <= config.start || config.gracePeriod > MAX_GRACE_PERIOD) {
            revert EventTicketsInvalidSchedule(config.start, config.end, config.gracePeriod);
        }
        if (config.royaltyBps > MAX_ROYALTY_BPS) revert EventTicketsBpsTooHigh(config.royaltyBps, MAX_ROYALTY_BPS);
        if (config.charityBps > BPS) revert EventTicketsBpsTooHigh(config.charityBps, BPS);
        _START = config.start;
        _END = config.end;
        _GRACE = config.gracePeriod;
        _ROYALTY_BPS = config.royaltyBps;
        _CHARITY_BPS = config.charityBps;
        _ORGANISER = config.organiser;
        _VERIFIER = ICertificateVerifier(config.certificateVerifier);
        _RECEIVER = IDonationReceiver(config.donationReceiver);
        _CAMPAIGN_ID = config.charityCampaignId;
        _RENDERER = new TicketMetadataRenderer(config.name, config.venue);
        _PASS_VERIFIER = new TicketPassVerifier();
        _SPLITTER = new TicketProceedsSplitter(_RECEIVER, config.charityCampaignId, config.organiser);
        _treasury = config.treasury;
        _grantRole(DEFAULT_ADMIN_ROLE, config.admin);
        _grantRole(MINTER_ROLE, config.admin);
        _grantRole(GATE_ROLE, config.admin);
        _grantRole(ORGANISER_ROLE, config.organiser);
    }

    /*//////////////////////////////////////////////////////////////
                           ORGANISER / ADMIN
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IEventTickets
    function addTier(TierConfig calldata config) external onlyRole(ORGANISER_ROLE) returns (uint256 tierId) {
        uint256 count = _tierCount;
        if (count >= MAX_TIERS) revert EventTicketsTooManyTiers(MAX_TIERS);
        if (config.supply == 0 || config.supply > MAX_TIER_SUPPLY) revert EventTicketsInvalidTierSupply(config.supply);
        if (config.saleEnd <= config.saleStart) revert EventTicketsInvalidSaleWindow(config.saleStart, config.saleEnd);
        if (config.currency != address(0) && !_currencies[config.currency]) {
            revert EventTicketsCurrencyNotAllowed(config.currency);
        }
        if (config.resaleCapBps > MAX_RESALE_CAP_BPS) {
            revert EventTicketsBpsTooHigh(config.resaleCapBps, MAX_RESALE_CAP_BPS);
        }
        if (config.graduateOnly && address(_VERIFIER) == address(0)) revert EventTicketsNoCertificateVerifier();
        // Cannot overflow: count < MAX_TIERS.
        unchecked {
            tierId = count + 1;
        }
        _tierCount = tierId;
        Tier storage t = _tiers[tierId];
        t.price = config.price;
        t.currency = config.currency;
        t.supply = config.supply;
        t.saleStart = config.saleStart;
        t.saleEnd = config.saleEnd;
        t.perWalletCap = config.perWalletCap;
        t.policy = config.policy;
        t.resaleCapBps = config.resaleCapBps;
        t.refundable = config.refundable;
        t.graduateOnly = config.graduateOnly;
        t.hasAllowlist = config.allowlistRoot != bytes32(0);
        t.allowlistRoot = config.allowlistRoot;
        t.courseId = config.courseId;
        emit TierAdded(tierId, config.currency, config.price, config.supply);
    }

    /// @inheritdoc IEventTickets
    function setTierPrice(uint256 tierId, uint96 price) external onlyRole(ORGANISER_ROLE) {
        _tierOf(tierId).price = price;
        emit TierPriceChanged(tierId, price);
    }

    /// @inheritdoc IEventTickets
    function setCurrencyAllowed(address token, bool allowed) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (token == address(0)) revert EventTicketsZeroAddress();
        _currencies[token] = allowed;
        emit CurrencyAllowed(token, allowed);
    }

    /// @inheritdoc IEventTickets
    function setPaused(PauseSwitch what, bool paused_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        uint256 bit = 1 << (uint256(what) + _PAUSE_SHIFT);
        _flags = paused_ ? _flags | bit : _flags & ~bit;
        emit PauseSet(what, paused_);
    }

    /// @inheritdoc IEventTickets
    function setTreasury(address payable treasury) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (treasury == address(0)) revert EventTicketsZeroAddress();
        _treasury = treasury;
        emit TreasuryChanged(treasury);
    }

    /// @inheritdoc IEventTickets
    function cancel() external onlyRole(ORGANISER_ROLE) {
        uint256 flags = _flags;
        if (flags & _CANCELLED != 0 || block.timestamp >= _END) revert EventTicketsCannotCancel();
        _flags = flags | _CANCELLED;
        emit EventCancelled(msg.sender);
        emit BatchMetadataUpdate(0, type(uint256).max);
    }

    /// @inheritdoc IEventTickets
    function settle(address currency) external nonReentrant {
        // Cannot overflow: both are uint64.
        uint256 opensAt = uint256(_END) + _GRACE;
        if (block.timestamp < opensAt) revert EventTicketsSettlementNotOpen(opensAt);
        Escrow storage e = _escrow[currency];
        uint256 reserved = _flags & _CANCELLED != 0 ? e.owed : 0;
        uint256 amount = e.held - reserved;
        if (amount == 0) revert EventTicketsNothingToSettle(currency);
        // Fits: reserved <= held, a uint128.
        e.held = uint128(reserved);
        uint256 share = (amount * _CHARITY_BPS) / BPS;
        uint256 donated;
        if (currency == address(0)) {
            donated = _SPLITTER.split{value: amount}(currency, amount, share, _treasury);
        } else {
            IERC20(currency).safeTransfer(address(_SPLITTER), amount);
            donated = _SPLITTER.split(currency, amount, share, _treasury);
        }
        if (donated < share) emit DonationSkipped(currency, share - donated);
        emit ProceedsSettled(currency, donated, amount - donated);
    }

    /*//////////////////////////////////////////////////////////////
                                 SALES
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IEventTickets
    function buy(
        uint256 tierId,
        uint256 quantity,
        uint256 maxPrice,
        bytes32[] calldata proof
    ) external payable nonReentrant returns (uint256 firstTokenId) {
        _requireOpen(PauseSwitch.Sales);
        Tier storage t = _tierOf(tierId);
        uint256 price = t.price;
        address currency = t.currency;
        if (price > maxPrice) revert EventTicketsPriceAboveMax(price, maxPrice);
        if (quantity == 0 || quantity > MAX_PER_PURCHASE)
            revert EventTicketsInvalidQuantity(quantity, MAX_PER_PURCHASE);
        if (block.timestamp < t.saleStart || block.timestamp >= t.saleEnd) {
            revert EventTicketsSaleNotOpen(tierId, t.saleStart, t.saleEnd);
        }
        _checkEligibility(t, tierId, proof);
        uint256 cap = t.perWalletCap;
        if (cap != 0) {
            uint256 bought = _purchased[tierId][msg.sender] + quantity;
            if (bought > cap) revert EventTicketsWalletCapExceeded(tierId, msg.sender, bought - quantity, cap);
            _purchased[tierId][msg.sender] = bought;
        }
        // Cannot overflow: price < 2^96 and quantity <= MAX_PER_PURCHASE.
        uint256 total;
        unchecked {
            total = price * quantity;
        }
        if (currency == address(0) ? msg.value < total : msg.value != 0) {
            revert EventTicketsIncorrectPayment(currency == address(0) ? total : 0, msg.value);
        }
        firstTokenId = _reserve(t, tierId, quantity);
        if (total != 0) {
            Escrow storage e = _escrow[currency];
            // Fits: all ticket sales of a tier are below 2^96 * MAX_TIER_SUPPLY * MAX_TIERS < 2^128.
            e.held += uint128(total);
            e.owed += uint128(total);
        }
        bool soulbound = t.policy == TransferPolicy.Soulbound;
        emit TicketsPurchased(msg.sender, tierId, firstTokenId, quantity, price);
        for (uint256 i = 0; i < quantity; ++i) {
            uint256 tokenId = firstTokenId + i;
            if (price != 0) _pricePaid[tokenId] = price;
            _safeMint(msg.sender, tokenId);
            if (soulbound) emit Locked(tokenId);
        }
        if (currency == address(0)) {
            // Cannot underflow: checked msg.value >= total above.
            unchecked {
                if (msg.value > total) _sendEth(msg.sender, msg.value - total);
            }
        } else if (total != 0) {
            _pullExact(currency, msg.sender, total);
        }
    }

    /// @inheritdoc IEventTickets
    function airdrop(
        uint256 tierId,
        address[] calldata recipients
    ) external onlyRole(MINTER_ROLE) returns (uint256 firstTokenId) {
        if (_flags & _CANCELLED != 0) revert EventTicketsEventCancelled();
        uint256 n = recipients.length;
        if (n == 0 || n > MAX_AIRDROP) revert EventTicketsInvalidQuantity(n, MAX_AIRDROP);
        Tier storage t = _tierOf(tierId);
        firstTokenId = _reserve(t, tierId, n);
        bool soulbound = t.policy == TransferPolicy.Soulbound;
        for (uint256 i = 0; i < n; ++i) {
            uint256 tokenId = firstTokenId + i;
            _mint(recipients[i], tokenId);
            if (soulbound) emit Locked(tokenId);
        }
        emit TicketsAirdropped(msg.sender, tierId, firstTokenId, n);
    }

    /// @inheritdoc IEventTickets
    function refund(uint256 tokenId) external nonReentrant {
        if (_ownerOf(tokenId) != msg.sender) revert EventTicketsNotTicketHolder(tokenId, msg.sender);
        if (_isCheckedIn(tokenId)) revert EventTicketsTicketCheckedIn(tokenId);
        Tier storage t = _tiers[tokenId / TOKEN_ID_TIER_FACTOR];
        uint256 price = _pricePaid[tokenId];
        bool open = _flags & _CANCELLED != 0 || (t.refundable && block.timestamp + REFUND_CLOSE_BEFORE_START <= _START);
        if (!open || price == 0) revert EventTicketsNotRefundable(tokenId);
        address currency = t.currency;
        Escrow storage e = _escrow[currency];
        // Fits and cannot underflow: price was added to both when the ticket was sold.
        e.held -= uint128(price);
        e.owed -= uint128(price);
        delete _pricePaid[tokenId];
        _burn(tokenId);
        emit TicketRefunded(tokenId, msg.sender, currency, price);
        emit MetadataUpdate(tokenId);
        _pay(currency, msg.sender, price);
    }

    /*//////////////////////////////////////////////////////////////
                                 RESALE
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IEventTickets
    function listForResale(uint256 tokenId, uint96 price) external {
        _requireOpen(PauseSwitch.Resale);
        if (_ownerOf(tokenId) != msg.sender) revert EventTicketsNotTicketHolder(tokenId, msg.sender);
        if (_isCheckedIn(tokenId)) revert EventTicketsTicketCheckedIn(tokenId);
        TransferPolicy policy = _tiers[tokenId / TOKEN_ID_TIER_FACTOR].policy;
        if (policy == TransferPolicy.Soulbound) revert EventTicketsTransferNotAllowed(tokenId, policy);
        uint256 cap = resaleCap(tokenId);
        if (price > cap) revert EventTicketsResalePriceAboveCap(tokenId, price, cap);
        _listings[tokenId] = Listing({seller: msg.sender, price: price});
        emit ListingCreated(tokenId, msg.sender, price);
    }

    /// @inheritdoc IEventTickets
    function cancelListing(uint256 tokenId) external {
        address seller = _listings[tokenId].seller;
        if (seller == address(0)) revert EventTicketsNotListed(tokenId);
        if (seller != msg.sender) revert EventTicketsNotTicketHolder(tokenId, msg.sender);
        delete _listings[tokenId];
        emit ListingCancelled(tokenId, msg.sender);
    }

    /// @inheritdoc IEventTickets
    function buyListing(uint256 tokenId, uint256 maxPrice) external payable nonReentrant {
        _requireOpen(PauseSwitch.Resale);
        Listing memory sale = _listings[tokenId];
        if (sale.seller == address(0) || _ownerOf(tokenId) != sale.seller) revert EventTicketsNotListed(tokenId);
        if (_isCheckedIn(tokenId)) revert EventTicketsTicketCheckedIn(tokenId);
        uint256 price = sale.price;
        if (price > maxPrice) revert EventTicketsPriceAboveMax(price, maxPrice);
        address currency = _tiers[tokenId / TOKEN_ID_TIER_FACTOR].currency;
        if (currency == address(0) ? msg.value < price : msg.value != 0) {
            revert EventTicketsIncorrectPayment(currency == address(0) ? price : 0, msg.value);
        }
        // Cannot overflow: price < 2^96 and _ROYALTY_BPS <= MAX_ROYALTY_BPS.
        uint256 royalty;
        unchecked {
            royalty = (price * _ROYALTY_BPS) / BPS;
        }
        delete _listings[tokenId];
        // Fits: royalty < 2^96; total royalties stay far below 2^128.
        if (royalty != 0) _escrow[currency].held += uint128(royalty);
        _inResale = true;
        _update(msg.sender, tokenId, address(0));
        _inResale = false;
        emit ListingSold(tokenId, sale.seller, msg.sender, price, royalty);
        // Cannot underflow: royalty <= price, and msg.value >= price on the ETH path.
        unchecked {
            if (currency == address(0)) {
                // Credited, not sent: a seller contract cannot revert or burn the buyer's gas. Fits:
                // the sum of credits is at most the ETH ever paid to this contract.
                if (price != royalty) _resaleProceeds[sale.seller] += price - royalty;
                if (msg.value > price) _sendEth(msg.sender, msg.value - price);
            } else {
                if (price != royalty) IERC20(currency).safeTransferFrom(msg.sender, sale.seller, price - royalty);
                if (royalty != 0) _pullExact(currency, msg.sender, royalty);
            }
        }
    }

    /// @inheritdoc IEventTickets
    function withdrawResaleProceeds() external nonReentrant returns (uint256 amount) {
        amount = _resaleProceeds[msg.sender];
        if (amount == 0) revert EventTicketsNothingToWithdraw(msg.sender);
        delete _resaleProceeds[msg.sender];
        emit ResaleProceedsWithdrawn(msg.sender, amount);
        _sendEth(msg.sender, amount);
    }

    /*//////////////////////////////////////////////////////////////
                                CHECK-IN
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IEventTickets
    function recordCheckIns(uint256[] calldata tokenIds) external onlyRole(GATE_ROLE) {
        _requireOpen(PauseSwitch.CheckIn);
        uint256 n = tokenIds.length;
        if (n == 0 || n > MAX_CHECKIN_BATCH) revert EventTicketsInvalidQuantity(n, MAX_CHECKIN_BATCH);
        uint256 recorded;
        uint256 lowest = type(uint256).max;
        uint256 highest;
        // Word of the bitmap held in memory; tokenId >> 8 < 2^248, so max is never a real word.
        uint256 word = type(uint256).max;
        uint256 bits;
        // Tier of the previous ticket and whether it is soulbound (already locked since mint); tier 0
        // never exists, so the first ticket always loads its tier.
        uint256 lastTier;
        bool soulbound;
        for (uint256 i = 0; i < n; ++i) {
            uint256 tokenId = tokenIds[i];
            if (_ownerOf(tokenId) == address(0)) {
                emit CheckInRejected(tokenId, CheckInRejection.NotFound);
                continue;
            }
            uint256 w = tokenId >> 8;
            if (w != word) {
                if (word != type(uint256).max) _checkIns[word] = bits;
                word = w;
                bits = _checkIns[w];
            }
            uint256 mask = 1 << (tokenId & 0xff);
            if (bits & mask != 0) {
                emit CheckInRejected(tokenId, CheckInRejection.Duplicate);
                continue;
            }
            bits |= mask;
            // Cannot overflow: recorded <= n <= MAX_CHECKIN_BATCH.
            unchecked {
                ++recorded;
            }
            if (tokenId < lowest) lowest = tokenId;
            if (tokenId > highest) highest = tokenId;
            uint256 tierId = tokenId / TOKEN_ID_TIER_FACTOR;
            if (tierId != lastTier) {
                lastTier = tierId;
                soulbound = _tiers[tierId].policy == TransferPolicy.Soulbound;
            }
            if (!soulbound) emit Locked(tokenId);
        }
        if (word != type(uint256).max) _checkIns[word] = bits;
        if (recorded != 0) emit BatchMetadataUpdate(lowest, highest);
        // Cannot underflow: recorded <= n.
        unchecked {
            emit CheckInsRecorded(msg.sender, recorded, n - recorded);
        }
    }

    /*//////////////////////////////////////////////////////////////
                                 VIEWS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IEventTickets
    function eventInfo() external view returns (EventInfo memory info) {
        info = EventInfo({
            start: _START,
            end: _END,
            gracePeriod: _GRACE,
            organiser: _ORGANISER,
            treasury: _treasury,
            royaltyBps: _ROYALTY_BPS,
            charityBps: _CHARITY_BPS,
            certificateVerifier: address(_VERIFIER),
            donationReceiver: address(_RECEIVER),
            charityCampaignId: _CAMPAIGN_ID,
            renderer: address(_RENDERER),
            splitter: address(_SPLITTER),
            passVerifier: address(_PASS_VERIFIER)
        });
    }

    /// @inheritdoc IEventTickets
    function tierCount() external view returns (uint256 count) {
        return _tierCount;
    }

    /// @inheritdoc IEventTickets
    function tier(uint256 tierId) external view returns (TierView memory view_) {
        Tier storage t = _tierOf(tierId);
        view_ = TierView({
            price: t.price,
            currency: t.currency,
            supply: t.supply,
            minted: t.minted,
            saleStart: t.saleStart,
            saleEnd: t.saleEnd,
            perWalletCap: t.perWalletCap,
            policy: t.policy,
            resaleCapBps: t.resaleCapBps,
            refundable: t.refundable,
            graduateOnly: t.graduateOnly,
            allowlistRoot: t.allowlistRoot,
            courseId: t.courseId
        });
    }

    /// @inheritdoc IEventTickets
    function ticket(uint256 tokenId) external view returns (uint256 tierId, uint256 pricePaid) {
        _requireOwned(tokenId);
        return (tokenId / TOKEN_ID_TIER_FACTOR, _pricePaid[tokenId]);
    }

    /// @inheritdoc IEventTickets
    function checkedIn(uint256 tokenId) external view returns (bool checkedIn_) {
        return _isCheckedIn(tokenId);
    }

    /// @inheritdoc IEventTickets
    function listing(uint256 tokenId) external view returns (Listing memory listing_) {
        listing_ = _listings[tokenId];
        if (listing_.seller != _ownerOf(tokenId)) listing_ = Listing({seller: address(0), price: 0});
    }

    /// @inheritdoc IEventTickets
    function resaleCap(uint256 tokenId) public view returns (uint256 cap) {
        uint256 tierId = tokenId / TOKEN_ID_TIER_FACTOR;
        return (_pricePaid[tokenId] * (BPS + _tiers[tierId].resaleCapBps)) / BPS;
    }

    /// @inheritdoc IEventTickets
    function purchasedBy(uint256 tierId, address wallet) external view returns (uint256 bought) {
        return _purchased[tierId][wallet];
    }

    /// @inheritdoc IEventTickets
    function escrowed(address currency) external view returns (uint256 held) {
        return _escrow[currency].held;
    }

    /// @inheritdoc IEventTickets
    function resaleProceeds(address seller) external view returns (uint256 amount) {
        return _resaleProceeds[seller];
    }

    /// @inheritdoc IEventTickets
    function refundLiability(address currency) external view returns (uint256 owed) {
        return _escrow[currency].owed;
    }

    /// @inheritdoc IEventTickets
    function cancelled() external view returns (bool cancelled_) {
        return _flags & _CANCELLED != 0;
    }

    /// @inheritdoc IEventTickets
    function paused(PauseSwitch what) external view returns (bool paused_) {
        return _flags & (1 << (uint256(what) + _PAUSE_SHIFT)) != 0;
    }

    /// @inheritdoc IEventTickets
    function currencyAllowed(address token) external view returns (bool allowed) {
        return _currencies[token];
    }

    /// @notice ERC-2981: the treasury receives `royaltyBps` of any sale price (marketplaces that
    ///         honour it; the built-in resale keeps the same share in escrow).
    /// @param salePrice The sale price.
    /// @return receiver The treasury.
    /// @return royaltyAmount The royalty, rounded down.
    function royaltyInfo(uint256, uint256 salePrice) external view returns (address receiver, uint256 royaltyAmount) {
        return (_treasury, (salePrice * _ROYALTY_BPS) / BPS);
    }

    /// @inheritdoc IERC5192
    function locked(uint256 tokenId) external view returns (bool isLocked) {
        _requireOwned(tokenId);
        return _isCheckedIn(tokenId) || _tiers[tokenId / TOKEN_ID_TIER_FACTOR].policy == TransferPolicy.Soulbound;
    }

    /// @notice On-chain JSON metadata: event, tier, status (valid / checked in / refunded), image.
    /// @param tokenId The ticket; a refunded ticket still renders with status "refunded".
    /// @return uri A `data:application/json;base64,…` URI.
    function tokenURI(uint256 tokenId) public view override returns (string memory uri) {
        uint256 tierId = tokenId / TOKEN_ID_TIER_FACTOR;
        uint256 serial = tokenId % TOKEN_ID_TIER_FACTOR;
        if (serial == 0 || serial > _tiers[tierId].minted) revert EventTicketsTicketNotFound(tokenId);
        TicketMetadataRenderer.Status status =
            _ownerOf(tokenId) == address(0)
                ? TicketMetadataRenderer.Status.Refunded
                : _isCheckedIn(tokenId)
                    ? TicketMetadataRenderer.Status.CheckedIn
                    : TicketMetadataRenderer.Status.Valid;
        return _RENDERER.render(tokenId, tierId, serial, _START, _END, status);
    }

    /// @notice ERC-165: ERC-721, ERC-2981, ERC-4906, ERC-5192 and AccessControl.
    /// @param interfaceId The interface.
    /// @return supported Whether supported.
    function supportsInterface(
        bytes4 interfaceId
    ) public view override(ERC721, AccessControl, IERC165) returns (bool supported) {
        return
            interfaceId == type(IERC5192).interfaceId ||
            interfaceId == type(IERC2981).interfaceId ||
            interfaceId == bytes4(0x49064906) ||
            super.supportsInterface(interfaceId);
    }

    /*//////////////////////////////////////////////////////////////
                               INTERNALS
    //////////////////////////////////////////////////////////////*/

    /// @dev The single point every mint, transfer and burn passes: a transfer (not a mint or a
    ///      burn) of a checked-in ticket, of a soulbound ticket, or of a resale-only ticket outside
    ///      `buyListing` reverts, and a transfer voids the ticket's listing. A burned (refunded)
    ///      ticket's listing needs no write: a listing only counts while its seller holds the ticket.
    function _update(address to, uint256 tokenId, address auth) internal override returns (address from) {
        from = super._update(to, tokenId, auth);
        if (from != address(0) && to != address(0)) {
            if (_isCheckedIn(tokenId)) revert EventTicketsTicketCheckedIn(tokenId);
            TransferPolicy policy = _tiers[tokenId / TOKEN_ID_TIER_FACTOR].policy;
            if (policy == TransferPolicy.Soulbound || (policy == TransferPolicy.ResaleOnly && !_inResale)) {
                revert EventTicketsTransferNotAllowed(tokenId, policy);
            }
            if (_listings[tokenId].seller != address(0)) delete _listings[tokenId];
        }
    }

    function _requireOpen(PauseSwitch what) private view {
        uint256 flags = _flags;
        if (flags & _CANCELLED != 0) revert EventTicketsEventCancelled();
        if (flags & (1 << (uint256(what) + _PAUSE_SHIFT)) != 0) revert EventTicketsPaused(what);
    }

    /// @dev Every tier has a supply of at least 1, so a zero supply means "no such tier"; this reads
    ///      the slot a purchase needs anyway instead of the tier count.
    function _tierOf(uint256 tierId) private view returns (Tier storage t) {
        t = _tiers[tierId];
        if (t.supply == 0) revert EventTicketsUnknownTier(tierId);
    }

    function _checkEligibility(Tier storage t, uint256 tierId, bytes32[] calldata proof) private view {
        if (t.hasAllowlist) {
            bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(msg.sender))));
            if (!MerkleProof.verifyCalldata(proof, t.allowlistRoot, leaf)) {
                revert EventTicketsNotAllowlisted(tierId, msg.sender);
            }
        }
        if (t.graduateOnly) {
            uint256 courseId = t.courseId;
            if (!_VERIFIER.hasValidCertificate(msg.sender, courseId)) {
                revert EventTicketsCertificateRequired(tierId, msg.sender, courseId);
            }
        }
    }

    function _reserve(Tier storage t, uint256 tierId, uint256 quantity) private returns (uint256 firstTokenId) {
        uint256 minted = t.minted;
        uint256 remaining = t.supply - minted;
        if (quantity > remaining) revert EventTicketsSoldOut(tierId, quantity, remaining);
        // Fits: minted + quantity <= supply <= MAX_TIER_SUPPLY.
        t.minted = uint32(minted + quantity);
        firstTokenId = tierId * TOKEN_ID_TIER_FACTOR + minted + 1;
    }

    function _isCheckedIn(uint256 tokenId) private view returns (bool) {
        return _checkIns[tokenId >> 8] & (1 << (tokenId & 0xff)) != 0;
    }

    /// @dev Pulls exactly `amount` of an ERC-20; a shortfall (fee-on-transfer) reverts.
    function _pullExact(address currency, address from, uint256 amount) private {
        IERC20 token = IERC20(currency);
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(from, address(this), amount);
        uint256 received = token.balanceOf(address(this)) - before;
        if (received != amount) revert EventTicketsTokenFeeUnsupported(amount, received);
    }

    /// @dev Only `refund` pays through here, always a non-zero price paid.
    function _pay(address currency, address to, uint256 amount) private {
        if (currency == address(0)) _sendEth(to, amount);
        else IERC20(currency).safeTransfer(to, amount);
    }

    function _sendEth(address to, uint256 amount) private {
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, ) = payable(to).call{value: amount}("");
        if (!ok) revert EventTicketsPaymentFailed(to, amount);
    }
}
