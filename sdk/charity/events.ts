import { type Log, type Provider, ZeroAddress } from "ethers";

import { CharityVault__factory } from "../../typechain-types/factories/charity/CharityVault__factory.js";
import { type LogPageOptions, pageLogs } from "../logs.js";
import { charityBigArg } from "./contract.js";

/** Where an event happened on chain. */
export interface CharityEventSource {
  readonly blockNumber: number;
  readonly txHash: string;
  readonly logIndex: number;
}

export interface CharityCampaignCreatedEvent extends CharityEventSource {
  readonly kind: "CampaignCreated";
  readonly campaignId: bigint;
  readonly token: string;
  readonly creator: string;
  readonly goal: bigint;
  readonly beneficiaries: readonly string[];
}
export interface CharityDonatedEvent extends CharityEventSource {
  readonly kind: "Donated";
  readonly campaignId: bigint;
  readonly donationId: bigint;
  readonly donor: string;
  readonly payer: string;
  readonly amount: bigint;
  readonly matched: bigint;
}
export interface CharityMatchingFundedEvent extends CharityEventSource {
  readonly kind: "MatchingFunded";
  readonly campaignId: bigint;
  readonly sponsor: string;
  readonly pool: bigint;
  readonly ratioBps: bigint;
}
export interface CharityMatchingWithdrawnEvent extends CharityEventSource {
  readonly kind: "MatchingWithdrawn";
  readonly campaignId: bigint;
  readonly sponsor: string;
  readonly unused: bigint;
  readonly matchedReturned: bigint;
}
export interface CharityRefundedEvent extends CharityEventSource {
  readonly kind: "Refunded" | "DormantReclaimed";
  readonly campaignId: bigint;
  readonly donor: string;
  readonly amount: bigint;
}
export interface CharityDisbursementProposedEvent extends CharityEventSource {
  readonly kind: "DisbursementProposed";
  readonly disbursementId: bigint;
  readonly campaignId: bigint;
  readonly payee: string;
  readonly amount: bigint;
  readonly purposeHash: string;
  readonly evidenceUri: string;
}
export interface CharityDisbursementExecutedEvent extends CharityEventSource {
  readonly kind: "DisbursementExecuted";
  readonly disbursementId: bigint;
  readonly campaignId: bigint;
  readonly payee: string;
  readonly amount: bigint;
}
export interface CharityDisbursementVetoedEvent extends CharityEventSource {
  readonly kind: "DisbursementVetoed";
  readonly disbursementId: bigint;
  readonly campaignId: bigint;
}

/** The vault events that tracing and reports use. */
export type CharityEvent =
  | CharityCampaignCreatedEvent
  | CharityDonatedEvent
  | CharityMatchingFundedEvent
  | CharityMatchingWithdrawnEvent
  | CharityRefundedEvent
  | CharityDisbursementProposedEvent
  | CharityDisbursementExecutedEvent
  | CharityDisbursementVetoedEvent;

const iface = CharityVault__factory.createInterface();

/** Parses one vault log into a `CharityEvent`, or `undefined` for events tracing does not use. */
export function parseCharityLog(log: Log): CharityEvent | undefined {
  const parsed = iface.parseLog({ topics: [...log.topics], data: log.data });
  if (parsed === null) return undefined;
  const source: CharityEventSource = { blockNumber: log.blockNumber, txHash: log.transactionHash, logIndex: log.index };
  const a = parsed.args;
  const big = (i: number): bigint => charityBigArg(a, i);
  const str = (i: number): string => String(a[i]);
  switch (parsed.name) {
    case "CampaignCreated": {
      const params = a[3] as { goal: bigint; beneficiaries: string[] };
      return {
        ...source,
        kind: "CampaignCreated",
        campaignId: big(0),
        token: str(1),
        creator: str(2),
        goal: params.goal,
        beneficiaries: [...params.beneficiaries].map(String),
      };
    }
    case "Donated":
      return {
        ...source,
        kind: "Donated",
        campaignId: big(0),
        donationId: big(1),
        donor: str(2),
        payer: str(3),
        amount: big(4),
        matched: big(5),
      };
    case "MatchingFunded":
      return { ...source, kind: "MatchingFunded", campaignId: big(0), sponsor: str(1), pool: big(2), ratioBps: big(3) };
    case "MatchingWithdrawn":
      return {
        ...source,
        kind: "MatchingWithdrawn",
        campaignId: big(0),
        sponsor: str(1),
        unused: big(2),
        matchedReturned: big(3),
      };
    case "Refunded":
    case "DormantReclaimed":
      return { ...source, kind: parsed.name, campaignId: big(0), donor: str(1), amount: big(2) };
    case "DisbursementProposed":
      return {
        ...source,
        kind: "DisbursementProposed",
        disbursementId: big(0),
        campaignId: big(1),
        payee: str(2),
        amount: big(3),
        purposeHash: str(4),
        evidenceUri: str(5),
      };
    case "DisbursementExecuted":
      return {
        ...source,
        kind: "DisbursementExecuted",
        disbursementId: big(0),
        campaignId: big(1),
        payee: str(2),
        amount: big(3),
      };
    case "DisbursementVetoed":
      return { ...source, kind: "DisbursementVetoed", disbursementId: big(0), campaignId: big(1) };
    default:
      return undefined;
  }
}

export interface ReadCharityEventsOptions extends Omit<LogPageOptions, "fromBlock"> {
  /** First block to scan (the vault's deployment block is enough); default 0. */
  readonly fromBlock?: number;
  /** Only events of this campaign. */
  readonly campaignId?: bigint;
}

/**
 * Every tracing-relevant event of a vault, in chain order, read page by page through
 * `sdk/logs.ts`.
 */
export async function readCharityEvents(
  provider: Provider,
  vault: string,
  options: ReadCharityEventsOptions = {},
): Promise<CharityEvent[]> {
  const events: CharityEvent[] = [];
  const pageOptions: LogPageOptions = {
    fromBlock: options.fromBlock ?? 0,
    ...(options.toBlock === undefined ? {} : { toBlock: options.toBlock }),
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  };
  for await (const page of pageLogs(provider, { address: vault === "" ? ZeroAddress : vault }, pageOptions)) {
    for (const log of page) {
      const event = parseCharityLog(log);
      if (event === undefined) continue;
      if (options.campaignId !== undefined && event.campaignId !== options.campaignId) continue;
      events.push(event);
    }
  }
  return events;
}
