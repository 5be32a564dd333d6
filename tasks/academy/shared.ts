import { id as hashText, isHexString } from "ethers";

import { InvalidInputError } from "../../sdk/errors.js";
import type { SuiteConnection } from "../common/connect.js";

/** The Ignition future id of the registry. */
export const ACADEMY_CONTRACT = "AcademyCertificates";
/**
 * Where verification links point unless `--link-base` says otherwise: the web portal as
 * `npm run web` serves it. Pass the address of your hosted portal for real credentials.
 */
export const DEFAULT_LINK_BASE = "http://127.0.0.1:5173/";
const SECONDS_PER_DAY = 86_400n;

/** The registry address: `--address`, else the deployment on this chain. */
export function registryAddress(suite: SuiteConnection, override: string): Promise<string> {
  return suite.contract(ACADEMY_CONTRACT, override);
}

/** A non-negative whole number option. */
export function parseUint(value: string, option: string): bigint {
  const text = value.trim();
  if (!/^\d+$/.test(text)) throw new InvalidInputError(`${option} must be a whole number, not "${value}".`);
  return BigInt(text);
}

/** A required option. */
export function required(value: string, option: string): string {
  if (value.trim() === "") throw new InvalidInputError(`${option} is required.`);
  return value.trim();
}

/** A comma-separated list of token ids. */
export function parseTokenIds(value: string): bigint[] {
  const parts = required(value, "--token-id").split(",");
  return parts.map((part) => parseUint(part, "--token-id"));
}

/** A bytes32 given as hex, or the keccak256 of any other text (a reason, a document URI). */
export function hashOrHex(value: string): string {
  return isHexString(value, 32) ? value : hashText(value);
}

/**
 * The validity window: `--valid-from` (unix seconds; default the latest block's time) and
 * `--valid-days` (0 = no expiry).
 */
export async function validity(
  suite: SuiteConnection,
  validFrom: string,
  validDays: string,
): Promise<{ validFrom: bigint; validUntil: bigint }> {
  const from =
    validFrom === ""
      ? BigInt((await suite.ethers.provider.getBlock("latest"))?.timestamp ?? 0)
      : parseUint(validFrom, "--valid-from");
  const days = parseUint(validDays === "" ? "0" : validDays, "--valid-days");
  return { validFrom: from, validUntil: days === 0n ? 0n : from + days * SECONDS_PER_DAY };
}

/** Prints a line of progress that overwrites itself on a terminal. */
export function progress(label: string): (done: number, total: number) => void {
  return (done, total) => {
    const line = `${label}: ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")}`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}${done === total ? "\n" : ""}`);
    else if (done === total || done % 1000 === 0) console.log(line);
  };
}
