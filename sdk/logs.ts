import type { Filter, Log, Provider } from "ethers";

import { BusanError, InvalidInputError } from "./errors.js";

/**
 * Public RPC endpoints cap the block range of `eth_getLogs` (BNB Smart Chain's public nodes at a
 * few thousand blocks, some providers at 500 or less). This default stays under the common caps.
 */
export const DEFAULT_LOG_PAGE_SIZE = 5_000;
/** The smallest range the pager shrinks to before giving up. */
const MIN_LOG_PAGE_SIZE = 1;

/** Messages that nodes use when a range or a result set is too large. */
const RANGE_ERROR_PATTERNS = [
  /block range/i,
  /range (is )?too (large|wide|big)/i,
  /exceed(s|ed)? .*(range|limit)/i,
  /too many (results|logs|blocks)/i,
  /limit(ed)? to \d+/i,
  /query returned more than/i,
  /response size/i,
];

export interface LogPageOptions {
  /** First block (inclusive). */
  readonly fromBlock: number;
  /** Last block (inclusive); defaults to the latest block at the start of the scan. */
  readonly toBlock?: number;
  /** Blocks per `eth_getLogs` call; halved automatically when a node refuses a range. */
  readonly pageSize?: number;
  /** Called after each page with the last block scanned and the end block. */
  readonly onProgress?: (scannedTo: number, toBlock: number) => void;
}

/**
 * Fetches logs in block ranges, page by page, in block order. When a node rejects a range as too
 * large, the page is split in half and retried, down to a single block.
 */
export async function* pageLogs(
  provider: Provider,
  filter: Omit<Filter, "fromBlock" | "toBlock">,
  options: LogPageOptions,
): AsyncGenerator<Log[], void, undefined> {
  const toBlock = options.toBlock ?? (await provider.getBlockNumber());
  let pageSize = options.pageSize ?? DEFAULT_LOG_PAGE_SIZE;
  if (!Number.isSafeInteger(options.fromBlock) || options.fromBlock < 0) {
    throw new InvalidInputError(`The start block ${options.fromBlock} is not a block number.`);
  }
  if (!Number.isSafeInteger(pageSize) || pageSize < MIN_LOG_PAGE_SIZE) {
    throw new InvalidInputError(`The page size ${pageSize} must be a positive whole number of blocks.`);
  }
  let from = options.fromBlock;
  while (from <= toBlock) {
    const to = Math.min(from + pageSize - 1, toBlock);
    let logs: Log[];
    try {
      logs = await provider.getLogs({ ...filter, fromBlock: from, toBlock: to });
    } catch (error) {
      if (isRangeError(error) && pageSize > MIN_LOG_PAGE_SIZE) {
        pageSize = Math.max(MIN_LOG_PAGE_SIZE, Math.floor(pageSize / 2));
        continue;
      }
      throw new BusanError(`Reading logs for blocks ${from} to ${to} failed.`, { cause: error });
    }
    yield logs;
    options.onProgress?.(to, toBlock);
    from = to + 1;
  }
}

/** All logs of a filter across a block range, paged as `pageLogs` does. */
export async function getLogsPaged(
  provider: Provider,
  filter: Omit<Filter, "fromBlock" | "toBlock">,
  options: LogPageOptions,
): Promise<Log[]> {
  const all: Log[] = [];
  for await (const page of pageLogs(provider, filter, options)) all.push(...page);
  return all;
}

/** Whether an error from `eth_getLogs` means "ask for a smaller range". */
export function isRangeError(error: unknown): boolean {
  const texts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth += 1) {
    const record = current as Record<string, unknown>;
    for (const key of ["message", "shortMessage"]) {
      const value = record[key];
      if (typeof value === "string") texts.push(value);
    }
    current = record["error"] ?? record["info"] ?? record["cause"];
  }
  return texts.some((text) => RANGE_ERROR_PATTERNS.some((pattern) => pattern.test(text)));
}
