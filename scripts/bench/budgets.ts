/**
 * Gas budgets of the suite, one entry per benchmarked operation. The benchmark
 * (`npm run bench`) fails when an operation costs more than its budget. Gas is deterministic for a
 * given compiler, settings and chain, so budgets are exact limits: no tolerance, no timing.
 *
 * `per: "item"` budgets bound the gas of one item of a batch (total gas / items).
 * `anchor` is the figure of the best-known public implementation of the same operation, measured
 * on the same chain with the same method, for comparison in the report.
 */
export interface Budget {
  readonly domain: string;
  readonly limit: number;
  readonly per: "tx" | "item";
  readonly anchor?: string;
}

export const BUDGETS: Readonly<Record<string, Budget>> = {
  // --- harness -----------------------------------------------------------------------------
  "baseline: plain ETH transfer": { domain: "baseline", limit: 21_000, per: "tx", anchor: "21,000 (protocol)" },

  // --- academy (scripts/bench/operations/academy.ts) -----------------------------------------
  "academy: anchor cohort root (10 graduates)": { domain: "academy", limit: 60_000, per: "tx" },
  "academy: anchor cohort root (100,000 graduates)": { domain: "academy", limit: 60_000, per: "tx" },
  "academy: direct issue": { domain: "academy", limit: 120_000, per: "tx", anchor: "EAS attest 223,932" },
  "academy: claim with proof (1,024-graduate cohort)": { domain: "academy", limit: 130_000, per: "tx" },
  "academy: revoke": { domain: "academy", limit: 50_000, per: "tx", anchor: "EAS revoke 63,849" },

  // --- charity (scripts/bench/operations/charity.ts) -----------------------------------------
  "charity: first ETH donation by a new donor": { domain: "charity", limit: 65_000, per: "tx" },
  "charity: repeat ETH donation": { domain: "charity", limit: 45_000, per: "tx" },
  "charity: ERC-20 donation": { domain: "charity", limit: 85_000, per: "tx" },
  "charity: refund claim": { domain: "charity", limit: 45_000, per: "tx" },
  "charity: disbursement execution": { domain: "charity", limit: 80_000, per: "tx" },

  // --- tickets (scripts/bench/operations/tickets.ts) -----------------------------------------
  "tickets: buy 1 ticket with ETH (new buyer)": {
    domain: "tickets",
    limit: 120_000,
    per: "tx",
    anchor: "Unlock purchase 270,794; OZ ERC-721 mint 73,728",
  },
  // A tier with a per-wallet cap stores one more new slot (the buyer's count) than the issue's
  // budgeted case; budgeted separately so the cost of the cap is visible.
  "tickets: buy 1 ticket with ETH (new buyer, per-wallet cap)": { domain: "tickets", limit: 145_000, per: "tx" },
  "tickets: airdrop 100 tickets": { domain: "tickets", limit: 60_000, per: "item" },
  "tickets: record 100 check-ins in a batch": { domain: "tickets", limit: 5_000, per: "item" },
  "tickets: refund claim": { domain: "tickets", limit: 60_000, per: "tx" },
  "tickets: resale purchase": { domain: "tickets", limit: 100_000, per: "tx" },

  // --- partnerships (scripts/bench/operations/partnerships.ts) -------------------------------
  "partnerships: relay one EIP-712 signature": {
    domain: "partnerships",
    limit: 50_000,
    per: "tx",
    anchor: "EthSign sign ~58,000-62,000",
  },
  "partnerships: propose MOU (2 parties, 5 commitments)": {
    domain: "partnerships",
    limit: 300_000,
    per: "tx",
    anchor: "EthSign create (3 parties) 253,707",
  },
  "partnerships: relay the last signature (activates the MOU)": {
    domain: "partnerships",
    limit: 60_000,
    per: "tx",
    anchor: "EthSign sign ~58,000-62,000",
  },
};
