import { CHAINS } from "../../sdk/chains.js";

/** A human name for a chain id, including unknown ones. */
export function getChainName(chainId: bigint): string {
  return CHAINS.get(chainId)?.name ?? `chain ${chainId}`;
}
