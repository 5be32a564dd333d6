import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

import { Contract, formatUnits, isHexString, parseUnits, type Provider, ZeroAddress } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { FileNotFoundError, InvalidInputError } from "../../sdk/errors.js";
import { connectSuite, parseAddress, type SuiteConnection } from "../common/connect.js";

/** The contract name of the vault in the suite's deployments. */
export const VAULT_NAME = "CharityVault";

/** Options every charity command accepts. */
export interface VaultArgs {
  readonly address: string;
  readonly from?: string;
}

/** Connects and resolves the vault's address (`--address` or the deployment). */
export async function connectVault(
  hre: HardhatRuntimeEnvironment,
  args: VaultArgs,
): Promise<{ suite: SuiteConnection; vault: string }> {
  const suite = await connectSuite(hre, args.from ?? "");
  const vault = await suite.contract(VAULT_NAME, args.address);
  return { suite, vault };
}

/** A positive whole-number id from an option. */
export function parseId(value: string, option: string): bigint {
  const text = value.trim();
  if (!/^[0-9]+$/.test(text) || BigInt(text) === 0n) {
    throw new InvalidInputError(`${option} must be a positive whole number, not "${value}".`);
  }
  return BigInt(text);
}

/** `ETH` (or empty) for the native coin, otherwise an ERC-20 address. */
export function parseToken(value: string): string {
  const text = value.trim();
  if (text === "" || text.toUpperCase() === "ETH" || text.toUpperCase() === "BNB") return ZeroAddress;
  return parseAddress(text, "--token");
}

/** Decimals of a currency: 18 for the native coin. */
export async function tokenDecimals(provider: Provider, token: string): Promise<number> {
  if (token === ZeroAddress) return 18;
  const erc20 = new Contract(token, ["function decimals() view returns (uint8)"], provider);
  return Number((await erc20.getFunction("decimals")()) as bigint);
}

/** A token amount in whole units ("2.5") converted to base units. */
export function parseAmount(value: string, decimals: number, option: string): bigint {
  const text = value.trim();
  if (!/^[0-9]+(\.[0-9]+)?$/.test(text)) {
    throw new InvalidInputError(`${option} must be an amount such as 10 or 2.5, not "${value}".`);
  }
  try {
    return parseUnits(text, decimals);
  } catch (error) {
    throw new InvalidInputError(`${option} has more than ${decimals} decimal places.`, { cause: error });
  }
}

/** Base units shown in whole units with the currency's symbol. */
export function showAmount(amount: bigint, decimals: number, token: string): string {
  return `${formatUnits(amount, decimals)} ${token === ZeroAddress ? "ETH" : token}`;
}

/** A time: ISO date, unix seconds, or `+<n>d` / `+<n>h` from now. */
export function parseTime(value: string, option: string, now: number): bigint {
  const text = value.trim();
  const relative = /^\+([0-9]+)([dh])$/.exec(text);
  if (relative !== null) {
    const n = Number(relative[1]);
    return BigInt(now + n * (relative[2] === "d" ? 86_400 : 3_600));
  }
  if (/^[0-9]+$/.test(text)) return BigInt(text);
  const ms = Date.parse(text);
  if (text === "" || Number.isNaN(ms)) {
    throw new InvalidInputError(`${option} must be an ISO date, unix seconds or +<days>d, not "${value}".`);
  }
  return BigInt(Math.floor(ms / 1000));
}

/** SHA-256 of a file as a 0x-prefixed 32-byte hex string. */
export async function sha256File(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new FileNotFoundError(path, "document", { cause: error });
  }
  return `0x${createHash("sha256").update(bytes).digest("hex")}`;
}

/** A hash from `--<hashOption>` or the SHA-256 of `--<fileOption>`: exactly one of them. */
export async function hashFromOptions(
  file: string,
  hash: string,
  fileOption: string,
  hashOption: string,
): Promise<string> {
  if (file !== "" && hash !== "") throw new InvalidInputError(`Give ${fileOption} or ${hashOption}, not both.`);
  if (file !== "") return sha256File(file);
  if (!isHexString(hash, 32)) {
    throw new InvalidInputError(`${hashOption} must be a 32-byte hex hash (or give ${fileOption}).`);
  }
  return hash;
}

/** JSON with bigints as decimal strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);
}
