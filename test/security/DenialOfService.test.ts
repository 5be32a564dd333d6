import { expect } from "chai";
import type { ContractTransactionResponse } from "ethers";
import { Wallet, keccak256, toUtf8Bytes } from "ethers";
import { network } from "hardhat";

import { AcademyCertificates__factory, PartnershipRegistry__factory } from "../../typechain-types/index.js";
import { deployCharity } from "../charity/fixtures.js";
import { DAY, NO_PROOF, PRICE, TIER, deployEvent, tierConfig } from "../tickets/fixture.js";

/**
 * Every loop over a caller-supplied array has a named, enforced maximum. These tests run each loop
 * at its maximum, check one more is refused with the named error, and hold the gas of the maximum
 * under BLOCK_GAS_BUDGET: a 30M-gas block, below the block gas limit of every target network
 * (BNB Smart Chain testnet, opBNB testnet, Sepolia), so a maximal call always fits one block; the
 * figures printed after the suite are recorded in SECURITY.md.
 */
const { ethers, networkHelpers } = await network.create();

const BLOCK_GAS_BUDGET = 30_000_000n;

/** Gas of each call at its maximum, printed after the suite for SECURITY.md. */
const figures: string[] = [];

async function gasOf(tx: Promise<ContractTransactionResponse>, label: string): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (receipt === null) throw new Error("No receipt.");
  figures.push(`${label}: ${receipt.gasUsed.toLocaleString("en-US")} gas`);
  return receipt.gasUsed;
}

function addresses(count: number): string[] {
  return Array.from({ length: count }, () => Wallet.createRandom().address);
}

async function ticketsFixture() {
  const f = await deployEvent(ethers, networkHelpers);
  // A comp tier large enough for the largest airdrop and check-in batches.
  await f.tickets
    .connect(f.organiser)
    .addTier(tierConfig({ saleStart: f.now, saleEnd: f.start, supply: 1_000, price: 0n }));
  return { ...f, compTier: 7n };
}

describe("security: denial of service at every enforced maximum", () => {
  after(() => {
    if (figures.length > 0) console.log(`      gas at the maximum:\n        ${figures.join("\n        ")}`);
  });

  describe("EventTickets", () => {
    it("airdrops MAX_AIRDROP (300) recipients in one call and refuses 301", async () => {
      const { tickets, minter, compTier } = await networkHelpers.loadFixture(ticketsFixture);
      const max = await tickets.MAX_AIRDROP();
      expect(max).to.equal(300n);
      await expect(tickets.connect(minter).airdrop(compTier, addresses(Number(max) + 1)))
        .to.be.revertedWithCustomError(tickets, "EventTicketsInvalidQuantity")
        .withArgs(max + 1n, max);
      const gas = await gasOf(tickets.connect(minter).airdrop(compTier, addresses(Number(max))), "airdrop x300");
      expect(gas).to.be.lessThan(BLOCK_GAS_BUDGET);
    });

    it("records MAX_CHECKIN_BATCH (500) real tickets in one batch and refuses 501", async () => {
      const { tickets, minter, gate, compTier } = await networkHelpers.loadFixture(ticketsFixture);
      const max = await tickets.MAX_CHECKIN_BATCH();
      expect(max).to.equal(500n);
      await tickets.connect(minter).airdrop(compTier, addresses(300));
      await tickets.connect(minter).airdrop(compTier, addresses(200));
      const ids = Array.from({ length: Number(max) }, (_, i) => compTier * 1_000_000n + BigInt(i) + 1n);
      await expect(tickets.connect(gate).recordCheckIns([...ids, compTier * 1_000_000n + 501n]))
        .to.be.revertedWithCustomError(tickets, "EventTicketsInvalidQuantity")
        .withArgs(max + 1n, max);
      const gas = await gasOf(tickets.connect(gate).recordCheckIns(ids), "recordCheckIns x500");
      expect(gas).to.be.lessThan(BLOCK_GAS_BUDGET);
      expect(await tickets.checkedIn(ids[ids.length - 1] ?? 0n)).to.equal(true);
    });

    it("sells MAX_PER_PURCHASE (20) tickets in one purchase and refuses 21", async () => {
      const { tickets, alice } = await networkHelpers.loadFixture(ticketsFixture);
      const max = await tickets.MAX_PER_PURCHASE();
      expect(max).to.equal(20n);
      await expect(tickets.connect(alice).buy(TIER.GA, max + 1n, PRICE.GA, NO_PROOF, { value: PRICE.GA * (max + 1n) }))
        .to.be.revertedWithCustomError(tickets, "EventTicketsInvalidQuantity")
        .withArgs(max + 1n, max);
      const gas = await gasOf(
        tickets.connect(alice).buy(TIER.GA, max, PRICE.GA, NO_PROOF, { value: PRICE.GA * max }),
        "buy x20",
      );
      expect(gas).to.be.lessThan(BLOCK_GAS_BUDGET);
    });
  });

  describe("CharityVault", () => {
    it("creates a campaign with MAX_BENEFICIARIES (20) payees and refuses 21", async () => {
      const { vault, operator, params } = await networkHelpers.loadFixture(async function charityFixture() {
        return deployCharity(ethers, networkHelpers);
      });
      const max = await vault.MAX_BENEFICIARIES();
      expect(max).to.equal(20n);
      const payees = addresses(Number(max) + 1);
      for (const payee of payees) await vault.connect(operator).addBeneficiary(payee, keccak256(toUtf8Bytes(payee)));
      await expect(vault.connect(operator).createCampaign(params({ beneficiaries: payees })))
        .to.be.revertedWithCustomError(vault, "CharityVaultBeneficiaryCount")
        .withArgs(max + 1n, max);
      const gas = await gasOf(
        vault.connect(operator).createCampaign(params({ beneficiaries: payees.slice(0, 20) })),
        "createCampaign x20 beneficiaries",
      );
      expect(gas).to.be.lessThan(BLOCK_GAS_BUDGET);
    });
  });

  describe("AcademyCertificates", () => {
    it("revokes MAX_BATCH (256) certificates in one call and refuses 257", async () => {
      const [admin, issuer] = await ethers.getSigners();
      if (admin === undefined || issuer === undefined) throw new Error("The test needs two accounts.");
      const deployed = await ethers.deployContract("AcademyCertificates", [admin.address]);
      const academy = AcademyCertificates__factory.connect(await deployed.getAddress(), issuer);
      await academy.connect(admin).registerIssuer(issuer.address, "Busan Blockchain Academy", "");
      await academy.createCourse("ipfs://course", ethers.ZeroHash, 0, true);
      const max = await academy.MAX_BATCH();
      expect(max).to.equal(256n);
      const now = BigInt(await networkHelpers.time.latest());
      const ids: bigint[] = [];
      for (const recipient of addresses(Number(max))) {
        const fields = { courseId: 1n, recipient, nameCommitment: ethers.ZeroHash, validFrom: now, validUntil: 0n };
        ids.push(await academy.issue.staticCall(fields));
        await academy.issue(fields);
      }
      await expect(academy.revoke([...ids, 1n], 1, ethers.ZeroHash))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesInvalidBatchSize")
        .withArgs(max + 1n, max);
      const gas = await gasOf(academy.revoke(ids, 1, ethers.ZeroHash), "revoke x256");
      expect(gas).to.be.lessThan(BLOCK_GAS_BUDGET);
    });
  });

  describe("PartnershipRegistry", () => {
    async function registryFixture() {
      const [admin] = await ethers.getSigners();
      if (admin === undefined) throw new Error("The test needs an account.");
      const deployed = await ethers.deployContract("PartnershipRegistry", [admin.address]);
      return { registry: PartnershipRegistry__factory.connect(await deployed.getAddress(), admin), admin };
    }

    it("registers MAX_SIGNERS (32) signers, suspends them all in one call and refuses a 33rd", async () => {
      const { registry } = await networkHelpers.loadFixture(registryFixture);
      const max = await registry.MAX_SIGNERS();
      expect(max).to.equal(32n);
      await expect(registry.registerOrganisation("Too many", 1, "", addresses(Number(max) + 1)))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryBatchSize")
        .withArgs(max + 1n);
      const registerGas = await gasOf(
        registry.registerOrganisation("Exchange", 1, "", addresses(Number(max))),
        "registerOrganisation x32 signers",
      );
      expect(registerGas).to.be.lessThan(BLOCK_GAS_BUDGET);
      // The list is full, so one more signer is refused by the same named error.
      await expect(registry.setSigner(1, Wallet.createRandom().address, true))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryBatchSize")
        .withArgs(max + 1n);
      // The only loop over a stored list runs over at most MAX_SIGNERS entries.
      const suspendGas = await gasOf(registry.setOrganisationActive(1, false), "setOrganisationActive over 32 signers");
      expect(suspendGas).to.be.lessThan(BLOCK_GAS_BUDGET);
    });

    it("proposes an MOU with MAX_PARTIES (8) parties and MAX_COMMITMENTS (64) commitments and refuses more", async () => {
      const { registry, admin } = await networkHelpers.loadFixture(registryFixture);
      const maxParties = await registry.MAX_PARTIES();
      const maxCommitments = await registry.MAX_COMMITMENTS();
      expect(maxParties).to.equal(8n);
      expect(maxCommitments).to.equal(64n);
      for (let i = 0; i <= Number(maxParties); ++i) {
        await registry.registerOrganisation(`Org ${i}`, 1, "", i === 0 ? [admin.address] : addresses(1));
      }
      const now = BigInt(await networkHelpers.time.latest());
      const commitment = (i: number) => ({
        responsibleParty: i % Number(maxParties),
        category: 0,
        dueDate: now + 365n * DAY,
        descriptionHash: keccak256(toUtf8Bytes(`commitment ${i}`)),
        descriptionURI: `ipfs://commitment-${i}`,
      });
      const terms = (count: number) => ({
        documentHash: keccak256(toUtf8Bytes("MOU")),
        documentURI: "ipfs://mou.pdf",
        effectiveAt: now,
        expiresAt: now + 730n * DAY,
        signingDeadline: now + 30n * DAY,
        noticePeriod: 90n * DAY,
        commitments: Array.from({ length: count }, (_, i) => commitment(i)),
      });
      const parties = Array.from({ length: Number(maxParties) }, (_, i) => i + 1);
      await expect(registry.propose("Too many parties", [...parties, 9], terms(1)))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryPartyCount")
        .withArgs(maxParties + 1n);
      await expect(registry.propose("Too many commitments", parties, terms(Number(maxCommitments) + 1)))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryTooManyCommitments")
        .withArgs(maxCommitments + 1n);
      const gas = await gasOf(
        registry.propose("Largest MOU", parties, terms(Number(maxCommitments))),
        "propose 8 parties x 64 commitments",
      );
      expect(gas).to.be.lessThan(BLOCK_GAS_BUDGET);
      expect(await registry.agreementCount()).to.equal(1n);
    });
  });
});
