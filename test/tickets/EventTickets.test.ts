import { expect } from "chai";
import { ZeroAddress, parseEther } from "ethers";
import { network } from "hardhat";

import {
  EventTickets__factory,
  TicketMetadataRenderer__factory,
  TicketPassVerifier__factory,
  TicketProceedsSplitter__factory,
} from "../../typechain-types/index.js";
import {
  CAMPAIGN_ID,
  COURSE_ID,
  DAY,
  GRACE,
  NO_PROOF,
  PRICE,
  Pause,
  Policy,
  TIER,
  deployEvent,
  tierConfig,
} from "./fixture.js";

const { ethers, networkHelpers } = await network.create();

async function eventFixture() {
  return deployEvent(ethers, networkHelpers);
}

const PassStatus = {
  Valid: 0n,
  Expired: 1n,
  UnknownTicket: 2n,
  AlreadyCheckedIn: 3n,
  BadSignature: 4n,
  EventCancelled: 5n,
};

describe("EventTickets", () => {
  describe("deployment and tiers", () => {
    it("rejects zero addresses, a bad schedule and too high shares", async () => {
      const { admin } = await networkHelpers.loadFixture(eventFixture);
      const factory = new EventTickets__factory(admin);
      const now = BigInt(await networkHelpers.time.latest());
      const base = {
        name: "E",
        symbol: "E",
        venue: "V",
        start: now + DAY,
        end: now + 2n * DAY,
        gracePeriod: GRACE,
        organiser: admin.address,
        treasury: admin.address,
        admin: admin.address,
        royaltyBps: 500,
        charityBps: 1_000,
        certificateVerifier: ZeroAddress,
        donationReceiver: ZeroAddress,
        charityCampaignId: 0,
      };
      await expect(factory.deploy({ ...base, treasury: ZeroAddress })).to.be.revertedWithCustomError(
        factory,
        "EventTicketsZeroAddress",
      );
      await expect(factory.deploy({ ...base, end: base.start })).to.be.revertedWithCustomError(
        factory,
        "EventTicketsInvalidSchedule",
      );
      await expect(factory.deploy({ ...base, royaltyBps: 2_501 }))
        .to.be.revertedWithCustomError(factory, "EventTicketsBpsTooHigh")
        .withArgs(2_501, 2_500);
      await expect(factory.deploy({ ...base, charityBps: 10_001 }))
        .to.be.revertedWithCustomError(factory, "EventTicketsBpsTooHigh")
        .withArgs(10_001, 10_000);
      const noVerifier = EventTickets__factory.connect(await (await factory.deploy(base)).getAddress(), admin);
      await expect(
        noVerifier.addTier(tierConfig({ saleStart: now, saleEnd: now + DAY, graduateOnly: true })),
      ).to.be.revertedWithCustomError(noVerifier, "EventTicketsNoCertificateVerifier");
    });

    it("validates tier input and stores the tier", async () => {
      const { tickets, organiser, now } = await networkHelpers.loadFixture(eventFixture);
      const org = tickets.connect(organiser);
      const w = { saleStart: now, saleEnd: now + DAY };
      await expect(org.addTier(tierConfig({ ...w, supply: 0 })))
        .to.be.revertedWithCustomError(tickets, "EventTicketsInvalidTierSupply")
        .withArgs(0);
      await expect(org.addTier(tierConfig({ ...w, supply: 1_000_000 }))).to.be.revertedWithCustomError(
        tickets,
        "EventTicketsInvalidTierSupply",
      );
      await expect(org.addTier(tierConfig({ saleStart: now, saleEnd: now })))
        .to.be.revertedWithCustomError(tickets, "EventTicketsInvalidSaleWindow")
        .withArgs(now, now);
      await expect(org.addTier(tierConfig({ ...w, currency: organiser.address })))
        .to.be.revertedWithCustomError(tickets, "EventTicketsCurrencyNotAllowed")
        .withArgs(organiser.address);
      await expect(org.addTier(tierConfig({ ...w, resaleCapBps: 10_001 }))).to.be.revertedWithCustomError(
        tickets,
        "EventTicketsBpsTooHigh",
      );
      await expect(tickets.addTier(tierConfig(w))).to.be.revertedWithCustomError(
        tickets,
        "AccessControlUnauthorizedAccount",
      );
      await expect(org.addTier(tierConfig(w)))
        .to.emit(tickets, "TierAdded")
        .withArgs(7n, ZeroAddress, PRICE.GA, 100n);
      const tier = await tickets.tier(TIER.RESALE);
      expect(tier.policy).to.equal(BigInt(Policy.ResaleOnly));
      expect(tier.perWalletCap).to.equal(2n);
      await expect(tickets.tier(99)).to.be.revertedWithCustomError(tickets, "EventTicketsUnknownTier").withArgs(99);
      for (let i = 8; i <= 64; i += 1) await org.addTier(tierConfig(w));
      await expect(org.addTier(tierConfig(w)))
        .to.be.revertedWithCustomError(tickets, "EventTicketsTooManyTiers")
        .withArgs(64);
    });

    it("lets only the admin allow currencies, pause and change the treasury", async () => {
      const { tickets, alice } = await networkHelpers.loadFixture(eventFixture);
      await expect(tickets.setCurrencyAllowed(ZeroAddress, true)).to.be.revertedWithCustomError(
        tickets,
        "EventTicketsZeroAddress",
      );
      await expect(tickets.setTreasury(ZeroAddress)).to.be.revertedWithCustomError(tickets, "EventTicketsZeroAddress");
      await expect(tickets.setTreasury(alice.address)).to.emit(tickets, "TreasuryChanged").withArgs(alice.address);
      expect((await tickets.royaltyInfo(1_000_001, 1_000n))[0]).to.equal(alice.address);
      expect((await tickets.royaltyInfo(1_000_001, 1_000n))[1]).to.equal(50n);
      await expect(tickets.connect(alice).setPaused(Pause.Sales, true)).to.be.revertedWithCustomError(
        tickets,
        "AccessControlUnauthorizedAccount",
      );
      await expect(tickets.setPaused(Pause.Sales, true)).to.emit(tickets, "PauseSet").withArgs(Pause.Sales, true);
      expect(await tickets.paused(Pause.Sales)).to.equal(true);
      expect(await tickets.paused(Pause.Resale)).to.equal(false);
    });

    it("supports ERC-721, ERC-2981, ERC-4906, ERC-5192 and AccessControl", async () => {
      const { tickets } = await networkHelpers.loadFixture(eventFixture);
      for (const id of ["0x80ac58cd", "0x2a55205a", "0x49064906", "0xb45a3c0e", "0x7965db0b", "0x01ffc9a7"]) {
        expect(await tickets.supportsInterface(id)).to.equal(true, id);
      }
    });
  });

  describe("buying", () => {
    it("mints with exact ETH, returns the excess and records the price paid", async () => {
      const { tickets, alice } = await networkHelpers.loadFixture(eventFixture);
      const tx = tickets.connect(alice).buy(TIER.GA, 2, PRICE.GA, NO_PROOF, { value: PRICE.GA * 3n });
      await expect(tx).to.emit(tickets, "TicketsPurchased").withArgs(alice.address, TIER.GA, 1_000_001n, 2n, PRICE.GA);
      await expect(tx).to.changeEtherBalances(ethers, [alice, tickets], [-PRICE.GA * 2n, PRICE.GA * 2n]);
      expect(await tickets.ownerOf(1_000_002n)).to.equal(alice.address);
      expect(await tickets.ticket(1_000_002n)).to.deep.equal([TIER.GA, PRICE.GA]);
      expect(await tickets.escrowed(ZeroAddress)).to.equal(PRICE.GA * 2n);
      expect(await tickets.refundLiability(ZeroAddress)).to.equal(PRICE.GA * 2n);
    });

    it("rejects too little ETH, ETH with an ERC-20 tier and bad quantities", async () => {
      const { tickets, alice } = await networkHelpers.loadFixture(eventFixture);
      await expect(tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA, NO_PROOF, { value: PRICE.GA - 1n }))
        .to.be.revertedWithCustomError(tickets, "EventTicketsIncorrectPayment")
        .withArgs(PRICE.GA, PRICE.GA - 1n);
      await expect(tickets.connect(alice).buy(TIER.TOKEN, 1, PRICE.TOKEN, NO_PROOF, { value: 1n }))
        .to.be.revertedWithCustomError(tickets, "EventTicketsIncorrectPayment")
        .withArgs(0, 1n);
      await expect(tickets.connect(alice).buy(TIER.GA, 0, PRICE.GA, NO_PROOF))
        .to.be.revertedWithCustomError(tickets, "EventTicketsInvalidQuantity")
        .withArgs(0, 20);
      await expect(tickets.connect(alice).buy(TIER.GA, 21, PRICE.GA, NO_PROOF)).to.be.revertedWithCustomError(
        tickets,
        "EventTicketsInvalidQuantity",
      );
      await expect(tickets.connect(alice).buy(42, 1, PRICE.GA, NO_PROOF))
        .to.be.revertedWithCustomError(tickets, "EventTicketsUnknownTier")
        .withArgs(42);
    });

    it("honours maxPrice, the sale window, pauses and cancellation", async () => {
      const { tickets, organiser, alice, start } = await networkHelpers.loadFixture(eventFixture);
      await tickets.connect(organiser).setTierPrice(TIER.GA, PRICE.GA * 2n);
      await expect(tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA, NO_PROOF, { value: PRICE.GA * 2n }))
        .to.be.revertedWithCustomError(tickets, "EventTicketsPriceAboveMax")
        .withArgs(PRICE.GA * 2n, PRICE.GA);
      await tickets.setPaused(Pause.Sales, true);
      await expect(tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA * 2n, NO_PROOF, { value: PRICE.GA * 2n }))
        .to.be.revertedWithCustomError(tickets, "EventTicketsPaused")
        .withArgs(Pause.Sales);
      await tickets.setPaused(Pause.Sales, false);
      await networkHelpers.time.increaseTo(start);
      await expect(
        tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA * 2n, NO_PROOF, { value: PRICE.GA * 2n }),
      ).to.be.revertedWithCustomError(tickets, "EventTicketsSaleNotOpen");
      await tickets.connect(organiser).cancel();
      await expect(
        tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA * 2n, NO_PROOF, { value: PRICE.GA * 2n }),
      ).to.be.revertedWithCustomError(tickets, "EventTicketsEventCancelled");
    });

    it("enforces the supply cap and the per-wallet cap counting purchases, not balance", async () => {
      const { tickets, alice, bob, carol } = await networkHelpers.loadFixture(eventFixture);
      await tickets.connect(alice).buy(TIER.RESALE, 2, PRICE.RESALE, NO_PROOF, { value: PRICE.RESALE * 2n });
      await expect(tickets.connect(alice).buy(TIER.RESALE, 1, PRICE.RESALE, NO_PROOF, { value: PRICE.RESALE }))
        .to.be.revertedWithCustomError(tickets, "EventTicketsWalletCapExceeded")
        .withArgs(TIER.RESALE, alice.address, 2, 2);
      expect(await tickets.purchasedBy(TIER.RESALE, alice.address)).to.equal(2n);
      await expect(tickets.connect(bob).buy(TIER.RESALE, 2, PRICE.RESALE, NO_PROOF, { value: PRICE.RESALE * 2n }))
        .to.be.revertedWithCustomError(tickets, "EventTicketsSoldOut")
        .withArgs(TIER.RESALE, 2, 1);
      await tickets.connect(bob).buy(TIER.RESALE, 1, PRICE.RESALE, NO_PROOF, { value: PRICE.RESALE });
      await expect(
        tickets.connect(carol).buy(TIER.RESALE, 1, PRICE.RESALE, NO_PROOF, { value: PRICE.RESALE }),
      ).to.be.revertedWithCustomError(tickets, "EventTicketsSoldOut");
    });

    it("sells an allowlisted tier only with a valid proof", async () => {
      const { tickets, tree, alice, bob } = await networkHelpers.loadFixture(eventFixture);
      const proof = tree.getProof([alice.address]);
      await expect(tickets.connect(bob).buy(TIER.ALLOWLIST, 1, PRICE.ALLOWLIST, proof, { value: PRICE.ALLOWLIST }))
        .to.be.revertedWithCustomError(tickets, "EventTicketsNotAllowlisted")
        .withArgs(TIER.ALLOWLIST, bob.address);
      await expect(
        tickets.connect(alice).buy(TIER.ALLOWLIST, 1, PRICE.ALLOWLIST, proof, { value: PRICE.ALLOWLIST }),
      ).to.emit(tickets, "TicketsPurchased");
    });

    it("sells a graduate tier only to holders of a valid certificate", async () => {
      const { tickets, verifier, alice } = await networkHelpers.loadFixture(eventFixture);
      const buy = () =>
        tickets.connect(alice).buy(TIER.GRADUATE, 1, PRICE.GRADUATE, NO_PROOF, { value: PRICE.GRADUATE });
      await expect(buy())
        .to.be.revertedWithCustomError(tickets, "EventTicketsCertificateRequired")
        .withArgs(TIER.GRADUATE, alice.address, COURSE_ID);
      await verifier.setValid(alice.address, COURSE_ID, true);
      await expect(buy()).to.emit(tickets, "TicketsPurchased");
    });

    it("takes ERC-20 payment through SafeERC20 and rejects fee-on-transfer shortfalls", async () => {
      const { tickets, token, organiser, alice, now, start } = await networkHelpers.loadFixture(eventFixture);
      await token.connect(alice).approve(await tickets.getAddress(), PRICE.TOKEN * 2n);
      await expect(tickets.connect(alice).buy(TIER.TOKEN, 2, PRICE.TOKEN, NO_PROOF)).to.changeTokenBalances(
        ethers,
        token,
        [alice, tickets],
        [-PRICE.TOKEN * 2n, PRICE.TOKEN * 2n],
      );
      expect(await tickets.escrowed(await token.getAddress())).to.equal(PRICE.TOKEN * 2n);
      const fee = await ethers.deployContract("FeeOnTransferToken", [100]);
      await tickets.setCurrencyAllowed(await fee.getAddress(), true);
      await tickets
        .connect(organiser)
        .addTier(tierConfig({ saleStart: now, saleEnd: start, price: 1_000n, currency: await fee.getAddress() }));
      await fee.mint(alice.address, 10_000n);
      await fee.connect(alice).approve(await tickets.getAddress(), 10_000n);
      await expect(tickets.connect(alice).buy(7, 1, 1_000n, NO_PROOF))
        .to.be.revertedWithCustomError(tickets, "EventTicketsTokenFeeUnsupported")
        .withArgs(1_000n, 990n);
      const falsy = await ethers.deployContract("FalseReturningToken");
      await tickets.setCurrencyAllowed(await falsy.getAddress(), true);
      await tickets
        .connect(organiser)
        .addTier(tierConfig({ saleStart: now, saleEnd: start, price: 1_000n, currency: await falsy.getAddress() }));
      await expect(tickets.connect(alice).buy(8, 1, 1_000n, NO_PROOF)).to.be.revertedWithCustomError(
        tickets,
        "SafeERC20FailedOperation",
      );
    });

    it("lets only one of two racing buyers get the last ticket", async () => {
      const { tickets, alice, bob, carol } = await networkHelpers.loadFixture(eventFixture);
      await tickets.connect(carol).buy(TIER.RESALE, 2, PRICE.RESALE, NO_PROOF, { value: PRICE.RESALE * 2n });
      await ethers.provider.send("evm_setAutomine", [false]);
      try {
        const a = await tickets
          .connect(alice)
          .buy(TIER.RESALE, 1, PRICE.RESALE, NO_PROOF, { value: PRICE.RESALE, gasLimit: 300_000 });
        const b = await tickets
          .connect(bob)
          .buy(TIER.RESALE, 1, PRICE.RESALE, NO_PROOF, { value: PRICE.RESALE, gasLimit: 300_000 });
        await ethers.provider.send("evm_mine", []);
        const receipts = await Promise.all([a, b].map((tx) => ethers.provider.getTransactionReceipt(tx.hash)));
        expect(receipts.map((r) => r?.status)).to.have.members([1, 0]);
      } finally {
        await ethers.provider.send("evm_setAutomine", [true]);
      }
      expect((await tickets.tier(TIER.RESALE)).minted).to.equal(3n);
    });

    it("stops a reentrant buyer from minting past the wallet cap via excess ETH or onERC721Received", async () => {
      const { tickets, organiser, now, start } = await networkHelpers.loadFixture(eventFixture);
      await tickets
        .connect(organiser)
        .addTier(tierConfig({ saleStart: now, saleEnd: start, price: PRICE.GA, supply: 5, perWalletCap: 1 }));
      const selector = tickets.interface.getError("ReentrancyGuardReentrantCall")?.selector;
      // Attack 1: from onERC721Received; attack 3: from the excess ETH returned.
      for (const [attack, minted] of [
        [1, 1n],
        [3, 2n],
      ] as const) {
        const attacker = await ethers.deployContract("TicketsReentrantBuyer", [await tickets.getAddress()]);
        await attacker.configure(attack, 7, 0);
        await attacker.buy(1, PRICE.GA, { value: PRICE.GA * 3n });
        expect(await attacker.attempted()).to.equal(true);
        expect(await attacker.nestedSucceeded()).to.equal(false);
        expect(await attacker.nestedError()).to.equal(selector);
        expect(await tickets.balanceOf(await attacker.getAddress())).to.equal(1n);
        expect(await tickets.purchasedBy(7, await attacker.getAddress())).to.equal(1n);
        expect((await tickets.tier(7)).minted).to.equal(minted);
      }
    });
  });

  describe("airdrops", () => {
    it("mints comps for the minter role, counted against the cap", async () => {
      const { tickets, minter, alice, bob } = await networkHelpers.loadFixture(eventFixture);
      await expect(tickets.connect(alice).airdrop(TIER.GA, [alice.address])).to.be.revertedWithCustomError(
        tickets,
        "AccessControlUnauthorizedAccount",
      );
      await expect(tickets.connect(minter).airdrop(TIER.GA, []))
        .to.be.revertedWithCustomError(tickets, "EventTicketsInvalidQuantity")
        .withArgs(0, 300);
      await expect(
        tickets.connect(minter).airdrop(TIER.RESALE, [alice.address, bob.address, alice.address, bob.address]),
      )
        .to.be.revertedWithCustomError(tickets, "EventTicketsSoldOut")
        .withArgs(TIER.RESALE, 4, 3);
      await expect(tickets.connect(minter).airdrop(TIER.SOULBOUND, [alice.address, bob.address]))
        .to.emit(tickets, "TicketsAirdropped")
        .withArgs(minter.address, TIER.SOULBOUND, 3_000_001n, 2n)
        .and.to.emit(tickets, "Locked")
        .withArgs(3_000_002n);
      expect(await tickets.ticket(3_000_001n)).to.deep.equal([TIER.SOULBOUND, 0n]);
      expect(await tickets.locked(3_000_001n)).to.equal(true);
    });
  });

  describe("transfer policy", () => {
    it("keeps soulbound and resale-only tickets from moving by any transfer path", async () => {
      const { tickets, alice, bob, carol } = await networkHelpers.loadFixture(eventFixture);
      await tickets.connect(alice).buy(TIER.SOULBOUND, 1, PRICE.SOULBOUND, NO_PROOF, { value: PRICE.SOULBOUND });
      await tickets.connect(alice).buy(TIER.RESALE, 1, PRICE.RESALE, NO_PROOF, { value: PRICE.RESALE });
      await tickets.connect(alice).setApprovalForAll(carol.address, true);
      for (const [tokenId, policy] of [
        [3_000_001n, Policy.Soulbound],
        [2_000_001n, Policy.ResaleOnly],
      ] as const) {
        await expect(tickets.connect(alice).transferFrom(alice.address, bob.address, tokenId))
          .to.be.revertedWithCustomError(tickets, "EventTicketsTransferNotAllowed")
          .withArgs(tokenId, policy);
        await expect(
          tickets.connect(alice)["safeTransferFrom(address,address,uint256)"](alice.address, bob.address, tokenId),
        ).to.be.revertedWithCustomError(tickets, "EventTicketsTransferNotAllowed");
        await expect(
          tickets.connect(alice).getFunction("safeTransferFrom(address,address,uint256,bytes)")(
            alice.address,
            bob.address,
            tokenId,
            "0x",
          ),
        ).to.be.revertedWithCustomError(tickets, "EventTicketsTransferNotAllowed");
        await expect(
          tickets.connect(carol).transferFrom(alice.address, bob.address, tokenId),
        ).to.be.revertedWithCustomError(tickets, "EventTicketsTransferNotAllowed");
      }
      expect(await tickets.locked(3_000_001n)).to.equal(true);
      expect(await tickets.locked(2_000_001n)).to.equal(false);
    });

    it("lets free tickets move and voids their listing when they do", async () => {
      const { tickets, alice, bob } = await networkHelpers.loadFixture(eventFixture);
      await tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA, NO_PROOF, { value: PRICE.GA });
      await tickets.connect(alice).listForResale(1_000_001n, PRICE.GA);
      await tickets.connect(alice).transferFrom(alice.address, bob.address, 1_000_001n);
      expect((await tickets.listing(1_000_001n)).seller).to.equal(ZeroAddress);
      await expect(tickets.buyListing(1_000_001n, PRICE.GA, { value: PRICE.GA }))
        .to.be.revertedWithCustomError(tickets, "EventTicketsNotListed")
        .withArgs(1_000_001n);
    });
  });

  describe("check-in", () => {
    async function checkedInFixture() {
      const f = await eventFixture();
      await f.tickets.connect(f.alice).buy(TIER.GA, 2, PRICE.GA, NO_PROOF, { value: PRICE.GA * 2n });
      await f.tickets.connect(f.alice).buy(TIER.RESALE, 1, PRICE.RESALE, NO_PROOF, { value: PRICE.RESALE });
      await f.tickets.connect(f.alice).listForResale(1_000_001n, PRICE.GA);
      return f;
    }

    it("records a batch, reports duplicates and missing tickets by event and locks the tickets", async () => {
      const { tickets, gate } = await networkHelpers.loadFixture(checkedInFixture);
      const tx = tickets.connect(gate).recordCheckIns([1_000_001n, 1_000_001n, 9_000_001n, 2_000_001n]);
      await expect(tx).to.emit(tickets, "CheckInRejected").withArgs(1_000_001n, 0);
      await expect(tx).to.emit(tickets, "CheckInRejected").withArgs(9_000_001n, 1);
      await expect(tx).to.emit(tickets, "Locked").withArgs(2_000_001n);
      await expect(tx).to.emit(tickets, "BatchMetadataUpdate").withArgs(1_000_001n, 2_000_001n);
      await expect(tx).to.emit(tickets, "CheckInsRecorded").withArgs(gate.address, 2n, 2n);
      expect(await tickets.checkedIn(1_000_001n)).to.equal(true);
      expect(await tickets.checkedIn(1_000_002n)).to.equal(false);
      expect(await tickets.locked(1_000_001n)).to.equal(true);
      await expect(tickets.connect(gate).recordCheckIns([1_000_001n]))
        .to.emit(tickets, "CheckInRejected")
        .withArgs(1_000_001n, 0);
    });

    it("does not emit Locked again for a soulbound ticket, which is locked from mint", async () => {
      const { tickets, gate, alice } = await networkHelpers.loadFixture(checkedInFixture);
      await tickets.connect(alice).buy(TIER.SOULBOUND, 1, PRICE.SOULBOUND, NO_PROOF, { value: PRICE.SOULBOUND });
      const tx = tickets.connect(gate).recordCheckIns([3_000_001n]);
      await expect(tx).to.emit(tickets, "CheckInsRecorded").withArgs(gate.address, 1n, 0n);
      await expect(tx).to.not.emit(tickets, "Locked");
      expect(await tickets.checkedIn(3_000_001n)).to.equal(true);
    });

    it("rejects empty or oversized batches, non-gates and a paused check-in", async () => {
      const { tickets, gate, alice } = await networkHelpers.loadFixture(checkedInFixture);
      await expect(tickets.connect(gate).recordCheckIns([]))
        .to.be.revertedWithCustomError(tickets, "EventTicketsInvalidQuantity")
        .withArgs(0, 500);
      await expect(
        tickets.connect(gate).recordCheckIns(Array.from({ length: 501 }, (_, i) => BigInt(1_000_001 + i))),
      ).to.be.revertedWithCustomError(tickets, "EventTicketsInvalidQuantity");
      await expect(tickets.connect(alice).recordCheckIns([1_000_001n])).to.be.revertedWithCustomError(
        tickets,
        "AccessControlUnauthorizedAccount",
      );
      await tickets.setPaused(Pause.CheckIn, true);
      await expect(tickets.connect(gate).recordCheckIns([1_000_001n]))
        .to.be.revertedWithCustomError(tickets, "EventTicketsPaused")
        .withArgs(Pause.CheckIn);
    });

    it("makes a checked-in ticket impossible to transfer, refund, list or buy from a listing", async () => {
      const { tickets, organiser, gate, alice, bob } = await networkHelpers.loadFixture(checkedInFixture);
      await tickets.connect(gate).recordCheckIns([1_000_001n, 1_000_002n]);
      await expect(tickets.connect(alice).transferFrom(alice.address, bob.address, 1_000_002n))
        .to.be.revertedWithCustomError(tickets, "EventTicketsTicketCheckedIn")
        .withArgs(1_000_002n);
      await expect(
        tickets.connect(alice)["safeTransferFrom(address,address,uint256)"](alice.address, bob.address, 1_000_002n),
      ).to.be.revertedWithCustomError(tickets, "EventTicketsTicketCheckedIn");
      await expect(tickets.connect(alice).listForResale(1_000_002n, PRICE.GA))
        .to.be.revertedWithCustomError(tickets, "EventTicketsTicketCheckedIn")
        .withArgs(1_000_002n);
      await expect(tickets.connect(bob).buyListing(1_000_001n, PRICE.GA, { value: PRICE.GA }))
        .to.be.revertedWithCustomError(tickets, "EventTicketsTicketCheckedIn")
        .withArgs(1_000_001n);
      await tickets.connect(organiser).cancel();
      await expect(tickets.connect(alice).refund(1_000_002n))
        .to.be.revertedWithCustomError(tickets, "EventTicketsTicketCheckedIn")
        .withArgs(1_000_002n);
    });

    it("verifies passes: holder, expiry, contract, chain and contract wallets", async () => {
      const { tickets, gate, alice, bob } = await networkHelpers.loadFixture(checkedInFixture);
      const verifierAddress = (await tickets.eventInfo()).passVerifier;
      const verifier = TicketPassVerifier__factory.connect(verifierAddress, alice);
      const chainId = (await ethers.provider.getNetwork()).chainId;
      const now = BigInt(await networkHelpers.time.latest());
      const validUntil = now + 300n;
      const types = {
        CheckIn: [
          { name: "tickets", type: "address" },
          { name: "tokenId", type: "uint256" },
          { name: "validUntil", type: "uint64" },
        ],
      };
      const domain = { name: "EventTickets", version: "1", chainId, verifyingContract: await tickets.getAddress() };
      const message = { tickets: await tickets.getAddress(), tokenId: 1_000_002n, validUntil };
      const good = await alice.signTypedData(domain, types, message);
      expect(await verifier.passDigest(1_000_002n, validUntil)).to.equal(
        ethers.TypedDataEncoder.hash(domain, types, message),
      );
      expect((await verifier.checkPass(1_000_002n, validUntil, good))[0]).to.equal(PassStatus.Valid);
      const byBob = await bob.signTypedData(domain, types, message);
      expect((await verifier.checkPass(1_000_002n, validUntil, byBob))[0]).to.equal(PassStatus.BadSignature);
      const otherChain = await alice.signTypedData({ ...domain, chainId: 97n }, types, message);
      expect((await verifier.checkPass(1_000_002n, validUntil, otherChain))[0]).to.equal(PassStatus.BadSignature);
      const otherContract = await alice.signTypedData({ ...domain, verifyingContract: bob.address }, types, {
        ...message,
        tickets: bob.address,
      });
      expect((await verifier.checkPass(1_000_002n, validUntil, otherContract))[0]).to.equal(PassStatus.BadSignature);
      expect((await verifier.checkPass(9_000_001n, validUntil, good))[0]).to.equal(PassStatus.UnknownTicket);
      await networkHelpers.time.increaseTo(validUntil + 1n);
      expect((await verifier.checkPass(1_000_002n, validUntil, good))[0]).to.equal(PassStatus.Expired);
      const later = validUntil + 600n;
      const fresh = await alice.signTypedData(domain, types, { ...message, validUntil: later });
      await tickets.connect(gate).recordCheckIns([1_000_002n]);
      expect((await verifier.checkPass(1_000_002n, later, fresh))[0]).to.equal(PassStatus.AlreadyCheckedIn);

      // A contract wallet (ERC-1271) holding a ticket.
      const wallet = await ethers.deployContract("ERC1271Wallet", [bob.address]);
      await tickets.connect(alice).transferFrom(alice.address, await wallet.getAddress(), 1_000_001n);
      const walletPass = await bob.signTypedData(domain, types, { ...message, tokenId: 1_000_001n, validUntil: later });
      expect((await verifier.checkPass(1_000_001n, later, walletPass))[0]).to.equal(PassStatus.Valid);
    });
  });

  describe("cancellation and refunds", () => {
    it("refunds exactly the price paid even after a price change, burning the ticket", async () => {
      const { tickets, organiser, alice } = await networkHelpers.loadFixture(eventFixture);
      await tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA, NO_PROOF, { value: PRICE.GA });
      await tickets.connect(organiser).setTierPrice(TIER.GA, PRICE.GA * 3n);
      await expect(tickets.connect(alice).refund(1_000_001n))
        .to.be.revertedWithCustomError(tickets, "EventTicketsNotRefundable")
        .withArgs(1_000_001n);
      await expect(tickets.connect(alice).cancel()).to.be.revertedWithCustomError(
        tickets,
        "AccessControlUnauthorizedAccount",
      );
      await expect(tickets.connect(organiser).cancel()).to.emit(tickets, "EventCancelled").withArgs(organiser.address);
      await expect(tickets.connect(organiser).cancel()).to.be.revertedWithCustomError(
        tickets,
        "EventTicketsCannotCancel",
      );
      const tx = tickets.connect(alice).refund(1_000_001n);
      await expect(tx).to.emit(tickets, "TicketRefunded").withArgs(1_000_001n, alice.address, ZeroAddress, PRICE.GA);
      await expect(tx).to.changeEtherBalances(ethers, [alice, tickets], [PRICE.GA, -PRICE.GA]);
      await expect(tickets.ownerOf(1_000_001n)).to.be.revertedWithCustomError(tickets, "ERC721NonexistentToken");
      await expect(tickets.connect(alice).refund(1_000_001n))
        .to.be.revertedWithCustomError(tickets, "EventTicketsNotTicketHolder")
        .withArgs(1_000_001n, alice.address);
      expect(await tickets.escrowed(ZeroAddress)).to.equal(0n);
    });

    it("refunds ERC-20 tickets and refuses comps and non-holders", async () => {
      const { tickets, token, organiser, minter, alice, bob } = await networkHelpers.loadFixture(eventFixture);
      await token.connect(alice).approve(await tickets.getAddress(), PRICE.TOKEN);
      await tickets.connect(alice).buy(TIER.TOKEN, 1, PRICE.TOKEN, NO_PROOF);
      await tickets.connect(minter).airdrop(TIER.GA, [bob.address]);
      await tickets.connect(organiser).cancel();
      await expect(tickets.connect(bob).refund(4_000_001n)).to.be.revertedWithCustomError(
        tickets,
        "EventTicketsNotTicketHolder",
      );
      await expect(tickets.connect(bob).refund(1_000_001n))
        .to.be.revertedWithCustomError(tickets, "EventTicketsNotRefundable")
        .withArgs(1_000_001n);
      await expect(tickets.connect(alice).refund(4_000_001n)).to.changeTokenBalances(
        ethers,
        token,
        [alice, tickets],
        [PRICE.TOKEN, -PRICE.TOKEN],
      );
    });

    it("lets holders of a refundable tier return tickets until the refund window closes", async () => {
      const { tickets, alice, start } = await networkHelpers.loadFixture(eventFixture);
      await tickets.connect(alice).buy(TIER.RESALE, 2, PRICE.RESALE, NO_PROOF, { value: PRICE.RESALE * 2n });
      await expect(tickets.connect(alice).refund(2_000_001n)).to.emit(tickets, "TicketRefunded");
      await networkHelpers.time.increaseTo(start - DAY + 1n);
      await expect(tickets.connect(alice).refund(2_000_002n)).to.be.revertedWithCustomError(
        tickets,
        "EventTicketsNotRefundable",
      );
    });

    it("cannot be cancelled after the end", async () => {
      const { tickets, organiser, end } = await networkHelpers.loadFixture(eventFixture);
      await networkHelpers.time.increaseTo(end);
      await expect(tickets.connect(organiser).cancel()).to.be.revertedWithCustomError(
        tickets,
        "EventTicketsCannotCancel",
      );
    });

    it("stops a reentrant holder from draining refunds", async () => {
      const { tickets, organiser, alice } = await networkHelpers.loadFixture(eventFixture);
      await tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA, NO_PROOF, { value: PRICE.GA });
      const attacker = await ethers.deployContract("TicketsReentrantBuyer", [await tickets.getAddress()]);
      await attacker.configure(0, TIER.GA, 0);
      await attacker.buy(2, PRICE.GA, { value: PRICE.GA * 2n });
      await tickets.connect(organiser).cancel();
      await attacker.configure(2, TIER.GA, 1_000_002n);
      const before = await ethers.provider.getBalance(await tickets.getAddress());
      await attacker.refund(1_000_002n);
      expect(await attacker.nestedSucceeded()).to.equal(false);
      expect(before - (await ethers.provider.getBalance(await tickets.getAddress()))).to.equal(PRICE.GA);
      expect(await tickets.escrowed(ZeroAddress)).to.equal(PRICE.GA * 2n);
      expect(await tickets.refundLiability(ZeroAddress)).to.equal(PRICE.GA * 2n);
    });

    it("keeps forced ETH out of the books", async () => {
      const { tickets, alice } = await networkHelpers.loadFixture(eventFixture);
      await tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA, NO_PROOF, { value: PRICE.GA });
      await ethers.deployContract("ForceEtherSender", [await tickets.getAddress()], { value: parseEther("1") });
      expect(await tickets.escrowed(ZeroAddress)).to.equal(PRICE.GA);
    });
  });

  describe("resale", () => {
    async function listedFixture() {
      const f = await eventFixture();
      await f.tickets.connect(f.alice).buy(TIER.RESALE, 1, PRICE.RESALE, NO_PROOF, { value: PRICE.RESALE });
      return f;
    }

    it("caps listings, credits the seller the price minus the royalty and keeps the royalty in escrow", async () => {
      const { tickets, alice, bob } = await networkHelpers.loadFixture(listedFixture);
      const cap = (PRICE.RESALE * 11_000n) / 10_000n;
      expect(await tickets.resaleCap(2_000_001n)).to.equal(cap);
      await expect(tickets.connect(alice).listForResale(2_000_001n, cap + 1n))
        .to.be.revertedWithCustomError(tickets, "EventTicketsResalePriceAboveCap")
        .withArgs(2_000_001n, cap + 1n, cap);
      await expect(tickets.connect(bob).listForResale(2_000_001n, cap))
        .to.be.revertedWithCustomError(tickets, "EventTicketsNotTicketHolder")
        .withArgs(2_000_001n, bob.address);
      await expect(tickets.connect(alice).listForResale(2_000_001n, cap))
        .to.emit(tickets, "ListingCreated")
        .withArgs(2_000_001n, alice.address, cap);
      await expect(tickets.connect(bob).buyListing(2_000_001n, cap - 1n, { value: cap }))
        .to.be.revertedWithCustomError(tickets, "EventTicketsPriceAboveMax")
        .withArgs(cap, cap - 1n);
      await expect(tickets.connect(bob).buyListing(2_000_001n, cap, { value: cap - 1n }))
        .to.be.revertedWithCustomError(tickets, "EventTicketsIncorrectPayment")
        .withArgs(cap, cap - 1n);
      const royalty = (cap * 500n) / 10_000n;
      const tx = tickets.connect(bob).buyListing(2_000_001n, cap, { value: cap + 5n });
      await expect(tx).to.emit(tickets, "ListingSold").withArgs(2_000_001n, alice.address, bob.address, cap, royalty);
      await expect(tx).to.changeEtherBalances(ethers, [alice, bob, tickets], [0n, -cap, cap]);
      expect(await tickets.ownerOf(2_000_001n)).to.equal(bob.address);
      expect(await tickets.escrowed(ZeroAddress)).to.equal(PRICE.RESALE + royalty);
      expect(await tickets.resaleProceeds(alice.address)).to.equal(cap - royalty);
      const withdrawal = tickets.connect(alice).withdrawResaleProceeds();
      await expect(withdrawal)
        .to.emit(tickets, "ResaleProceedsWithdrawn")
        .withArgs(alice.address, cap - royalty);
      await expect(withdrawal).to.changeEtherBalances(ethers, [alice, tickets], [cap - royalty, -(cap - royalty)]);
      expect(await tickets.resaleProceeds(alice.address)).to.equal(0n);
      await expect(tickets.connect(alice).withdrawResaleProceeds())
        .to.be.revertedWithCustomError(tickets, "EventTicketsNothingToWithdraw")
        .withArgs(alice.address);
      // The resale cap follows the price the original buyer paid, not the resale price.
      expect(await tickets.resaleCap(2_000_001n)).to.equal(cap);
    });

    it("cancels listings, refuses soulbound listings and honours the resale pause", async () => {
      const { tickets, alice, bob } = await networkHelpers.loadFixture(listedFixture);
      await tickets.connect(alice).buy(TIER.SOULBOUND, 1, PRICE.SOULBOUND, NO_PROOF, { value: PRICE.SOULBOUND });
      await expect(tickets.connect(alice).listForResale(3_000_001n, 1n))
        .to.be.revertedWithCustomError(tickets, "EventTicketsTransferNotAllowed")
        .withArgs(3_000_001n, Policy.Soulbound);
      await expect(tickets.connect(alice).cancelListing(2_000_001n))
        .to.be.revertedWithCustomError(tickets, "EventTicketsNotListed")
        .withArgs(2_000_001n);
      await tickets.connect(alice).listForResale(2_000_001n, PRICE.RESALE);
      await expect(tickets.connect(bob).cancelListing(2_000_001n)).to.be.revertedWithCustomError(
        tickets,
        "EventTicketsNotTicketHolder",
      );
      await tickets.setPaused(Pause.Resale, true);
      await expect(tickets.connect(bob).buyListing(2_000_001n, PRICE.RESALE, { value: PRICE.RESALE }))
        .to.be.revertedWithCustomError(tickets, "EventTicketsPaused")
        .withArgs(Pause.Resale);
      await expect(tickets.connect(alice).cancelListing(2_000_001n))
        .to.emit(tickets, "ListingCancelled")
        .withArgs(2_000_001n, alice.address);
    });

    it("sells ERC-20 listings and fails when the seller cannot receive ETH", async () => {
      const { tickets, token, alice, bob } = await networkHelpers.loadFixture(listedFixture);
      await token.connect(alice).approve(await tickets.getAddress(), PRICE.TOKEN);
      await tickets.connect(alice).buy(TIER.TOKEN, 1, PRICE.TOKEN, NO_PROOF);
      await tickets.connect(alice).listForResale(4_000_001n, PRICE.TOKEN);
      await token.connect(bob).approve(await tickets.getAddress(), PRICE.TOKEN);
      const royalty = (PRICE.TOKEN * 500n) / 10_000n;
      await expect(tickets.connect(bob).buyListing(4_000_001n, PRICE.TOKEN)).to.changeTokenBalances(
        ethers,
        token,
        [alice, bob, tickets],
        [PRICE.TOKEN - royalty, -PRICE.TOKEN, royalty],
      );
    });

    it("voids the listing of a refunded ticket", async () => {
      const { tickets, alice, bob } = await networkHelpers.loadFixture(listedFixture);
      await tickets.connect(alice).listForResale(2_000_001n, PRICE.RESALE);
      // The tier is refundable, so the holder may return the listed ticket before the event.
      await tickets.connect(alice).refund(2_000_001n);
      expect((await tickets.listing(2_000_001n)).seller).to.equal(ZeroAddress);
      await expect(tickets.connect(bob).buyListing(2_000_001n, PRICE.RESALE, { value: PRICE.RESALE }))
        .to.be.revertedWithCustomError(tickets, "EventTicketsNotListed")
        .withArgs(2_000_001n);
    });

    it("completes the purchase when the seller cannot receive ETH; only the seller's withdrawal fails", async () => {
      const { tickets, alice, bob } = await networkHelpers.loadFixture(listedFixture);
      await tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA, NO_PROOF, { value: PRICE.GA });
      // A contract wallet without a receive function lists its ticket.
      const wallet = await ethers.deployContract("WrongMagicWallet", ["0xffffffff"]);
      await tickets.connect(alice).transferFrom(alice.address, await wallet.getAddress(), 1_000_001n);
      await wallet.execute(
        await tickets.getAddress(),
        tickets.interface.encodeFunctionData("listForResale", [1_000_001n, PRICE.GA]),
      );
      const royalty = (PRICE.GA * 500n) / 10_000n;
      await tickets.connect(bob).buyListing(1_000_001n, PRICE.GA, { value: PRICE.GA });
      expect(await tickets.ownerOf(1_000_001n)).to.equal(bob.address);
      expect(await tickets.resaleProceeds(await wallet.getAddress())).to.equal(PRICE.GA - royalty);
      await expect(
        wallet.execute(await tickets.getAddress(), tickets.interface.encodeFunctionData("withdrawResaleProceeds")),
      )
        .to.be.revertedWithCustomError(tickets, "EventTicketsPaymentFailed")
        .withArgs(await wallet.getAddress(), PRICE.GA - royalty);
      expect(await tickets.resaleProceeds(await wallet.getAddress())).to.equal(PRICE.GA - royalty);
    });
  });

  describe("settlement", () => {
    async function soldFixture() {
      const f = await eventFixture();
      await f.tickets.connect(f.alice).buy(TIER.GA, 10, PRICE.GA, NO_PROOF, { value: PRICE.GA * 10n });
      await f.token.connect(f.alice).approve(await f.tickets.getAddress(), PRICE.TOKEN);
      await f.tickets.connect(f.alice).buy(TIER.TOKEN, 1, PRICE.TOKEN, NO_PROOF);
      return f;
    }

    it("reverts before end + grace, then donates the charity share and pays the treasury", async () => {
      const { tickets, receiver, organiser, treasury, end } = await networkHelpers.loadFixture(soldFixture);
      await expect(tickets.settle(ZeroAddress))
        .to.be.revertedWithCustomError(tickets, "EventTicketsSettlementNotOpen")
        .withArgs(end + GRACE);
      await networkHelpers.time.increaseTo(end + GRACE);
      const total = PRICE.GA * 10n;
      const share = total / 10n;
      const tx = tickets.settle(ZeroAddress);
      await expect(tx)
        .to.emit(tickets, "ProceedsSettled")
        .withArgs(ZeroAddress, share, total - share);
      await expect(tx).to.changeEtherBalances(ethers, [tickets, treasury, receiver], [-total, total - share, share]);
      expect(await receiver.contributions(CAMPAIGN_ID, organiser.address)).to.equal(share);
      await expect(tickets.settle(ZeroAddress))
        .to.be.revertedWithCustomError(tickets, "EventTicketsNothingToSettle")
        .withArgs(ZeroAddress);
    });

    it("sends the share to the treasury when the currency is not the campaign's or the donation reverts", async () => {
      const { tickets, receiver, token, treasury, end } = await networkHelpers.loadFixture(soldFixture);
      await networkHelpers.time.increaseTo(end + GRACE);
      const share = PRICE.TOKEN / 10n;
      await expect(tickets.settle(await token.getAddress()))
        .to.emit(tickets, "DonationSkipped")
        .withArgs(await token.getAddress(), share);
      expect(await token.balanceOf(treasury.address)).to.equal(PRICE.TOKEN);
      await receiver.setRefusing(true);
      const total = PRICE.GA * 10n;
      const tx = tickets.settle(ZeroAddress);
      await expect(tx)
        .to.emit(tickets, "DonationSkipped")
        .withArgs(ZeroAddress, total / 10n);
      await expect(tx).to.changeEtherBalance(ethers, treasury, total);
    });

    it("donates ERC-20 proceeds to an ERC-20 campaign", async () => {
      const f = await networkHelpers.loadFixture(soldFixture);
      const receiver = await ethers.deployContract("TicketsMockDonationReceiver");
      // Same event data, but the campaign is in the token.
      await receiver.createCampaign(CAMPAIGN_ID, await f.token.getAddress());
      const info = await f.tickets.eventInfo();
      const deployed = await ethers.deployContract("EventTickets", [
        {
          name: "E",
          symbol: "E",
          venue: "V",
          start: info.start,
          end: info.end,
          gracePeriod: GRACE,
          organiser: f.organiser.address,
          treasury: f.treasury.address,
          admin: f.admin.address,
          royaltyBps: 0,
          charityBps: 2_500,
          certificateVerifier: ZeroAddress,
          donationReceiver: await receiver.getAddress(),
          charityCampaignId: CAMPAIGN_ID,
        },
      ]);
      const t = EventTickets__factory.connect(await deployed.getAddress(), f.admin);
      await t.setCurrencyAllowed(await f.token.getAddress(), true);
      await t
        .connect(f.organiser)
        .addTier(
          tierConfig({ saleStart: f.now, saleEnd: f.start, price: 1_000n, currency: await f.token.getAddress() }),
        );
      await f.token.connect(f.bob).approve(await t.getAddress(), 4_000n);
      await t.connect(f.bob).buy(1, 4, 1_000n, NO_PROOF);
      await networkHelpers.time.increaseTo(f.end + GRACE);
      await expect(t.settle(await f.token.getAddress()))
        .to.emit(t, "ProceedsSettled")
        .withArgs(await f.token.getAddress(), 1_000n, 3_000n);
      expect(await receiver.contributions(CAMPAIGN_ID, f.organiser.address)).to.equal(1_000n);
    });

    it("keeps the refunds owed on a cancelled event and settles only the surplus", async () => {
      const { tickets, organiser, alice, bob, treasury, end } = await networkHelpers.loadFixture(soldFixture);
      await tickets.connect(alice).listForResale(1_000_001n, PRICE.GA);
      await tickets.connect(bob).buyListing(1_000_001n, PRICE.GA, { value: PRICE.GA });
      const royalty = (PRICE.GA * 500n) / 10_000n;
      await tickets.connect(organiser).cancel();
      await networkHelpers.time.increaseTo(end + GRACE);
      await expect(tickets.settle(ZeroAddress)).to.changeEtherBalance(ethers, treasury, royalty - royalty / 10n);
      expect(await tickets.escrowed(ZeroAddress)).to.equal(PRICE.GA * 10n);
      await expect(tickets.connect(bob).refund(1_000_001n)).to.changeEtherBalance(ethers, bob, PRICE.GA);
    });

    it("reverts when the treasury cannot take ETH, leaving the proceeds in escrow", async () => {
      const { tickets, end } = await networkHelpers.loadFixture(soldFixture);
      const probe = await ethers.deployContract("RevertProbe");
      await tickets.setTreasury(await probe.getAddress());
      await networkHelpers.time.increaseTo(end + GRACE);
      const [signer] = await ethers.getSigners();
      const splitter = TicketProceedsSplitter__factory.connect((await tickets.eventInfo()).splitter, signer);
      await expect(tickets.settle(ZeroAddress)).to.be.revertedWithCustomError(
        splitter,
        "TicketProceedsSplitterPaymentFailed",
      );
      expect(await tickets.escrowed(ZeroAddress)).to.equal(PRICE.GA * 10n);
      await expect(splitter.split(ZeroAddress, 0, 0, ZeroAddress)).to.be.revertedWithCustomError(
        splitter,
        "TicketProceedsSplitterUnauthorized",
      );
    });
  });

  describe("metadata", () => {
    it("renders JSON with the status and lets the organiser set tier texts", async () => {
      const { tickets, organiser, alice, gate } = await networkHelpers.loadFixture(eventFixture);
      const renderer = TicketMetadataRenderer__factory.connect((await tickets.eventInfo()).renderer, organiser);
      await expect(renderer.connect(alice).setTierText(TIER.GA, "GA", "ipfs://ga"))
        .to.be.revertedWithCustomError(renderer, "TicketMetadataRendererUnauthorized")
        .withArgs(alice.address);
      await expect(renderer.setTierText(99, "x", "y"))
        .to.be.revertedWithCustomError(renderer, "TicketMetadataRendererUnknownTier")
        .withArgs(99);
      await renderer.setTierText(TIER.GA, 'General "GA"', "ipfs://ga");
      await tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA, NO_PROOF, { value: PRICE.GA });
      const read = async (id: bigint) => {
        const uri = await tickets.tokenURI(id);
        return JSON.parse(Buffer.from(uri.split(",")[1] ?? "", "base64").toString("utf8")) as {
          name: string;
          image: string;
          attributes: { trait_type: string; value: unknown }[];
        };
      };
      const status = async (id: bigint) => (await read(id)).attributes.find((a) => a.trait_type === "Status")?.value;
      const json = await read(1_000_001n);
      expect(json.name).to.equal('Blockchain Week Busan - General "GA" #1');
      expect(json.image).to.equal("ipfs://ga");
      expect(await status(1_000_001n)).to.equal("valid");
      await tickets.connect(gate).recordCheckIns([1_000_001n]);
      expect(await status(1_000_001n)).to.equal("checked in");
      await expect(tickets.tokenURI(1_000_002n))
        .to.be.revertedWithCustomError(tickets, "EventTicketsTicketNotFound")
        .withArgs(1_000_002n);
      await tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA, NO_PROOF, { value: PRICE.GA });
      await tickets.connect(organiser).cancel();
      await tickets.connect(alice).refund(1_000_002n);
      expect(await status(1_000_002n)).to.equal("refunded");
    });
  });
});
