import { type Provider, toBeHex, zeroPadValue } from "ethers";

import { BusanError } from "../errors.js";
import { getLogsPaged, type LogPageOptions } from "../logs.js";
import { PartnershipRegistry__factory } from "../../typechain-types/index.js";
import { COMMITMENT_CATEGORIES, hashAgreementTerms, type AgreementTerms } from "./typedData.js";

/** The events that carry an agreement id as their first indexed topic. */
export const AGREEMENT_EVENTS = [
  "AgreementProposed",
  "VersionProposed",
  "AgreementSigned",
  "SignatureWithdrawn",
  "VersionActivated",
  "CommitmentReported",
  "CommitmentAcknowledged",
  "CommitmentDisputed",
  "TerminationNoticeGiven",
  "AgreementTerminatedByConsent",
] as const;
export type AgreementEventName = (typeof AGREEMENT_EVENTS)[number];

/** One entry of an agreement's timeline. */
export interface AgreementTimelineEntry {
  readonly event: AgreementEventName;
  readonly blockNumber: number;
  readonly timestamp: number;
  readonly txHash: string;
  readonly logIndex: number;
  /** One line for people, e.g. "organisation 2 signed version 1 (0xab…)". */
  readonly summary: string;
  /** The event's arguments by name (bigints kept as bigints). */
  readonly args: Readonly<Record<string, unknown>>;
}

const iface = PartnershipRegistry__factory.createInterface();

/**
 * An agreement's full history rebuilt from the registry's events, oldest first, read in pages
 * through `sdk/logs.ts` (public RPCs cap the block range of a log query).
 */
export async function agreementTimeline(
  provider: Provider,
  registry: string,
  agreementId: bigint,
  options: LogPageOptions = { fromBlock: 0 },
): Promise<AgreementTimelineEntry[]> {
  const topics = AGREEMENT_EVENTS.map((name) => iface.getEvent(name).topicHash);
  const logs = await getLogsPaged(
    provider,
    { address: registry, topics: [topics, zeroPadValue(toBeHex(agreementId), 32)] },
    options,
  );
  const timestamps = new Map<number, number>();
  const entries: AgreementTimelineEntry[] = [];
  for (const log of logs) {
    const parsed = iface.parseLog(log);
    if (parsed === null) continue;
    let timestamp = timestamps.get(log.blockNumber);
    if (timestamp === undefined) {
      timestamp = (await provider.getBlock(log.blockNumber))?.timestamp ?? 0;
      timestamps.set(log.blockNumber, timestamp);
    }
    const args: Record<string, unknown> = {};
    parsed.fragment.inputs.forEach((input, i) => {
      args[input.name] = parsed.args[i] as unknown;
    });
    const event = parsed.name as AgreementEventName;
    entries.push({
      event,
      blockNumber: log.blockNumber,
      timestamp,
      txHash: log.transactionHash,
      logIndex: log.index,
      summary: summarise(event, args),
      args,
    });
  }
  return entries.sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);
}

function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "bigint" || typeof value === "number" || typeof value === "boolean") return value.toString();
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

function summarise(event: AgreementEventName, a: Readonly<Record<string, unknown>>): string {
  switch (event) {
    case "AgreementProposed":
      return `proposed "${text(a["title"])}" by ${text(a["proposer"])} between organisations ${text(a["parties"])}`;
    case "VersionProposed": {
      const terms = a["terms"] as { documentHash?: unknown } | undefined;
      const commitments = a["commitments"] as readonly { category?: unknown }[] | undefined;
      const categories = (commitments ?? []).map((c) => COMMITMENT_CATEGORIES[Number(c.category)] ?? "other");
      return `version ${text(a["version"])} proposed: document ${text(terms?.documentHash)} at ${text(a["documentURI"]) || "(no URI)"}, ${categories.length} commitment(s)${categories.length > 0 ? ` (${categories.join(", ")})` : ""}`;
    }
    case "AgreementSigned":
      return `organisation ${text(a["orgId"])} signed version ${text(a["version"])} (signer ${text(a["signer"])})`;
    case "SignatureWithdrawn":
      return `organisation ${text(a["orgId"])} withdrew its signature of version ${text(a["version"])}`;
    case "VersionActivated":
      return `version ${text(a["version"])} in force: every party signed`;
    case "CommitmentReported":
      return `commitment ${text(a["index"])} reported fulfilled, evidence ${text(a["evidenceHash"])} at ${text(a["evidenceURI"]) || "(no URI)"}`;
    case "CommitmentAcknowledged":
      return `commitment ${text(a["index"])} acknowledged by organisation ${text(a["orgId"])}`;
    case "CommitmentDisputed":
      return `commitment ${text(a["index"])} disputed by organisation ${text(a["orgId"])}, reason ${text(a["reasonHash"])}`;
    case "TerminationNoticeGiven":
      return `organisation ${text(a["orgId"])} gave notice, reason ${text(a["reasonHash"])}; ends at ${new Date(Number(a["effectiveAt"]) * 1000).toISOString()}`;
    case "AgreementTerminatedByConsent":
      return `terminated by every party, reason ${text(a["reasonHash"])}`;
  }
}

/** The signed terms of a version and its document URI, as the `VersionProposed` event recorded them. */
export interface ProposedVersion {
  readonly terms: AgreementTerms;
  readonly documentURI: string;
  readonly blockNumber: number;
}

/**
 * The terms of a version from its `VersionProposed` event (the registry stores only their hash),
 * checked against the hash the registry stores for that version.
 */
export async function versionTerms(
  provider: Provider,
  registry: string,
  agreementId: bigint,
  version: number,
  options: LogPageOptions = { fromBlock: 0 },
): Promise<ProposedVersion> {
  const logs = await getLogsPaged(
    provider,
    {
      address: registry,
      topics: [
        iface.getEvent("VersionProposed").topicHash,
        zeroPadValue(toBeHex(agreementId), 32),
        zeroPadValue(toBeHex(version), 32),
      ],
    },
    options,
  );
  const log = logs[0];
  const parsed = log === undefined ? null : iface.parseLog(log);
  if (log === undefined || parsed === null) {
    throw new BusanError(
      `No proposal of version ${version} of agreement ${agreementId} was found in the registry's events.`,
    );
  }
  const t = parsed.args[3] as unknown as AgreementTerms;
  const terms: AgreementTerms = {
    documentHash: t.documentHash,
    commitmentsHash: t.commitmentsHash,
    effectiveAt: t.effectiveAt,
    expiresAt: t.expiresAt,
    signingDeadline: t.signingDeadline,
    noticePeriod: t.noticePeriod,
  };
  const stored = await PartnershipRegistry__factory.connect(registry, provider).agreementVersion(agreementId, version);
  if (stored.termsHash !== hashAgreementTerms(terms)) {
    throw new BusanError(
      `The terms in the events of agreement ${agreementId} do not match the hash the registry stores.`,
    );
  }
  return { terms, documentURI: parsed.args[4] as string, blockNumber: log.blockNumber };
}
