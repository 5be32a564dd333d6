import { sha256, toUtf8Bytes } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { InvalidInputError } from "../../sdk/errors.js";
import { hashAgreementDocumentFile } from "../../sdk/node/partnerships.js";
import { connectPartnershipRegistry, type PartnershipRegistry } from "../../sdk/partnerships/registry.js";
import { connectSuite, type SuiteConnection } from "../common/connect.js";

/** Options every `partnership` command takes. */
export interface RegistryArgs {
  /** The registry address; empty = from the deployment on this chain. */
  readonly address: string;
  /** The account to act as (address or index); empty = the first account. */
  readonly from: string;
}

/** The Ignition future id of the registry (deploy/modules/Partnerships.ts). */
export const REGISTRY_CONTRACT = "PartnershipRegistry";

export async function openRegistry(
  hre: HardhatRuntimeEnvironment,
  args: RegistryArgs,
): Promise<{ suite: SuiteConnection; registry: PartnershipRegistry }> {
  const suite = await connectSuite(hre, args.from);
  const address = await suite.contract(REGISTRY_CONTRACT, args.address);
  return { suite, registry: connectPartnershipRegistry(address, suite.signer) };
}

/** A whole number from an option, or an `InvalidInputError` naming the option. */
export function parseWhole(value: string, option: string): bigint {
  if (!/^\d+$/.test(value.trim())) throw new InvalidInputError(`${option} must be a whole number, not "${value}".`);
  return BigInt(value.trim());
}

/** A small whole number (an index or an organisation id). */
export function parseSmall(value: string, option: string): number {
  const n = parseWhole(value, option);
  if (n > 0xffffffffn) throw new InvalidInputError(`${option} is too large: ${value}.`);
  return Number(n);
}

/** A non-empty option. */
export function required(value: string, option: string): string {
  if (value.trim() === "") throw new InvalidInputError(`${option} is required.`);
  return value.trim();
}

/**
 * A 32-byte hash from `--<name>-hash 0x…`, `--<name>-file PATH` (SHA-256 of the file) or
 * `--<name> TEXT` (SHA-256 of the UTF-8 text), whichever is given.
 */
export async function hashFromOptions(
  what: string,
  options: { hash: string; file: string; text: string },
): Promise<string> {
  const given = [options.hash, options.file, options.text].filter((v) => v !== "").length;
  if (given !== 1) {
    throw new InvalidInputError(
      `Give exactly one of --${what}-hash, --${what}-file or --${what} (text) for the ${what}.`,
    );
  }
  if (options.hash !== "") {
    const hex = options.hash.startsWith("0x") ? options.hash : `0x${options.hash}`;
    if (!/^0x[0-9a-fA-F]{64}$/.test(hex)) {
      throw new InvalidInputError(`--${what}-hash must be 64 hex digits, not "${options.hash}".`);
    }
    return hex.toLowerCase();
  }
  if (options.file !== "") return hashAgreementDocumentFile(options.file);
  return sha256(toUtf8Bytes(options.text));
}

/**
 * The party index the acting account signs for: the explicit `--party`, else the first party
 * whose organisation lists the account as a signer.
 */
export async function resolveParty(
  registry: PartnershipRegistry,
  agreementId: bigint,
  account: string,
  explicit: string,
): Promise<{ partyIndex: number; orgId: number }> {
  const view = await registry.agreement(agreementId);
  const parties = view.parties.map(Number);
  if (explicit !== "") {
    const partyIndex = parseSmall(explicit, "--party");
    const orgId = parties[partyIndex];
    if (orgId === undefined) {
      throw new InvalidInputError(`Agreement ${agreementId} has no party ${partyIndex} (it has ${parties.length}).`);
    }
    return { partyIndex, orgId };
  }
  for (const [partyIndex, orgId] of parties.entries()) {
    if (await registry.isSigner(orgId, account)) return { partyIndex, orgId };
  }
  throw new InvalidInputError(
    `The account ${account} signs for none of the parties of agreement ${agreementId}; use --party or --from.`,
  );
}

/** Seconds since the epoch as an ISO date, or "none" for 0. */
export function isoDate(seconds: bigint | number): string {
  const n = Number(seconds);
  return n === 0 ? "none" : new Date(n * 1000).toISOString().replace(".000Z", "Z");
}

/** How long an offline signature stays usable unless `--valid-hours` says otherwise. */
const DEFAULT_VALID_HOURS = 72n;
const SECONDS_PER_HOUR = 3_600n;

/** The deadline of an offline signature: the chain's time plus `--valid-hours` (default 72). */
export async function signatureDeadline(suite: SuiteConnection, validHours: string): Promise<bigint> {
  const hours = validHours === "" ? DEFAULT_VALID_HOURS : parseWhole(validHours, "--valid-hours");
  const block = await suite.ethers.provider.getBlock("latest");
  return BigInt(block?.timestamp ?? Math.floor(Date.now() / 1000)) + hours * SECONDS_PER_HOUR;
}
