import { AbiCoder, Interface, type InterfaceAbi } from "ethers";

import { BusanError, ContractRevertError } from "./errors.js";

/** Selector of the built-in `Error(string)` revert. */
const ERROR_STRING_SELECTOR = "0x08c379a0";
/** Selector of the built-in `Panic(uint256)` revert. */
const PANIC_SELECTOR = "0x4e487b71";

/** Solidity panic codes and what they mean (from the Solidity documentation). */
const PANIC_REASONS: Readonly<Record<number, string>> = {
  0x01: "assertion failed",
  0x11: "arithmetic overflow or underflow",
  0x12: "division or modulo by zero",
  0x21: "invalid enum value",
  0x22: "invalid storage byte array",
  0x31: "pop on an empty array",
  0x32: "array index out of bounds",
  0x41: "out of memory",
  0x51: "call to an uninitialised function",
};

/** An ABI to decode errors with: an ethers `Interface` (e.g. `contract.interface`) or a JSON ABI. */
export type AbiSource = Interface | InterfaceAbi;

/** How deep `findRevertData` looks into nested provider errors. */
const MAX_ERROR_DEPTH = 8;

/** A revert decoded to its error name and arguments. */
export interface DecodedRevert {
  readonly name: string;
  readonly signature: string | undefined;
  readonly args: readonly unknown[];
  /** For `Error(string)` the message, for `Panic` its meaning. */
  readonly reason: string | undefined;
  readonly data: string;
}

/**
 * Finds the ABI-encoded revert data inside an error thrown by ethers, Hardhat's provider or a
 * JSON-RPC node. Providers nest it differently (`data`, `error.data`, `info.error.data`,
 * `data.data`), so this walks the error (and its `cause`) breadth-first.
 */
export function findRevertData(error: unknown): string | undefined {
  const queue: { value: unknown; depth: number }[] = [{ value: error, depth: 0 }];
  const seen = new Set<unknown>();
  while (queue.length > 0) {
    const next = queue.shift();
    if (next === undefined) break;
    const { value, depth } = next;
    if (typeof value !== "object" || value === null || seen.has(value) || depth > MAX_ERROR_DEPTH) continue;
    seen.add(value);
    const record = value as Record<string, unknown>;
    const data = record["data"];
    if (typeof data === "string" && /^0x([0-9a-fA-F]{8})([0-9a-fA-F]{2})*$/.test(data)) return data;
    for (const key of ["data", "error", "info", "cause", "payload", "revert"]) {
      if (key in record) queue.push({ value: record[key], depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Decodes revert data against the ABIs of the suite's contracts. Returns `undefined` when the
 * data matches no known error.
 */
export function decodeRevertData(data: string, abis: readonly AbiSource[] = []): DecodedRevert | undefined {
  const selector = data.slice(0, 10).toLowerCase();
  const coder = AbiCoder.defaultAbiCoder();
  if (selector === ERROR_STRING_SELECTOR) {
    const [message] = coder.decode(["string"], `0x${data.slice(10)}`) as unknown as [string];
    return { name: "Error", signature: "Error(string)", args: [message], reason: message, data };
  }
  if (selector === PANIC_SELECTOR) {
    const [code] = coder.decode(["uint256"], `0x${data.slice(10)}`) as unknown as [bigint];
    const meaning = PANIC_REASONS[Number(code)] ?? "unknown panic";
    return {
      name: "Panic",
      signature: "Panic(uint256)",
      args: [code],
      reason: `Panic(0x${code.toString(16)}: ${meaning})`,
      data,
    };
  }
  for (const abi of abis) {
    const iface = abi instanceof Interface ? abi : new Interface(abi);
    const parsed = iface.parseError(data);
    if (parsed === null) continue;
    return {
      name: parsed.name,
      signature: parsed.signature,
      args: [...parsed.args],
      reason: undefined,
      data,
    };
  }
  return undefined;
}

/**
 * Decodes whatever an ethers call or transaction threw into its custom-error name. Use it to
 * turn a failed write into a `ContractRevertError` that names the error, e.g.
 * `CharityVaultCampaignNotActive(7)`.
 */
export function decodeRevert(error: unknown, abis: readonly AbiSource[] = []): DecodedRevert | undefined {
  // ethers already decodes against the contract's own ABI when it can.
  const revert: unknown =
    typeof error === "object" && error !== null ? (error as { revert?: unknown }).revert : undefined;
  const data = findRevertData(error);
  if (isRevertDescription(revert)) {
    const args = isArrayLike(revert.args) ? Array.from(revert.args) : [];
    return {
      name: revert.name,
      signature: typeof revert.signature === "string" ? revert.signature : undefined,
      args,
      reason: revert.name === "Error" && typeof args[0] === "string" ? args[0] : undefined,
      data: data ?? "0x",
    };
  }
  if (data === undefined) return undefined;
  return decodeRevertData(data, abis);
}

/**
 * Wraps a thrown error: a decodable revert becomes a `ContractRevertError`; a `BusanError` is
 * returned as is; anything else becomes a `BusanError` carrying the original as `cause`.
 */
export function toBusanError(error: unknown, abis: readonly AbiSource[] = []): BusanError {
  if (error instanceof BusanError) return error;
  const decoded = decodeRevert(error, abis);
  if (decoded !== undefined) {
    return new ContractRevertError(decoded.name, decoded.args, {
      cause: error,
      ...(decoded.signature === undefined ? {} : { signature: decoded.signature }),
      ...(decoded.reason === undefined ? {} : { reason: decoded.reason }),
    });
  }
  const message = shortMessageOf(error);
  return new BusanError(message, { cause: error });
}

function shortMessageOf(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const short = (error as { shortMessage?: unknown }).shortMessage;
    if (typeof short === "string" && short.length > 0) return sentence(short);
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string" && message.length > 0) return sentence(message.split("\n")[0] ?? message);
  }
  return "An unexpected error occurred.";
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function isRevertDescription(value: unknown): value is { name: string; signature?: unknown; args?: unknown } {
  return typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string";
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { length?: unknown }).length === "number";
}
