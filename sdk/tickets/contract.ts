import type { ContractTransactionResponse, Provider, Signer, TransactionReceipt } from "ethers";

import { BusanError } from "../errors.js";
import { toBusanError } from "../revert.js";
import {
  type EventTickets,
  EventTickets__factory,
  TicketMetadataRenderer__factory,
  TicketPassVerifier__factory,
  TicketProceedsSplitter__factory,
} from "../../typechain-types/index.js";

/** Token id = tierId * TOKEN_ID_TIER_FACTOR + serial (see `IEventTickets`). */
export const TOKEN_ID_TIER_FACTOR = 1_000_000n;

/** The ABIs a ticket transaction can revert with, for decoding. */
export const TICKETS_ABIS = [
  EventTickets__factory.abi,
  TicketMetadataRenderer__factory.abi,
  TicketPassVerifier__factory.abi,
  TicketProceedsSplitter__factory.abi,
] as const;

/** A ticket contract bound to a signer or provider. */
export function ticketsAt(address: string, runner: Signer | Provider): EventTickets {
  return EventTickets__factory.connect(address, runner);
}

/** The tier of a token id. */
export function tierOfToken(tokenId: bigint): bigint {
  return tokenId / TOKEN_ID_TIER_FACTOR;
}

/** Runs a write, waits for it and turns any failure into a `BusanError` naming the custom error. */
export async function sendAndWait(send: () => Promise<ContractTransactionResponse>): Promise<TransactionReceipt> {
  try {
    const tx = await send();
    const receipt = await tx.wait();
    if (receipt === null || receipt.status !== 1) throw new BusanError(`The transaction ${tx.hash} failed.`);
    return receipt;
  } catch (error) {
    throw toBusanError(error, TICKETS_ABIS);
  }
}

/** Runs a read, turning a revert or node failure into a `BusanError` naming the custom error. */
export async function readChain<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw toBusanError(error, TICKETS_ABIS);
  }
}

/** Parsed logs of `contract` in a receipt, by event name. */
export function eventsOf(contract: EventTickets, receipt: TransactionReceipt, name: string) {
  const address = receipt.to === null ? undefined : receipt.to.toLowerCase();
  return receipt.logs
    .filter((log) => address === undefined || log.address.toLowerCase() === address)
    .map((log) => {
      try {
        return contract.interface.parseLog(log);
      } catch {
        return null;
      }
    })
    .filter((parsed) => parsed !== null && parsed.name === name)
    .map((parsed) => parsed as NonNullable<typeof parsed>);
}
