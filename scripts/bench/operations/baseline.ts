import { type BenchContext, gasOf, type Measurement } from "../types.js";

/** A plain ETH transfer: its 21,000 gas is fixed by the protocol, so it checks the harness itself. */
export async function measure({ ethers }: BenchContext): Promise<Measurement[]> {
  const [sender, recipient] = await ethers.getSigners();
  if (sender === undefined || recipient === undefined) throw new Error("The benchmark needs two accounts.");
  const gas = await gasOf(await sender.sendTransaction({ to: recipient.address, value: 1n }));
  return [{ operation: "baseline: plain ETH transfer", gas, items: 1 }];
}
