import { Contract, ZeroAddress, formatUnits, getAddress, isAddress, parseUnits } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { InvalidInputError } from "../../sdk/errors.js";
import { type SuiteConnection, connectSuite } from "../common/connect.js";

/** Options every `tickets` command takes. */
export interface TicketsTarget {
  /** The EventTickets contract; defaults to the deployment's `EventTickets`. */
  readonly address: string;
  /** Signer: an address or an account index; defaults to the first account. */
  readonly from: string;
}

/** Connects and resolves the ticket contract. */
export async function connectTickets(
  hre: HardhatRuntimeEnvironment,
  target: TicketsTarget,
): Promise<{ suite: SuiteConnection; tickets: string }> {
  const suite = await connectSuite(hre, target.from);
  const tickets = await suite.contract("EventTickets", target.address);
  if ((await suite.ethers.provider.getCode(tickets)) === "0x") {
    throw new InvalidInputError(`There is no contract at ${tickets} on ${suite.networkName}.`);
  }
  return { suite, tickets };
}

/** A whole number ≥ `min` from an option, or an `InvalidInputError` naming the option. */
export function parseWhole(value: string, option: string, min = 0n): bigint {
  if (!/^\d+$/.test(value.trim())) throw new InvalidInputError(`${option} must be a whole number, not "${value}".`);
  const parsed = BigInt(value.trim());
  if (parsed < min) throw new InvalidInputError(`${option} must be at least ${min}.`);
  return parsed;
}

/** `ETH` (or empty) for the native coin, otherwise an ERC-20 address. */
export function parseCurrency(value: string): string {
  const text = value.trim();
  if (text === "" || text.toUpperCase() === "ETH") return ZeroAddress;
  if (!isAddress(text)) throw new InvalidInputError(`--currency must be ETH or a token address, not "${value}".`);
  return getAddress(text);
}

const DECIMALS_ABI = ["function decimals() view returns (uint8)", "function symbol() view returns (string)"];

/** Decimals and symbol of a currency (18 and ETH for the native coin). */
export async function currencyInfo(
  suite: SuiteConnection,
  currency: string,
): Promise<{ decimals: number; symbol: string }> {
  if (currency === ZeroAddress) return { decimals: 18, symbol: "ETH" };
  const token = new Contract(currency, DECIMALS_ABI, suite.ethers.provider);
  const [decimals, symbol] = (await Promise.all([token.getFunction("decimals")(), token.getFunction("symbol")()])) as [
    bigint,
    string,
  ];
  return { decimals: Number(decimals), symbol };
}

/** A decimal amount in a currency's units (e.g. `0.1` ETH) to base units. */
export function parseAmount(value: string, decimals: number, option: string): bigint {
  try {
    const amount = parseUnits(value.trim(), decimals);
    if (amount < 0n) throw new Error("negative");
    return amount;
  } catch (error) {
    throw new InvalidInputError(`${option} must be a non-negative amount, not "${value}".`, { cause: error });
  }
}

/** Base units shown with the currency's decimals and symbol. */
export function formatAmount(amount: bigint, info: { decimals: number; symbol: string }): string {
  return `${formatUnits(amount, info.decimals)} ${info.symbol}`;
}

/** A time given as unix seconds or an ISO 8601 date. */
export function parseTime(value: string, option: string): bigint {
  const text = value.trim();
  if (/^\d+$/.test(text)) return BigInt(text);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new InvalidInputError(`${option} must be unix seconds or an ISO date, not "${value}".`);
  return BigInt(Math.floor(ms / 1000));
}

/** Unix seconds as an ISO date. */
export function formatTime(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString();
}
