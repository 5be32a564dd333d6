import type { Provider } from "ethers";

import { DISBURSEMENT_STATUSES, type DisbursementStatusName } from "./contract.js";
import { type CampaignInfo, getCampaign } from "./campaign.js";
import { readCharityEvents, type ReadCharityEventsOptions } from "./events.js";

export interface ReportDisbursement {
  readonly disbursementId: bigint;
  readonly payee: string;
  readonly amount: bigint;
  readonly purposeHash: string;
  readonly evidenceUri: string;
  readonly status: Exclude<DisbursementStatusName, "None">;
  readonly proposedTx: string;
  readonly settledTx: string | undefined;
}

/** A campaign's books: the vault's totals plus what its events say. */
export interface CampaignReport extends CampaignInfo {
  /** Distinct donor addresses. */
  readonly donors: number;
  readonly sponsor: string | undefined;
  /** Matched funds and unused pool returned to the sponsor. */
  readonly matchingReturned: bigint;
  readonly disbursements: readonly ReportDisbursement[];
  /** Executed disbursements per beneficiary. */
  readonly paidTo: ReadonlyMap<string, bigint>;
}

/** The report of `charity report --campaign ID`. */
export async function campaignReport(
  provider: Provider,
  vault: string,
  campaignId: bigint,
  options: Omit<ReadCharityEventsOptions, "campaignId"> = {},
): Promise<CampaignReport> {
  const info = await getCampaign(provider, vault, campaignId);
  const events = await readCharityEvents(provider, vault, { ...options, campaignId });
  const donors = new Set<string>();
  const disbursements = new Map<bigint, ReportDisbursement>();
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
          status: DISBURSEMENT_STATUSES[1],
          proposedTx: event.txHash,
          settledTx: undefined,
        });
        break;
      case "DisbursementExecuted":
      case "DisbursementVetoed": {
        const proposal = disbursements.get(event.disbursementId);
        if (proposal === undefined) break;
        const status = event.kind === "DisbursementExecuted" ? DISBURSEMENT_STATUSES[3] : DISBURSEMENT_STATUSES[2];
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
