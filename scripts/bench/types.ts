import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";

/** What a domain's benchmark gets: a fresh in-process chain. */
export interface BenchContext {
  readonly ethers: HardhatEthers;
  readonly networkHelpers: NetworkHelpers;
}

/** One measured operation: the gas of a transaction, and how many items it handled. */
export interface Measurement {
  /** Must match a key of `BUDGETS`. */
  readonly operation: string;
  readonly gas: bigint;
  /** Items handled by the transaction (tickets in an airdrop, signatures in a batch …); 1 otherwise. */
  readonly items: number;
}

/** A domain's benchmark: `scripts/bench/operations/<domain>.ts` exports `measure`. */
export type MeasureFn = (context: BenchContext) => Promise<Measurement[]>;

/** Gas used by a mined transaction, failing loudly when it did not succeed. */
export async function gasOf(tx: {
  wait(): Promise<{ gasUsed: bigint; status: number | null } | null>;
}): Promise<bigint> {
  const receipt = await tx.wait();
  if (receipt === null || receipt.status !== 1) throw new Error("A benchmarked transaction did not succeed.");
  return receipt.gasUsed;
}
