import { id as hashText, JsonRpcProvider, type JsonRpcSigner, parseEther, ZeroAddress } from "ethers";

import { buildCohort, type Graduate } from "../../../sdk/academy/cohort.js";
import { anchorCohort, claimCertificate } from "../../../sdk/academy/cohortActions.js";
import { createCourse } from "../../../sdk/academy/courses.js";
import type { Credential } from "../../../sdk/academy/credential.js";
import { registerIssuer } from "../../../sdk/academy/issuers.js";
import { revokeCertificates } from "../../../sdk/academy/status.js";
import { changeCharityBeneficiary } from "../../../sdk/charity/beneficiary.js";
import { createCharityCampaign } from "../../../sdk/charity/campaign.js";
import { proposeCharityDisbursement } from "../../../sdk/charity/disburse.js";
import { donateToCampaign } from "../../../sdk/charity/donate.js";
import { contractAddress } from "../../../sdk/deployments.js";
import { loadDeployment } from "../../../sdk/node/deployments.js";
import {
  proposeAgreement,
  registerOrganisation,
  reportFulfilment,
  signAgreementDirectly,
} from "../../../sdk/partnerships/actions.js";
import { connectPartnershipRegistry } from "../../../sdk/partnerships/registry.js";
import { COMMITMENT_CATEGORIES } from "../../../sdk/partnerships/typedData.js";
import { buyTickets } from "../../../sdk/tickets/purchase.js";
import { addTier } from "../../../sdk/tickets/tiers.js";

const DAY = 86_400n;
const YEAR = 365n * DAY;

/** What the browser tests look for on the pages. */
export interface PortalWorld {
  readonly accounts: {
    admin: string;
    issuer: string;
    alice: string;
    bob: string;
    beneficiary: string;
    binance: string;
  };
  readonly credentials: { valid: Credential; revoked: Credential };
  readonly ticketId: bigint;
  readonly campaigns: { funded: bigint; open: bigint };
  readonly disbursementId: bigint;
  readonly agreementId: bigint;
  readonly vault: string;
}

/**
 * Fills a freshly deployed suite (deploy/deployments/chain-<id>) on a node with what each page
 * shows, through the SDK and the node's unlocked accounts: an academy cohort (one claimed, one
 * revoked), a ticket tier and a purchase, a funded campaign with a pending disbursement and an
 * open one, and an active MOU between the city and Binance with a reported commitment.
 */
export async function populate(rpcUrl: string, chainId: number): Promise<PortalWorld> {
  const provider = new JsonRpcProvider(rpcUrl, chainId, { staticNetwork: true, cacheTimeout: -1 });
  const signer = (i: number): Promise<JsonRpcSigner> => provider.getSigner(i);
  const [admin, issuer, alice, bob, beneficiary, binance] = await Promise.all([0, 1, 2, 3, 4, 5].map(signer));
  if (!admin || !issuer || !alice || !bob || !beneficiary || !binance) throw new Error("The node needs six accounts.");
  const deployment = await loadDeployment(chainId);
  const academy = contractAddress(deployment, "AcademyCertificates");
  const vault = contractAddress(deployment, "CharityVault");
  const tickets = contractAddress(deployment, "EventTickets");
  const registryAddress = contractAddress(deployment, "PartnershipRegistry");
  const now = BigInt((await provider.getBlock("latest"))?.timestamp ?? Math.floor(Date.now() / 1000));

  // Academy: a cohort of three; Alice claims hers, Bob's is revoked.
  await registerIssuer(admin, academy, {
    account: issuer.address,
    name: "Busan Blockchain Academy",
    metadataURI: "ipfs://academy",
  });
  const { courseId } = await createCourse(issuer, academy, {
    metadataURI: "ipfs://course/web3-fundamentals",
    metadataHash: hashText("Web3 fundamentals"),
    maxValidity: 0n,
    revocable: true,
  });
  const graduates: Graduate[] = [
    { name: "Alice Park", address: alice.address, courseId },
    { name: "Bob Lee", address: bob.address, courseId },
    { name: "Cho Seo-yeon", address: beneficiary.address, courseId },
  ];
  const cohort = buildCohort(graduates, {
    chainId: BigInt(chainId),
    registry: academy,
    courseId,
    issuer: issuer.address,
    validFrom: now,
    validUntil: now + YEAR,
  });
  await anchorCohort(issuer, academy, cohort);
  const [valid, revoked] = cohort.credentials;
  if (valid === undefined || revoked === undefined) throw new Error("cohort");
  await claimCertificate(alice, valid);
  await revokeCertificates(issuer, academy, [BigInt(revoked.tokenId)], { code: 2, hash: hashText("issued in error") });

  // Tickets: an open general-admission tier; Alice buys one.
  const { tierId } = await addTier(
    admin,
    tickets,
    {
      price: parseEther("0.05"),
      currency: ZeroAddress,
      supply: 500,
      saleStart: now,
      saleEnd: now + 300n * DAY,
      perWalletCap: 0,
      policy: 0,
      resaleCapBps: 1_000,
      refundable: false,
      allowlistRoot: `0x${"00".repeat(32)}`,
      graduateOnly: false,
      courseId: 0n,
    },
    { name: "General admission", imageURI: "ipfs://tier/general" },
  );
  const { tokenIds } = await buyTickets(alice, tickets, { tierId, quantity: 1n });

  // Charity: a campaign filled to its cap by Alice (so it can pay out) and an open one.
  await changeCharityBeneficiary(admin, vault, "add", beneficiary.address, hashText("vetting file"));
  await changeCharityBeneficiary(admin, vault, "verify", beneficiary.address, hashText("vetting file"));
  const base = { token: ZeroAddress, allOrNothing: false, beneficiaries: [beneficiary.address] };
  const funded = await createCharityCampaign(admin, vault, {
    ...base,
    goal: parseEther("1"),
    hardCap: parseEther("1"),
    deadline: now + 30n * DAY,
    disbursementDeadline: now + 300n * DAY,
    detailsHash: hashText("Warm winter meals"),
  });
  const open = await createCharityCampaign(admin, vault, {
    ...base,
    goal: parseEther("5"),
    hardCap: 0n,
    deadline: now + 60n * DAY,
    disbursementDeadline: now + 300n * DAY,
    detailsHash: hashText("School laptops"),
  });
  await donateToCampaign(alice, vault, { campaignId: funded.campaignId, amount: parseEther("1") });
  const proposal = await proposeCharityDisbursement(admin, vault, {
    campaignId: funded.campaignId,
    payee: beneficiary.address,
    amount: parseEther("0.4"),
    purposeHash: hashText("invoice 2026-117: 800 meals"),
    evidenceUri: "https://example.org/invoices/2026-117.pdf",
  });

  // Partnerships: the city and Binance sign an MOU; Binance reports its charity commitment.
  const registry = connectPartnershipRegistry(registryAddress, admin);
  const city = await registerOrganisation(registry, "City of Busan", "city", "ipfs://org/busan", [admin.address]);
  const exchange = await registerOrganisation(registry, "Binance", "exchange", "ipfs://org/binance", [binance.address]);
  const { agreementId } = await proposeAgreement(
    registry,
    "Busan–Binance blockchain MOU",
    [city.orgId, exchange.orgId],
    {
      documentHash: hashText("the signed MOU PDF"),
      documentURI: "ipfs://mou/busan-binance.pdf",
      effectiveAt: now,
      expiresAt: now + 3n * YEAR,
      signingDeadline: now + 30n * DAY,
      noticePeriod: 90n * DAY,
      commitments: [
        {
          responsibleParty: 1,
          category: COMMITMENT_CATEGORIES.indexOf("charity"),
          dueDate: now + YEAR,
          descriptionHash: hashText("charity"),
          descriptionURI: "",
        },
        {
          responsibleParty: 1,
          category: COMMITMENT_CATEGORIES.indexOf("office"),
          dueDate: now + YEAR,
          descriptionHash: hashText("office"),
          descriptionURI: "",
        },
      ],
    },
  );
  await signAgreementDirectly(registry, agreementId, 1, 0);
  await signAgreementDirectly(connectPartnershipRegistry(registryAddress, binance), agreementId, 1, 1);
  await reportFulfilment(
    connectPartnershipRegistry(registryAddress, binance),
    agreementId,
    0,
    hashText("campaign 1"),
    `eip155:${chainId}:${vault}/campaign/${funded.campaignId}`,
  );

  return {
    accounts: {
      admin: admin.address,
      issuer: issuer.address,
      alice: alice.address,
      bob: bob.address,
      beneficiary: beneficiary.address,
      binance: binance.address,
    },
    credentials: { valid, revoked },
    ticketId: tokenIds[0] ?? 0n,
    campaigns: { funded: funded.campaignId, open: open.campaignId },
    disbursementId: proposal.disbursementId,
    agreementId,
    vault,
  };
}
