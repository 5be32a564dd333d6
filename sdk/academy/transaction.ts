import type { ContractTransactionResponse, Log, LogDescription, TransactionReceipt } from "ethers";

import { BusanError } from "../errors.js";
import { toBusanError } from "../revert.js";
import { academyInterface } from "./abi.js";

/** A mined Academy transaction and the registry's events it emitted. */
export interface MinedAcademyTx {
  readonly hash: string;
  readonly receipt: TransactionReceipt;
  readonly events: readonly LogDescription[];
}

/**
 * Sends an Academy write and waits for it, turning a revert into a `ContractRevertError` that names
 * the custom error, and returning the registry's parsed events.
 */
export async function sendAcademyTx(
  registry: string,
  send: () => Promise<ContractTransactionResponse>,
): Promise<MinedAcademyTx> {
  let receipt: TransactionReceipt | null;
  try {
    const tx = await send();
    receipt = await tx.wait();
  } catch (error) {
    throw toBusanError(error, [academyInterface]);
  }
  if (receipt === null || receipt.status !== 1) throw new BusanError("The transaction was not mined successfully.");
  const events = receipt.logs
    .filter((log: Log) => log.address.toLowerCase() === registry.toLowerCase())
    .map((log: Log) => academyInterface.parseLog(log))
    .filter((parsed): parsed is LogDescription => parsed !== null);
  return { hash: receipt.hash, receipt, events };
}

/** The first event of a name, or an error saying the transaction did not emit it. */
export function academyEvent(tx: MinedAcademyTx, name: string): LogDescription {
  const event = tx.events.find((e) => e.name === name);
  if (event === undefined) throw new BusanError(`The transaction ${tx.hash} emitted no ${name} event.`);
  return event;
}
