import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { formatUnits } from "ethers";
import type { network } from "hardhat";

import type { DemoReport } from "./report.js";

/** A Hardhat network connection with the ethers, Ignition and network-helpers plugins. */
export type DemoConnection = Pick<
  Awaited<ReturnType<typeof network.create>>,
  "ethers" | "ignition" | "networkHelpers" | "networkName"
>;

/** The deployed suite and the test stablecoin, as addresses. */
export interface DemoContracts {
  readonly registry: string;
  readonly academy: string;
  readonly vault: string;
  readonly tickets: string;
  readonly passVerifier: string;
  readonly usdt: string;
}

/** The people and organisations of the story, each with a wallet on the chain. */
export interface DemoActors {
  /** Deploys the suite and holds the registrar and admin roles. */
  readonly operator: HardhatEthersSigner;
  readonly binance: HardhatEthersSigner;
  readonly ftx: HardhatEthersSigner;
  readonly huobi: HardhatEthersSigner;
  readonly cryptoCom: HardhatEthersSigner;
  readonly gateIo: HardhatEthersSigner;
  readonly pnu: HardhatEthersSigner;
  readonly pknu: HardhatEthersSigner;
  readonly dongA: HardhatEthersSigner;
  /** Binance Charity: the charity vault's operator (campaigns, beneficiaries, matching, payouts). */
  readonly charity: HardhatEthersSigner;
  /** The charity vault's guardian (may veto a payout during its challenge window). */
  readonly guardian: HardhatEthersSigner;
  /** Blockchain Week's organiser and treasury. */
  readonly organiser: HardhatEthersSigner;
  readonly alice: HardhatEthersSigner;
  readonly bob: HardhatEthersSigner;
  readonly carol: HardhatEthersSigner;
  readonly dave: HardhatEthersSigner;
  readonly erin: HardhatEthersSigner;
  /** A vetted charity beneficiary. */
  readonly foundation: HardhatEthersSigner;
  /** The academy's issuing account. */
  readonly academy: HardhatEthersSigner;
}

/** Actor keys in the order of the network's accounts. */
const ACTOR_ORDER = [
  "operator",
  "binance",
  "ftx",
  "huobi",
  "cryptoCom",
  "gateIo",
  "pnu",
  "pknu",
  "dongA",
  "charity",
  "guardian",
  "organiser",
  "alice",
  "bob",
  "carol",
  "dave",
  "erin",
  "foundation",
  "academy",
] as const satisfies readonly (keyof DemoActors)[];

/** The name each actor has in the report. */
export const ACTOR_NAMES: Record<keyof DemoActors, string> = {
  operator: "Suite operator (deployer)",
  binance: "Binance",
  ftx: "FTX",
  huobi: "Huobi Global",
  cryptoCom: "Crypto.com",
  gateIo: "Gate.io",
  pnu: "Pusan National University",
  pknu: "Pukyong National University",
  dongA: "Dong-A University",
  charity: "Binance Charity",
  guardian: "Charity guardian",
  organiser: "Blockchain Week organiser",
  alice: "Alice (graduate)",
  bob: "Bob (graduate)",
  carol: "Carol (graduate, attendee)",
  dave: "Dave (donor)",
  erin: "Erin (attendee)",
  foundation: "Busan Children's Foundation",
  academy: "Busan Blockchain Academy",
};

/** Assigns the network's first accounts to the story's actors. */
export async function demoActors(ethers: HardhatEthers): Promise<DemoActors> {
  const signers = await ethers.getSigners();
  if (signers.length < ACTOR_ORDER.length) {
    throw new DemoError(
      `The demo needs ${ACTOR_ORDER.length} unlocked accounts, but the network has ${signers.length}.`,
    );
  }
  const entries = ACTOR_ORDER.map((key, index) => [key, signers[index]] as const);
  return Object.fromEntries(entries) as unknown as DemoActors;
}

/** Counts and facts the chapters hand to the summary and to each other. */
export interface DemoFacts {
  chainId: bigint;
  organisations: number;
  agreements: { name: string; id: bigint; status: string }[];
  binanceAgreementId: bigint;
  courseId: bigint;
  cohortRoot: string;
  graduates: number;
  claimed: number;
  revokedTokenIds: bigint[];
  verifications: { who: string; valid: boolean; failedStep: string | undefined; detail: string }[];
  ticketsSold: number;
  ticketsAirdropped: number;
  ticketsCheckedIn: number;
  checkInBatches: number;
  resales: number;
  campaignIds: bigint[];
  settlementDonation: bigint;
  campaignOneDonated: bigint;
  traceBalanced: boolean;
  commitments: { category: string; status: string; evidenceURI: string }[];
  artifacts: string[];
}

/** What every chapter gets: the chain, the actors, the contracts, the narrator and the outputs. */
export interface DemoContext {
  readonly ethers: HardhatEthers;
  readonly networkHelpers: DemoConnection["networkHelpers"];
  readonly networkName: string;
  readonly actors: DemoActors;
  readonly contracts: DemoContracts;
  readonly report: DemoReport;
  readonly outDir: string;
  readonly facts: DemoFacts;
}

/** A failure of the story, with one sentence for the reader. */
export class DemoError extends Error {
  override name = "DemoError";
}

/** A check the story relies on; fails the demo with `message` when `condition` is false. */
export function expectFact(condition: boolean, message: string): asserts condition {
  if (!condition) throw new DemoError(message);
}

/** ETH with up to 6 decimals, e.g. "1.25 ETH". */
export function eth(wei: bigint): string {
  return `${trimDecimals(formatUnits(wei, 18), 6)} ETH`;
}

/** The test stablecoin has 6 decimals, like USDT. */
export const USDT_DECIMALS = 6;

export function usdt(units: bigint): string {
  return `${trimDecimals(formatUnits(units, USDT_DECIMALS), 2)} USDT`;
}

function trimDecimals(text: string, places: number): string {
  const [whole = "0", fraction = ""] = text.split(".");
  const kept = fraction.slice(0, places).replace(/0+$/, "");
  return kept === "" ? whole : `${whole}.${kept}`;
}

/** A unix time as a date for the reader, e.g. "2027-10-25 09:00 UTC". */
export function day(seconds: bigint): string {
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The chain's clock: the latest block's timestamp. */
export async function chainNow(context: Pick<DemoContext, "networkHelpers">): Promise<bigint> {
  return BigInt(await context.networkHelpers.time.latest());
}

/** Moves the chain's clock forward to `timestamp` (mines a block there). */
export async function advanceTo(context: DemoContext, timestamp: bigint, why: string): Promise<void> {
  const now = await chainNow(context);
  if (timestamp <= now) return;
  await context.networkHelpers.time.increaseTo(timestamp);
  context.report.note(`The clock moves on to ${day(timestamp)}`, why);
}

/** Writes an artifact into the output folder and records it; returns its path. */
export async function writeArtifact(context: DemoContext, name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(context.outDir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  context.facts.artifacts.push(path.relative(context.outDir, file));
  return file;
}

/** Records an artifact that another writer (the SDK) already put in the output folder. */
export function recordArtifact(context: DemoContext, file: string): void {
  context.facts.artifacts.push(path.relative(context.outDir, file));
}

/** JSON with bigints as decimal strings. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2)}\n`;
}

/** The receipt of a mined transaction by hash (for SDK calls that return only the hash). */
export async function receiptOf(context: DemoContext, txHash: string) {
  return context.ethers.provider.getTransactionReceipt(txHash);
}
