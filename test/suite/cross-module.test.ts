import { expect } from "chai";
import { id as hashText, parseEther, ZeroAddress } from "ethers";
import { network } from "hardhat";

import BusanSuiteModule from "../../deploy/modules/BusanSuite.js";
import { DEFAULT_EVENT_END, DEFAULT_GRACE_PERIOD } from "../../deploy/lib/eventTickets.js";
import { createCourse } from "../../sdk/academy/courses.js";
import { issueCertificate } from "../../sdk/academy/issueCertificate.js";
import { registerIssuer } from "../../sdk/academy/issuers.js";
import { revokeCertificates } from "../../sdk/academy/status.js";
import { changeCharityBeneficiary } from "../../sdk/charity/beneficiary.js";
import { createCharityCampaign, getCharityCampaign } from "../../sdk/charity/campaign.js";
import { traceDonor } from "../../sdk/charity/trace.js";
import { buyTickets } from "../../sdk/tickets/purchase.js";
import { addTier } from "../../sdk/tickets/tiers.js";
import { settleProceeds } from "../../sdk/tickets/manage.js";
import {
  AcademyCertificates__factory,
  CharityVault__factory,
  EventTickets__factory,
  PartnershipRegistry__factory,
} from "../../typechain-types/index.js";

const { ethers, ignition, networkHelpers } = await network.create();

const DAY = 86_400n;
const TICKET_PRICE = parseEther("0.1");
const GRADUATE_PRICE = parseEther("0.02");

/**
 * The suite as BusanSuite.ts deploys it (the deployer holds every role, as on a local chain), with
 * a course, a graduate holding its certificate, and the settlement campaign (id 1) open until
 * well after the event's escrow ends.
 */
async function deploySuite() {
  const [deployer, academy, graduate, outsider, beneficiary] = await ethers.getSigners();
  if (!deployer || !academy || !graduate || !outsider || !beneficiary) throw new Error("accounts");
  const deployed = await ignition.deploy(BusanSuiteModule);
  const suite = {
    registry: PartnershipRegistry__factory.connect(await deployed.registry.getAddress(), deployer),
    academy: AcademyCertificates__factory.connect(await deployed.academyCertificates.getAddress(), deployer),
    vault: CharityVault__factory.connect(await deployed.vault.getAddress(), deployer),
    tickets: EventTickets__factory.connect(await deployed.tickets.getAddress(), deployer),
  };
  const registry = await suite.academy.getAddress();
  const vault = await suite.vault.getAddress();
  const tickets = await suite.tickets.getAddress();

  await registerIssuer(deployer, registry, {
    account: academy.address,
    name: "Busan Blockchain Academy",
    metadataURI: "ipfs://academy",
  });
  const { courseId } = await createCourse(academy, registry, {
    metadataURI: "ipfs://course/web3-fundamentals",
    metadataHash: hashText("Web3 fundamentals"),
    maxValidity: 0n,
    revocable: true,
  });
  const now = BigInt(await networkHelpers.time.latest());
  const certificate = await issueCertificate(academy, registry, {
    courseId,
    recipient: graduate.address,
    name: "Kim Min-jun",
    validFrom: now,
    validUntil: 0n,
  });

  await changeCharityBeneficiary(deployer, vault, "add", beneficiary.address, hashText("vetting"));
  await changeCharityBeneficiary(deployer, vault, "verify", beneficiary.address, hashText("vetting"));
  // Open until after the ticket escrow ends (and within the vault's one-year campaign limit).
  const campaignDeadline = now + 360n * DAY;
  if (campaignDeadline <= DEFAULT_EVENT_END + DEFAULT_GRACE_PERIOD)
    throw new Error("the campaign must outlast the escrow");
  const { campaignId } = await createCharityCampaign(deployer, vault, {
    token: ZeroAddress,
    goal: parseEther("0.001"),
    hardCap: 0n,
    deadline: campaignDeadline,
    disbursementDeadline: campaignDeadline + 90n * DAY,
    allOrNothing: false,
    beneficiaries: [beneficiary.address],
    detailsHash: hashText("Busan community fund"),
  });

  const tierBase = {
    currency: ZeroAddress,
    supply: 100,
    saleStart: now,
    saleEnd: DEFAULT_EVENT_END - DAY,
    perWalletCap: 0,
    policy: 0,
    resaleCapBps: 1_000,
    refundable: false,
    allowlistRoot: `0x${"00".repeat(32)}`,
  };
  const general = await addTier(
    deployer,
    tickets,
    { ...tierBase, price: TICKET_PRICE, graduateOnly: false, courseId: 0n },
    { name: "General", imageURI: "ipfs://general" },
  );
  const graduateTier = await addTier(
    deployer,
    tickets,
    { ...tierBase, price: GRADUATE_PRICE, graduateOnly: true, courseId },
    { name: "Graduate", imageURI: "ipfs://graduate" },
  );
  return {
    ...suite,
    deployer,
    academy,
    graduate,
    outsider,
    registry,
    vault,
    tickets,
    courseId,
    certificate,
    campaignId,
    general,
    graduateTier,
  };
}

describe("the suite wired together (BusanSuite)", () => {
  it("reserves the graduate price for holders of a valid certificate of the course", async () => {
    const { graduate, outsider, tickets, graduateTier, academy, registry, certificate, courseId } =
      await networkHelpers.loadFixture(deploySuite);
    const contract = EventTickets__factory.connect(tickets, outsider);
    await expect(contract.buy(graduateTier.tierId, 1n, GRADUATE_PRICE, [], { value: GRADUATE_PRICE }))
      .to.be.revertedWithCustomError(contract, "EventTicketsCertificateRequired")
      .withArgs(graduateTier.tierId, outsider.address, courseId);

    const bought = await buyTickets(graduate, tickets, { tierId: graduateTier.tierId, quantity: 1n });
    expect(bought.unitPrice).to.equal(GRADUATE_PRICE);
    expect(await contract.ownerOf(bought.tokenIds[0] ?? 0n)).to.equal(graduate.address);

    // A revoked certificate no longer opens the tier.
    await revokeCertificates(academy, registry, [certificate.tokenId], { code: 1, hash: hashText("revoked") });
    await expect(
      EventTickets__factory.connect(tickets, graduate).buy(graduateTier.tierId, 1n, GRADUATE_PRICE, [], {
        value: GRADUATE_PRICE,
      }),
    )
      .to.be.revertedWithCustomError(contract, "EventTicketsCertificateRequired")
      .withArgs(graduateTier.tierId, graduate.address, courseId);
  });

  it("donates the charity share of ticket proceeds to the campaign at settlement, attributed to the organiser", async () => {
    const {
      deployer,
      graduate,
      outsider,
      tickets,
      vault,
      general,
      graduateTier,
      campaignId,
      tickets: ticketsAddress,
    } = await networkHelpers.loadFixture(deploySuite);
    await buyTickets(outsider, tickets, { tierId: general.tierId, quantity: 3n });
    await buyTickets(graduate, tickets, { tierId: graduateTier.tierId, quantity: 1n });
    const proceeds = 3n * TICKET_PRICE + GRADUATE_PRICE;
    const contract = EventTickets__factory.connect(ticketsAddress, deployer);
    const info = await contract.eventInfo();
    const charityShare = (proceeds * info.charityBps) / 10_000n;

    await expect(contract.settle(ZeroAddress))
      .to.be.revertedWithCustomError(contract, "EventTicketsSettlementNotOpen")
      .withArgs(DEFAULT_EVENT_END + DEFAULT_GRACE_PERIOD);
    await networkHelpers.time.increaseTo(DEFAULT_EVENT_END + DEFAULT_GRACE_PERIOD + 1n);
    const before = await getCharityCampaign(ethers.provider, vault, campaignId);
    const settled = await settleProceeds(deployer, tickets);
    expect(settled.donated).to.equal(charityShare);
    expect(settled.toTreasury).to.equal(proceeds - charityShare);

    const after = await getCharityCampaign(ethers.provider, vault, campaignId);
    expect(after.donated - before.donated).to.equal(charityShare);
    expect(after.held - before.held).to.equal(charityShare);
    // The organiser (the deployer locally) is the donor of record, and its trace shows the gift.
    const trace = await traceDonor(ethers.provider, vault, info.organiser);
    expect(trace.totals[0]?.contributed).to.equal(charityShare);
    expect(info.organiser).to.equal(deployer.address);
  });
});
