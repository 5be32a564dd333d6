import { getAddress, isAddress } from "ethers";

import { DeploymentNotFoundError, InvalidInputError } from "./errors.js";

/**
 * The addresses of one deployment of the suite, keyed by Ignition future id
 * (`<ModuleId>#<ContractName>`), as Ignition writes them to `deployed_addresses.json`.
 */
export interface Deployment {
  readonly chainId: bigint;
  readonly addresses: ReadonlyMap<string, string>;
  /** Where the addresses came from (a path or URL), for error messages. */
  readonly source: string;
}

/** Parses the JSON text of Ignition's `deployed_addresses.json`. */
export function parseDeployedAddresses(text: string, chainId: bigint, source: string): Deployment {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(`The deployment file ${source} is not valid JSON.`, { cause: error });
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new InvalidInputError(`The deployment file ${source} must be a JSON object of future ids to addresses.`);
  }
  const addresses = new Map<string, string>();
  for (const [futureId, value] of Object.entries(json)) {
    if (typeof value !== "string" || !isAddress(value)) {
      throw new InvalidInputError(`The deployment file ${source} has no valid address for ${futureId}.`);
    }
    addresses.set(futureId, getAddress(value));
  }
  return { chainId, addresses, source };
}

/**
 * The address of a contract in a deployment, by full future id (`BusanSuite#CharityVault`) or by
 * contract name alone (`CharityVault`) when exactly one future has that name.
 */
export function contractAddress(deployment: Deployment, name: string): string {
  const exact = deployment.addresses.get(name);
  if (exact !== undefined) return exact;
  const matches = [...deployment.addresses.entries()].filter(([futureId]) => futureId.endsWith(`#${name}`));
  const [first, second] = matches;
  if (first === undefined) {
    throw new DeploymentNotFoundError(
      `The deployment for chain ${deployment.chainId} (${deployment.source}) has no contract named ${name}.`,
    );
  }
  if (second !== undefined) {
    const ids = matches.map(([futureId]) => futureId).join(", ");
    throw new InvalidInputError(
      `More than one contract is named ${name} in ${deployment.source} (${ids}); use the full id.`,
    );
  }
  return first[1];
}

/**
 * The first block of a deployment, from the text of Ignition's `journal.jsonl`: the lowest block
 * in which one of its transactions was confirmed. Event scans start there instead of at block 0,
 * which on a public chain saves thousands of `eth_getLogs` pages. `undefined` when the journal has
 * no confirmed transaction (lines cut short by an interrupted run are skipped).
 */
export function deploymentStartBlock(journalText: string): number | undefined {
  let first: number | undefined;
  for (const line of journalText.split("\n")) {
    if (!line.includes('"TRANSACTION_CONFIRM"')) continue;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    const block = (entry as { receipt?: { blockNumber?: unknown } }).receipt?.blockNumber;
    if (typeof block === "number" && Number.isSafeInteger(block) && block >= 0) {
      first = first === undefined ? block : Math.min(first, block);
    }
  }
  return first;
}
