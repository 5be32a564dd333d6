import type { Provider } from "ethers";

import { CHARITY_DISBURSEMENT_STATUSES, type CharityDisbursementStatus } from "./contract.js";
import { type CharityCampaignInfo, getCharityCampaign } from "./campaign.js";
import { readCharityEvents, type ReadCharityEventsOptions } from "./events.js";

export interface CharityReportDisbursement {
  readonly disbursementId: bigint;
  readonly payee: string;
  readonly amount: bigint;
  readonly purposeHash: string;
  readonly evidenceUri: string;
  readonly status: Exclude<CharityDisbursementStatus, "None">;
  readonly proposedTx: string;
  readonly settledTx: string | undefined;
}

/** A campaign's books: the vault's totals plus what its events say. */
export interface CharityCampaignReport extends CharityCampaignInfo {
  /** Distinct donor addresses. */
  readonly donors: number;
  readonly sponsor: string | undefined;
  /** Matched funds and unused pool returned to the sponsor. */
  readonly matchingReturned: bigint;
  readonly disbursements: readonly CharityReportDisbursement[];
  /** Executed disbursements per beneficiary. */
  readonly paidTo: ReadonlyMap<string, bigint>;
}

/** The report of `charity report --campaign ID`. */
export async function charityCampaignReport(
  provider: Provider,
  vault: string,
  campaignId: bigint,
  options: Omit<ReadCharityEventsOptions, "campaignId"> = {},
): Promise<CharityCampaignReport> {
  const info = await getCharityCampaign(provider, vault, campaignId);
  const events = await readCharityEvents(provider, vault, { ...options, campaignId });
  const donors = new Set<string>();
  const disbursements = new Map<bigint, CharityReportDisbursement>();
  const paidTo = new Map<string, bigint>();
  let sponsor: string | undefined;
  let matchingReturned = 0n;
  for (const event of events) {
    switch (event.kind) {
      case "Donated":
        donors.add(event.donor.toLowerCase());
        break;
      case "MatchingFunded":
        sponsor = event.sponsor;
        break;
      case "MatchingWithdrawn":
        matchingReturned += event.unused + event.matchedReturned;
        break;
      case "DisbursementProposed":
        disbursements.set(event.disbursementId, {
          disbursementId: event.disbursementId,
          payee: event.payee,
          amount: event.amount,
          purposeHash: event.purposeHash,
          evidenceUri: event.evidenceUri,
          status: CHARITY_DISBURSEMENT_STATUSES[1],
          proposedTx: event.txHash,
          settledTx: undefined,
        });
        break;
      case "DisbursementExecuted":
      case "DisbursementVetoed": {
        const proposal = disbursements.get(event.disbursementId);
        if (proposal === undefined) break;
        const status =
          event.kind === "DisbursementExecuted" ? CHARITY_DISBURSEMENT_STATUSES[3] : CHARITY_DISBURSEMENT_STATUSES[2];
        disbursements.set(event.disbursementId, { ...proposal, status, settledTx: event.txHash });
        if (event.kind === "DisbursementExecuted") {
          paidTo.set(event.payee, (paidTo.get(event.payee) ?? 0n) + event.amount);
        }
        break;
      }
      default:
        break;
    }
  }
  return {
    ...info,
    donors: donors.size,
    sponsor,
    matchingReturned,
    disbursements: [...disbursements.values()],
    paidTo,
  };
}
