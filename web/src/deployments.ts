import { type Deployment, deploymentStartBlock, parseDeployedAddresses } from "../../sdk/deployments.js";

/**
 * Deployment records known when the portal was built: every
 * `deploy/deployments/chain-<id>/deployed_addresses.json` in the repository, read at build time
 * (and live while `npm run web` is running), so the portal finds contracts by chain id.
 */
const records = import.meta.glob<string>("../../deploy/deployments/chain-*/deployed_addresses.json", {
  eager: true,
  query: "?raw",
  import: "default",
});

/** Ignition's journals, for the block each deployment started at. */
const journals = import.meta.glob<string>("../../deploy/deployments/chain-*/journal.jsonl", {
  eager: true,
  query: "?raw",
  import: "default",
});

const byChain = new Map<bigint, Deployment>();
const startBlocks = new Map<bigint, number>();
for (const [file, text] of Object.entries(journals)) {
  const match = /chain-(\d+)\//.exec(file);
  const start = deploymentStartBlock(text);
  if (match?.[1] !== undefined && start !== undefined) startBlocks.set(BigInt(match[1]), start);
}
for (const [file, text] of Object.entries(records)) {
  const match = /chain-(\d+)\//.exec(file);
  if (match?.[1] === undefined) continue;
  const chainId = BigInt(match[1]);
  byChain.set(chainId, parseDeployedAddresses(text, chainId, `deploy/deployments/chain-${chainId}`));
}

/** The suite's deployment on a chain, if the portal knows one. */
export function deploymentFor(chainId: bigint): Deployment | undefined {
  return byChain.get(chainId);
}

/** The block event scans start at on a chain: the suite's deployment block, or 0 when unknown. */
export function logsFromBlock(chainId: bigint): number {
  return startBlocks.get(chainId) ?? 0;
}

/** Chain ids the portal has deployment records for. */
export function knownChains(): bigint[] {
  return [...byChain.keys()];
}
