import { expect } from "chai";
import { ZeroAddress, parseEther } from "ethers";
import { network } from "hardhat";

import { EventTickets__factory, TicketPassVerifier__factory } from "../../typechain-types/index.js";
import { DAY, GRACE, NO_PROOF, PRICE, TIER, deployEvent, tierConfig } from "../tickets/fixture.js";

const { ethers, networkHelpers } = await network.create();

/** Gas difference between two purchases that differ only in token id and seller (calldata, cold slots). */
const GAS_NOISE = 500n;
const PASS_STATUS_EVENT_CANCELLED = 5n;

async function eventFixture() {
  return deployEvent(ethers, networkHelpers);
}

/** An event whose whole proceeds go to charity (10,000 bps) or to a receiver chosen by the test. */
async function deployCustomEvent(charityBps: number, donationReceiver: string, campaignId: bigint) {
  const [admin, organiser, treasury, alice] = await ethers.getSigners();
  if (!admin || !organiser || !treasury || !alice) throw new Error("The tests need four accounts.");
  const now = BigInt(await networkHelpers.time.latest());
  const start = now + 30n * DAY;
  const end = start + 2n * DAY;
  const deployed = await ethers.deployContract("EventTickets", [
    {
      name: "Edge Week",
      symbol: "EW",
      venue: "Busan",
      start,
      end,
      gracePeriod: GRACE,
      organiser: organiser.address,
      treasury: treasury.address,
      admin: admin.address,
      royaltyBps: 0,
      charityBps,
      certificateVerifier: ZeroAddress,
      donationReceiver,
      charityCampaignId: campaignId,
    },
  ]);
  const tickets = EventTickets__factory.connect(await deployed.getAddress(), admin);
  await tickets.connect(organiser).addTier(tierConfig({ saleStart: now, saleEnd: start }));
  await tickets.connect(alice).buy(1n, 2n, PRICE.GA, NO_PROOF, { value: PRICE.GA * 2n });
  await networkHelpers.time.increaseTo(end + GRACE);
  return { tickets, treasury, organiser };
}

describe("security: EventTickets", () => {
  describe("constructor", () => {
    it("rejects a zero organiser and a zero admin", async () => {
      const { tickets, organiser, admin, treasury } = await networkHelpers.loadFixture(eventFixture);
      const info = await tickets.eventInfo();
      const base = {
        name: "Edge Week",
        symbol: "EW",
        venue: "Busan",
        start: info.start,
        end: info.end,
        gracePeriod: info.gracePeriod,
        organiser: organiser.address,
        treasury: treasury.address,
        admin: admin.address,
        royaltyBps: 0,
        charityBps: 0,
        certificateVerifier: ZeroAddress,
        donationReceiver: ZeroAddress,
        charityCampaignId: 0n,
      };
      const factory = await ethers.getContractFactory("EventTickets");
      await expect(factory.deploy({ ...base, organiser: ZeroAddress })).to.be.revertedWithCustomError(
        tickets,
        "EventTicketsZeroAddress",
      );
      await expect(factory.deploy({ ...base, admin: ZeroAddress })).to.be.revertedWithCustomError(
        tickets,
        "EventTicketsZeroAddress",
      );
    });
  });

  describe("currencies", () => {
    it("reports the allowlist and refuses a tier in a currency taken off it", async () => {
      const { tickets, token, organiser, now, start } = await networkHelpers.loadFixture(eventFixture);
      const tokenAddress = await token.getAddress();
      expect(await tickets.currencyAllowed(tokenAddress)).to.equal(true);
      await tickets.setCurrencyAllowed(tokenAddress, false);
      expect(await tickets.currencyAllowed(tokenAddress)).to.equal(false);
      await expect(
        tickets.connect(organiser).addTier(tierConfig({ saleStart: now, saleEnd: start, currency: tokenAddress })),
      )
        .to.be.revertedWithCustomError(tickets, "EventTicketsCurrencyNotAllowed")
        .withArgs(tokenAddress);
    });
  });

  describe("resale pull payments", () => {
    it("a seller that burns all gas on receipt neither blocks nor inflates the buyer's purchase", async () => {
      const { tickets, alice, bob, carol } = await networkHelpers.loadFixture(eventFixture);
      await tickets.connect(alice).buy(TIER.GA, 2, PRICE.GA, NO_PROOF, { value: PRICE.GA * 2n });
      // Baseline: the same purchase from an ordinary seller, by another new buyer.
      await tickets.connect(alice).listForResale(1_000_002n, PRICE.GA);
      const baseline = await (
        await tickets.connect(carol).buyListing(1_000_002n, PRICE.GA, { value: PRICE.GA })
      ).wait();
      const griefer = await ethers.deployContract("SecurityGasGriefer");
      const grieferAddress = await griefer.getAddress();
      await tickets.connect(alice).transferFrom(alice.address, grieferAddress, 1_000_001n);
      await griefer.execute(
        await tickets.getAddress(),
        tickets.interface.encodeFunctionData("listForResale", [1_000_001n, PRICE.GA]),
      );
      const receipt = await (
        await tickets.connect(bob).buyListing(1_000_001n, PRICE.GA, { value: PRICE.GA, gasLimit: 5_000_000n })
      ).wait();
      if (receipt === null || baseline === null) throw new Error("No receipt.");
      // The seller is never called, so its code cannot add a single unit of gas.
      expect(receipt.gasUsed).to.be.at.most(baseline.gasUsed + GAS_NOISE);
      expect(await tickets.ownerOf(1_000_001n)).to.equal(bob.address);
      const royalty = (PRICE.GA * 500n) / 10_000n;
      expect(await tickets.resaleProceeds(grieferAddress)).to.equal(PRICE.GA - royalty);
      // Only the griefer's own withdrawal fails, and its credit survives the failure.
      await expect(
        griefer.execute(await tickets.getAddress(), tickets.interface.encodeFunctionData("withdrawResaleProceeds")),
      )
        .to.be.revertedWithCustomError(tickets, "EventTicketsPaymentFailed")
        .withArgs(grieferAddress, PRICE.GA - royalty);
      expect(await tickets.resaleProceeds(grieferAddress)).to.equal(PRICE.GA - royalty);
    });

    it("keeps resale credits out of settlement: the treasury cannot sweep a seller's proceeds", async () => {
      const { tickets, alice, bob, treasury, end } = await networkHelpers.loadFixture(eventFixture);
      await tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA, NO_PROOF, { value: PRICE.GA });
      await tickets.connect(alice).listForResale(1_000_001n, PRICE.GA);
      await tickets.connect(bob).buyListing(1_000_001n, PRICE.GA, { value: PRICE.GA });
      const royalty = (PRICE.GA * 500n) / 10_000n;
      await networkHelpers.time.increaseTo(end + GRACE);
      await tickets.settle(ZeroAddress);
      expect(await tickets.escrowed(ZeroAddress)).to.equal(0n);
      expect(await ethers.provider.getBalance(await tickets.getAddress())).to.equal(PRICE.GA - royalty);
      await expect(tickets.connect(alice).withdrawResaleProceeds()).to.changeEtherBalances(
        ethers,
        [alice, tickets, treasury],
        [PRICE.GA - royalty, -(PRICE.GA - royalty), 0n],
      );
    });

    it("pays a seller's credit once: a second withdrawal finds nothing", async () => {
      const { tickets, alice, bob } = await networkHelpers.loadFixture(eventFixture);
      await tickets.connect(alice).buy(TIER.GA, 2, PRICE.GA, NO_PROOF, { value: PRICE.GA * 2n });
      await tickets.connect(alice).listForResale(1_000_001n, PRICE.GA);
      await tickets.connect(bob).buyListing(1_000_001n, PRICE.GA, { value: PRICE.GA });
      const credit = await tickets.resaleProceeds(alice.address);
      await tickets.connect(alice).withdrawResaleProceeds();
      await expect(tickets.connect(alice).withdrawResaleProceeds())
        .to.be.revertedWithCustomError(tickets, "EventTicketsNothingToWithdraw")
        .withArgs(alice.address);
      expect(credit).to.be.greaterThan(0n);
    });
  });

  describe("settlement split", () => {
    it("donates all proceeds when the charity share is 100 % and pays the treasury nothing", async () => {
      const receiver = await ethers.deployContract("TicketsMockDonationReceiver");
      await receiver.createCampaign(1n, ZeroAddress);
      const { tickets, treasury, organiser } = await deployCustomEvent(10_000, await receiver.getAddress(), 1n);
      const tx = tickets.settle(ZeroAddress);
      await expect(tx)
        .to.emit(tickets, "ProceedsSettled")
        .withArgs(ZeroAddress, PRICE.GA * 2n, 0n);
      await expect(tx).to.changeEtherBalances(ethers, [treasury, receiver], [0n, PRICE.GA * 2n]);
      expect(await receiver.contributions(1n, organiser.address)).to.equal(PRICE.GA * 2n);
    });

    it("pays the treasury the whole amount when the event has no charity receiver", async () => {
      const { tickets, treasury } = await deployCustomEvent(1_000, ZeroAddress, 0n);
      const share = (PRICE.GA * 2n * 1_000n) / 10_000n;
      const tx = tickets.settle(ZeroAddress);
      await expect(tx).to.emit(tickets, "DonationSkipped").withArgs(ZeroAddress, share);
      await expect(tx).to.changeEtherBalances(ethers, [treasury], [PRICE.GA * 2n]);
    });

    it("pays the treasury the whole amount when the receiver does not know the campaign", async () => {
      const receiver = await ethers.deployContract("TicketsMockDonationReceiver");
      const { tickets, treasury } = await deployCustomEvent(1_000, await receiver.getAddress(), 42n);
      const share = (PRICE.GA * 2n * 1_000n) / 10_000n;
      const tx = tickets.settle(ZeroAddress);
      await expect(tx).to.emit(tickets, "DonationSkipped").withArgs(ZeroAddress, share);
      await expect(tx).to.changeEtherBalances(ethers, [treasury, receiver], [PRICE.GA * 2n, 0n]);
    });
  });

  describe("pass verification", () => {
    it("reports a cancelled event before anything else, so a gate never admits on a cancelled event", async () => {
      const { tickets, alice, organiser } = await networkHelpers.loadFixture(eventFixture);
      await tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA, NO_PROOF, { value: PRICE.GA });
      await tickets.connect(organiser).cancel();
      const verifier = TicketPassVerifier__factory.connect((await tickets.eventInfo()).passVerifier, alice);
      const validUntil = BigInt(await networkHelpers.time.latest()) + 300n;
      const chainId = (await ethers.provider.getNetwork()).chainId;
      const signature = await alice.signTypedData(
        { name: "EventTickets", version: "1", chainId, verifyingContract: await tickets.getAddress() },
        {
          CheckIn: [
            { name: "tickets", type: "address" },
            { name: "tokenId", type: "uint256" },
            { name: "validUntil", type: "uint64" },
          ],
        },
        { tickets: await tickets.getAddress(), tokenId: 1_000_001n, validUntil },
      );
      const [status, holder] = await verifier.checkPass(1_000_001n, validUntil, signature);
      expect(status).to.equal(PASS_STATUS_EVENT_CANCELLED);
      expect(holder).to.equal(alice.address);
    });
  });

  describe("forced ETH", () => {
    it("ETH forced into the contract changes no books and is not paid out as proceeds", async () => {
      const { tickets, alice, treasury, end } = await networkHelpers.loadFixture(eventFixture);
      await tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA, NO_PROOF, { value: PRICE.GA });
      await ethers.deployContract("ForceEtherSender", [await tickets.getAddress()], { value: parseEther("1") });
      expect(await tickets.escrowed(ZeroAddress)).to.equal(PRICE.GA);
      await networkHelpers.time.increaseTo(end + GRACE);
      await expect(tickets.settle(ZeroAddress)).to.changeEtherBalances(
        ethers,
        [treasury],
        [PRICE.GA - (PRICE.GA * 1_000n) / 10_000n],
      );
      expect(await ethers.provider.getBalance(await tickets.getAddress())).to.equal(parseEther("1"));
    });
  });
});
