import { getAddress, type Provider } from "ethers";

import { InvalidInputError } from "../errors.js";
import {
  type CharityEvent,
  type CharityDisbursementExecutedEvent,
  type CharityDisbursementProposedEvent,
  readCharityEvents,
  type ReadCharityEventsOptions,
} from "./events.js";
import type { DonationTraceJson } from "./schema.js";

/** How the trace rounds, printed with every trace. */
export const TRACE_ROUNDING_RULE =
  "Each executed disbursement X of a campaign is attributed to each donation d as floor(X * d / base), " +
  "where base is everything the campaign took in (donations plus matching). The matching pool funds its own " +
  "share, and the remainder of the rounding (less than one wei per donation) stays unattributed to any donor. " +
  "What a donor gave and is neither attributed to a disbursement nor refunded is reported as held.";

export interface CharityTraceAllocation {
  readonly disbursementId: bigint;
  readonly beneficiary: string;
  readonly amount: bigint;
  readonly purposeHash: string;
  readonly evidenceUri: string;
  readonly proposedTx: string;
  readonly executedTx: string;
  readonly executedBlock: number;
}

export interface CharityTraceDonation {
  readonly campaignId: bigint;
  readonly donationId: bigint;
  readonly amount: bigint;
  readonly matched: bigint;
  readonly payer: string;
  readonly txHash: string;
  readonly blockNumber: number;
  readonly spent: bigint;
  readonly allocations: readonly CharityTraceAllocation[];
}

export interface CharityTraceRefund {
  readonly kind: "refund" | "dormant-reclaim";
  readonly amount: bigint;
  readonly txHash: string;
  readonly blockNumber: number;
}

export interface CharityTraceCampaign {
  readonly campaignId: bigint;
  readonly token: string;
  readonly base: bigint;
  readonly contributed: bigint;
  readonly spent: bigint;
  readonly refunded: bigint;
  readonly held: bigint;
  readonly donations: readonly CharityTraceDonation[];
  readonly refunds: readonly CharityTraceRefund[];
}

export interface CharityTraceTotal {
  readonly token: string;
  readonly contributed: bigint;
  readonly spent: bigint;
  readonly refunded: bigint;
  readonly held: bigint;
}

/** Where a donor's money went, built from the vault's events. */
export interface DonationTrace {
  readonly chainId: bigint;
  readonly vault: string;
  readonly donor: string;
  readonly campaigns: readonly CharityTraceCampaign[];
  readonly totals: readonly CharityTraceTotal[];
}

/**
 * Builds a donor's trace from the vault's events (in chain order): every donation, the share of
 * every executed disbursement it funded (see `TRACE_ROUNDING_RULE`), the refunds, and what is
 * still held. Pure: give it the events of `readCharityEvents`.
 */
export function buildDonationTrace(
  events: readonly CharityEvent[],
  donorAddress: string,
  meta: { chainId: bigint; vault: string },
): DonationTrace {
  const donor = getAddress(donorAddress);
  const byCampaign = new Map<bigint, CharityEvent[]>();
  for (const event of events) {
    const list = byCampaign.get(event.campaignId) ?? [];
    list.push(event);
    byCampaign.set(event.campaignId, list);
  }
  const campaigns: CharityTraceCampaign[] = [];
  for (const [campaignId, list] of [...byCampaign.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const mine = list.filter((e) => e.kind === "Donated" && getAddress(e.donor) === donor);
    if (mine.length === 0) continue;
    campaigns.push(traceCampaign(campaignId, list, donor));
  }
  const totals = new Map<string, { contributed: bigint; spent: bigint; refunded: bigint; held: bigint }>();
  for (const c of campaigns) {
    const t = totals.get(c.token) ?? { contributed: 0n, spent: 0n, refunded: 0n, held: 0n };
    t.contributed += c.contributed;
    t.spent += c.spent;
    t.refunded += c.refunded;
    t.held += c.held;
    totals.set(c.token, t);
  }
  return {
    chainId: meta.chainId,
    vault: getAddress(meta.vault),
    donor,
    campaigns,
    totals: [...totals.entries()].map(([token, t]) => ({ token, ...t })),
  };
}

function traceCampaign(campaignId: bigint, events: readonly CharityEvent[], donor: string): CharityTraceCampaign {
  let token: string | undefined;
  let base = 0n;
  const proposals = new Map<bigint, CharityDisbursementProposedEvent>();
  const executed: CharityDisbursementExecutedEvent[] = [];
  const refunds: CharityTraceRefund[] = [];
  for (const event of events) {
    switch (event.kind) {
      case "CampaignCreated":
        token = getAddress(event.token);
        break;
      case "Donated":
        base += event.amount + event.matched;
        break;
      case "DisbursementProposed":
        proposals.set(event.disbursementId, event);
        break;
      case "DisbursementExecuted":
        executed.push(event);
        break;
      case "Refunded":
      case "DormantReclaimed":
        if (getAddress(event.donor) === donor) {
          refunds.push({
            kind: event.kind === "Refunded" ? "refund" : "dormant-reclaim",
            amount: event.amount,
            txHash: event.txHash,
            blockNumber: event.blockNumber,
          });
        }
        break;
      default:
        break;
    }
  }
  if (token === undefined) {
    throw new InvalidInputError(
      `The events of campaign ${campaignId} do not include its creation; scan from an earlier block.`,
    );
  }
  const donations: CharityTraceDonation[] = [];
  for (const event of events) {
    if (event.kind !== "Donated" || getAddress(event.donor) !== donor) continue;
    const allocations: CharityTraceAllocation[] = executed.map((x) => {
      const proposal = proposals.get(x.disbursementId);
      if (proposal === undefined) {
        throw new InvalidInputError(
          `Disbursement ${x.disbursementId} was executed but its proposal is missing from the events.`,
        );
      }
      return {
        disbursementId: x.disbursementId,
        beneficiary: getAddress(x.payee),
        // Donations end before any disbursement, so `base` is final whenever one executes.
        amount: base === 0n ? 0n : (x.amount * event.amount) / base,
        purposeHash: proposal.purposeHash,
        evidenceUri: proposal.evidenceUri,
        proposedTx: proposal.txHash,
        executedTx: x.txHash,
        executedBlock: x.blockNumber,
      };
    });
    const spent = allocations.reduce((sum, a) => sum + a.amount, 0n);
    donations.push({
      campaignId,
      donationId: event.donationId,
      amount: event.amount,
      matched: event.matched,
      payer: getAddress(event.payer),
      txHash: event.txHash,
      blockNumber: event.blockNumber,
      spent,
      allocations,
    });
  }
  const contributed = donations.reduce((sum, d) => sum + d.amount, 0n);
  const spent = donations.reduce((sum, d) => sum + d.spent, 0n);
  const refunded = refunds.reduce((sum, r) => sum + r.amount, 0n);
  const held = contributed - spent - refunded;
  if (held < 0n) {
    throw new InvalidInputError(`The events of campaign ${campaignId} are inconsistent: more was paid out than given.`);
  }
  return { campaignId, token, base, contributed, spent, refunded, held, donations, refunds };
}

/** Reads the vault's events and builds the donor's trace. */
export async function traceDonor(
  provider: Provider,
  vault: string,
  donor: string,
  options: Omit<ReadCharityEventsOptions, "campaignId"> = {},
): Promise<DonationTrace> {
  const events = await readCharityEvents(provider, vault, options);
  const { chainId } = await provider.getNetwork();
  return buildDonationTrace(events, donor, { chainId, vault });
}

/** The trace as versioned JSON (`DonationTraceSchema`): amounts as decimal strings. */
export function donationTraceToJson(trace: DonationTrace): DonationTraceJson {
  return {
    version: 1,
    chainId: trace.chainId.toString(),
    vault: trace.vault,
    donor: trace.donor,
    rounding: TRACE_ROUNDING_RULE,
    campaigns: trace.campaigns.map((c) => ({
      campaignId: c.campaignId.toString(),
      token: c.token,
      base: c.base.toString(),
      contributed: c.contributed.toString(),
      spent: c.spent.toString(),
      refunded: c.refunded.toString(),
      held: c.held.toString(),
      donations: c.donations.map((d) => ({
        campaignId: d.campaignId.toString(),
        donationId: d.donationId.toString(),
        amount: d.amount.toString(),
        matched: d.matched.toString(),
        payer: d.payer,
        txHash: d.txHash,
        blockNumber: d.blockNumber,
        spent: d.spent.toString(),
        allocations: d.allocations.map((a) => ({
          disbursementId: a.disbursementId.toString(),
          beneficiary: a.beneficiary,
          amount: a.amount.toString(),
          purposeHash: a.purposeHash,
          evidenceUri: a.evidenceUri,
          proposedTx: a.proposedTx,
          executedTx: a.executedTx,
          executedBlock: a.executedBlock,
        })),
      })),
      refunds: c.refunds.map((r) => ({
        kind: r.kind,
        amount: r.amount.toString(),
        txHash: r.txHash,
        blockNumber: r.blockNumber,
      })),
    })),
    totals: trace.totals.map((t) => ({
      token: t.token,
      contributed: t.contributed.toString(),
      spent: t.spent.toString(),
      refunded: t.refunded.toString(),
      held: t.held.toString(),
    })),
  };
}

/** CSV columns of `donationTraceToCsv`. */
export const TRACE_CSV_HEADER = [
  "campaignId",
  "token",
  "kind",
  "donationId",
  "donationTx",
  "disbursementId",
  "beneficiary",
  "amount",
  "purposeHash",
  "evidenceUri",
  "txHash",
] as const;

/**
 * The trace as CSV, one row per wei destination: an `allocation` row per donation and
 * disbursement, a `refund` or `dormant-reclaim` row per refund and one `held` row per campaign.
 * Per campaign, the `amount` column sums to what the donor contributed.
 */
export function donationTraceToCsv(trace: DonationTrace): string {
  const rows: string[][] = [[...TRACE_CSV_HEADER]];
  for (const c of trace.campaigns) {
    const id = c.campaignId.toString();
    for (const d of c.donations) {
      for (const a of d.allocations) {
        rows.push([
          id,
          c.token,
          "allocation",
          d.donationId.toString(),
          d.txHash,
          a.disbursementId.toString(),
          a.beneficiary,
          a.amount.toString(),
          a.purposeHash,
          a.evidenceUri,
          a.executedTx,
        ]);
      }
    }
    for (const r of c.refunds) rows.push([id, c.token, r.kind, "", "", "", "", r.amount.toString(), "", "", r.txHash]);
    rows.push([id, c.token, "held", "", "", "", "", c.held.toString(), "", "", ""]);
  }
  return `${rows.map((row) => row.map(csvField).join(",")).join("\n")}\n`;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
