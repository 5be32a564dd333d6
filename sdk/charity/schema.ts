import { z } from "zod";

import { InvalidInputError } from "../errors.js";

/** A non-negative whole number of wei (or token base units) written as a decimal string. */
const amount = z.string().regex(/^(0|[1-9][0-9]*)$/, "an amount in base units as a decimal string");
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "an address");
const hash = z.string().regex(/^0x[0-9a-fA-F]{64}$/, "a 32-byte hex hash");
const id = amount;

/** One disbursement's share attributed to one donation. */
export const TraceAllocationSchema = z.object({
  disbursementId: id,
  beneficiary: address,
  amount,
  purposeHash: hash,
  evidenceUri: z.string(),
  proposedTx: hash,
  executedTx: hash,
  executedBlock: z.number().int().nonnegative(),
});

export const TraceDonationSchema = z.object({
  campaignId: id,
  donationId: id,
  amount,
  matched: amount,
  payer: address,
  txHash: hash,
  blockNumber: z.number().int().nonnegative(),
  spent: amount,
  allocations: z.array(TraceAllocationSchema),
});

export const TraceRefundSchema = z.object({
  kind: z.enum(["refund", "dormant-reclaim"]),
  amount,
  txHash: hash,
  blockNumber: z.number().int().nonnegative(),
});

export const TraceCampaignSchema = z.object({
  campaignId: id,
  token: address,
  /** Everything the campaign took in: donations plus matching (the pro-rata base). */
  base: amount,
  contributed: amount,
  spent: amount,
  refunded: amount,
  held: amount,
  donations: z.array(TraceDonationSchema),
  refunds: z.array(TraceRefundSchema),
});

export const TraceTotalSchema = z.object({
  token: address,
  contributed: amount,
  spent: amount,
  refunded: amount,
  held: amount,
});

/**
 * The donor's verification report (`charity trace --json`), version 1. For every campaign and
 * every token: `spent + refunded + held == contributed`, and `spent` is the sum of the
 * allocations of the campaign's donations, exact to the wei.
 */
export const DonationTraceSchema = z.object({
  version: z.literal(1),
  chainId: id,
  vault: address,
  donor: address,
  rounding: z.string(),
  campaigns: z.array(TraceCampaignSchema),
  totals: z.array(TraceTotalSchema),
});

export type DonationTraceJson = z.infer<typeof DonationTraceSchema>;

/** Validates a trace read from anywhere (a file, a web request) before it is trusted. */
export function parseDonationTrace(value: unknown): DonationTraceJson {
  const result = DonationTraceSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined ? "" : ` at ${issue.path.join(".") || "the top level"}: ${issue.message}`;
    throw new InvalidInputError(`The donation trace is not valid${where}.`, { cause: result.error });
  }
  return result.data;
}
