import { parseEther, parseUnits, sha256, toUtf8Bytes, ZeroAddress } from "ethers";

import { changeCharityBeneficiary } from "../../sdk/charity/beneficiary.js";
import { createCharityCampaign, getCharityCampaign } from "../../sdk/charity/campaign.js";
import { executeCharityDisbursement, proposeCharityDisbursement } from "../../sdk/charity/disburse.js";
import { donateToCampaign } from "../../sdk/charity/donate.js";
import { fundCharityMatching } from "../../sdk/charity/matching.js";
import { donationTraceToCsv, donationTraceToJson, type DonationTrace, traceDonor } from "../../sdk/charity/trace.js";
import { withdrawCharityPayout } from "../../sdk/charity/withdraw.js";
import { settleProceeds } from "../../sdk/tickets/manage.js";
import { MockERC20__factory } from "../../typechain-types/index.js";
import {
  advanceTo,
  chainNow,
  day,
  type DemoContext,
  eth,
  expectFact,
  receiptOf,
  toJson,
  usdt,
  USDT_DECIMALS,
  writeArtifact,
} from "./context.js";
import type { TicketsOutcome } from "./tickets.js";

const DAY = 86_400n;
/** Blockchain Week's settlement donates to this campaign (`charityCampaignId` of the suite). */
const SETTLEMENT_CAMPAIGN_ID = 1n;
const MATCHING_POOL = parseEther("2");
/** 1:1 matching. */
const MATCHING_RATIO_BPS = 10_000;
const INVOICE_AMOUNT = parseEther("1.5");
const INVOICE =
  "Busan Children's Foundation — invoice BCF-2027-117: 30 laptops and a year of coding classes for children in Yeongdo-gu.";

/** What the charity chapter leaves for the commitments chapter. */
export interface CharityOutcome {
  readonly campaignId: bigint;
  readonly trace: DonationTrace;
}

/** Chapter 4: Binance Charity's campaigns, matching, donations, a vetted payout, the settlement donation, a trace. */
export async function charityChapter(context: DemoContext, event: TicketsOutcome): Promise<CharityOutcome> {
  const { actors, report, contracts, facts, ethers } = context;
  report.chapter("4. Charity: donations, a payout, a trace");
  const { charity, foundation, dave, erin, carol } = actors;

  const vetting = sha256(toUtf8Bytes("Busan Children's Foundation: registration no. 2019-BCF-0042, audited 2026."));
  const added = await changeCharityBeneficiary(charity, contracts.vault, "add", foundation.address, vetting);
  await report.tx(
    "Busan Children's Foundation registered as a beneficiary",
    charity.address,
    receiptOf(context, added.txHash),
  );
  const verified = await changeCharityBeneficiary(charity, contracts.vault, "verify", foundation.address, vetting);
  await report.tx("…and verified after vetting its documents", charity.address, receiptOf(context, verified.txHash));

  // The campaign that Blockchain Week's settlement donates to stays open until after the escrow ends.
  const settlementOpens = event.eventEnd + event.gracePeriod;
  const deadline = settlementOpens + 2n * DAY;
  const ethCampaign = await createCharityCampaign(charity, contracts.vault, {
    token: ZeroAddress,
    goal: parseEther("5"),
    hardCap: 0n,
    deadline,
    disbursementDeadline: deadline + 180n * DAY,
    allOrNothing: false,
    beneficiaries: [foundation.address],
    detailsHash: sha256(toUtf8Bytes("Coding for Busan's children — Blockchain Week 2027 charity drive")),
  });
  expectFact(
    ethCampaign.campaignId === SETTLEMENT_CAMPAIGN_ID,
    `The vault already had campaigns, so Blockchain Week's donation would not reach the new one; run the demo on a fresh chain.`,
  );
  await report.tx(
    `Campaign ${ethCampaign.campaignId} "Coding for Busan's children" opened in ETH (goal 5 ETH, until ${day(deadline)})`,
    charity.address,
    receiptOf(context, ethCampaign.txHash),
  );
  const matching = await fundCharityMatching(charity, contracts.vault, {
    campaignId: ethCampaign.campaignId,
    amount: MATCHING_POOL,
    ratioBps: MATCHING_RATIO_BPS,
  });
  await report.tx(
    `Binance Charity pledged ${eth(MATCHING_POOL)} to match donations 1:1`,
    charity.address,
    receiptOf(context, matching.txHash),
  );

  for (const [donor, amount] of [
    [dave, parseEther("1")],
    [carol, parseEther("0.5")],
    [erin, parseEther("0.25")],
  ] as const) {
    const gift = await donateToCampaign(donor, contracts.vault, { campaignId: ethCampaign.campaignId, amount });
    await report.tx(
      `${report.who(donor.address)} donated ${eth(gift.amount)} (matched with ${eth(gift.matched)})`,
      donor.address,
      receiptOf(context, gift.txHash),
    );
  }

  // A second campaign in the test stablecoin.
  const token = MockERC20__factory.connect(contracts.usdt, actors.operator);
  for (const holder of [dave, erin]) {
    await report.tx(
      `${report.who(holder.address)} receives 1,000 test USDT`,
      actors.operator.address,
      token.mint(holder.address, parseUnits("1000", USDT_DECIMALS)),
    );
  }
  const now = await chainNow(context);
  const usdtCampaign = await createCharityCampaign(charity, contracts.vault, {
    token: contracts.usdt,
    goal: parseUnits("5000", USDT_DECIMALS),
    hardCap: 0n,
    deadline: now + 30n * DAY,
    disbursementDeadline: now + 365n * DAY,
    allOrNothing: false,
    beneficiaries: [foundation.address],
    detailsHash: sha256(toUtf8Bytes("Scholarships for Busan students, in USDT")),
  });
  await report.tx(
    `Campaign ${usdtCampaign.campaignId} "Scholarships for Busan students" opened in USDT`,
    charity.address,
    receiptOf(context, usdtCampaign.txHash),
  );
  for (const [donor, amount] of [
    [dave, parseUnits("250", USDT_DECIMALS)],
    [erin, parseUnits("100", USDT_DECIMALS)],
  ] as const) {
    const gift = await donateToCampaign(donor, contracts.vault, { campaignId: usdtCampaign.campaignId, amount });
    await report.tx(
      `${report.who(donor.address)} donated ${usdt(gift.amount)}`,
      donor.address,
      receiptOf(context, gift.txHash),
    );
  }
  facts.campaignIds = [ethCampaign.campaignId, usdtCampaign.campaignId];

  // Blockchain Week is over and its escrow has ended: the settlement donates its share.
  await advanceTo(context, settlementOpens, "Blockchain Week ended and its refund window (grace period) is over");
  const before = await getCharityCampaign(ethers.provider, contracts.vault, ethCampaign.campaignId);
  const settled = await settleProceeds(actors.organiser, contracts.tickets);
  await report.tx(
    `Ticket proceeds settled: ${eth(settled.donated)} donated to campaign ${SETTLEMENT_CAMPAIGN_ID}, ${eth(settled.toTreasury)} to the organiser`,
    actors.organiser.address,
    receiptOf(context, settled.txHash),
  );
  const after = await getCharityCampaign(ethers.provider, contracts.vault, ethCampaign.campaignId);
  facts.settlementDonation = after.donated - before.donated;
  expectFact(
    settled.donated > 0n && facts.settlementDonation === settled.donated,
    "The settlement donation did not arrive in the charity campaign.",
  );
  report.note(
    `Campaign ${ethCampaign.campaignId} received Blockchain Week's donation`,
    `${eth(facts.settlementDonation)} from ticket sales`,
  );

  // The campaign closes; the foundation is paid for an invoice after a challenge window.
  await advanceTo(context, deadline + 1n, `campaign ${ethCampaign.campaignId}'s donation deadline has passed`);
  const proposal = await proposeCharityDisbursement(charity, contracts.vault, {
    campaignId: ethCampaign.campaignId,
    payee: foundation.address,
    amount: INVOICE_AMOUNT,
    purposeHash: sha256(toUtf8Bytes(INVOICE)),
    evidenceUri: "ipfs://busan-demo/charity/invoice-BCF-2027-117.pdf",
  });
  await report.tx(
    `Binance Charity proposed paying ${eth(INVOICE_AMOUNT)} to the foundation for invoice BCF-2027-117`,
    charity.address,
    receiptOf(context, proposal.txHash),
  );
  report.note("Challenge window", `the guardian may veto until ${day(proposal.executableAt)}; nobody does`);
  await advanceTo(context, proposal.executableAt, "the challenge window is over");
  const executed = await executeCharityDisbursement(dave, contracts.vault, proposal.disbursementId);
  await report.tx(
    `Dave executed payout ${proposal.disbursementId} (anyone may, once the window is over)`,
    dave.address,
    receiptOf(context, executed.txHash),
  );
  const withdrawn = await withdrawCharityPayout(foundation, contracts.vault, ZeroAddress);
  await report.tx(
    `The foundation withdrew ${eth(withdrawn.amount)}`,
    foundation.address,
    receiptOf(context, withdrawn.txHash),
  );
  const final = await getCharityCampaign(ethers.provider, contracts.vault, ethCampaign.campaignId);
  facts.campaignOneDonated = final.donated;
  report.note(
    `Campaign ${ethCampaign.campaignId}: ${eth(final.donated)} donated + ${eth(final.matched)} matched`,
    `${eth(final.disbursed)} paid out, ${eth(final.held)} held`,
  );

  // Dave asks where his money went.
  const trace = await traceDonor(ethers.provider, contracts.vault, dave.address);
  await writeArtifact(context, "charity/dave-trace.json", toJson(donationTraceToJson(trace)));
  await writeArtifact(context, "charity/dave-trace.csv", donationTraceToCsv(trace));
  facts.traceBalanced = traceBalances(trace);
  expectFact(facts.traceBalanced, "Dave's trace does not add up: contributed ≠ spent + refunded + held.");
  for (const c of trace.campaigns) {
    const fmt = c.token === ZeroAddress ? eth : usdt;
    const paid = c.donations
      .flatMap((d) => d.allocations)
      .map((a) => `${fmt(a.amount)} to ${report.who(a.beneficiary)} (payout ${a.disbursementId})`);
    report.note(
      `Dave's trace, campaign ${c.campaignId}: gave ${fmt(c.contributed)}`,
      `${paid.length === 0 ? "nothing paid out yet" : paid.join(", ")}; ${fmt(c.held)} still held (exact to the wei in charity/dave-trace.json and .csv)`,
    );
  }
  return { campaignId: ethCampaign.campaignId, trace };
}

/** Every wei a donor gave is spent, refunded or held — per donation, per campaign and per token. */
export function traceBalances(trace: DonationTrace): boolean {
  const campaignsOk = trace.campaigns.every((c) => {
    const donations = c.donations.reduce((sum, d) => sum + d.amount, 0n);
    const spent = c.donations.reduce((sum, d) => sum + d.spent, 0n);
    const perDonation = c.donations.every((d) => d.allocations.reduce((sum, a) => sum + a.amount, 0n) === d.spent);
    return (
      perDonation && donations === c.contributed && spent === c.spent && c.contributed === c.spent + c.refunded + c.held
    );
  });
  const totalsOk = trace.totals.every((t) => t.contributed === t.spent + t.refunded + t.held);
  return campaignsOk && totalsOk && trace.campaigns.length > 0;
}
