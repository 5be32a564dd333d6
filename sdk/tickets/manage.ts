import { type Signer, ZeroAddress, getAddress, isAddress } from "ethers";

import { BusanError, InvalidInputError } from "../errors.js";
import { eventsOf, sendAndWait, ticketsAt } from "./contract.js";

/** Largest airdrop per transaction (`EventTickets.MAX_AIRDROP`). */
export const MAX_AIRDROP = 300;

/** Airdrops comps of a tier, in transactions of at most `MAX_AIRDROP`; reports progress. */
export async function airdropTickets(
  signer: Signer,
  tickets: string,
  tierId: bigint,
  recipients: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<{ tokenIds: bigint[]; txHashes: string[] }> {
  if (recipients.length === 0) throw new InvalidInputError("The airdrop has no recipients.");
  const checked = recipients.map((r, i) => {
    const text: string = r;
    if (!isAddress(r)) throw new InvalidInputError(`Recipient ${i + 1} ("${text}") is not an address.`);
    return getAddress(r);
  });
  const contract = ticketsAt(tickets, signer);
  const tokenIds: bigint[] = [];
  const txHashes: string[] = [];
  for (let i = 0; i < checked.length; i += MAX_AIRDROP) {
    const chunk = checked.slice(i, i + MAX_AIRDROP);
    const receipt = await sendAndWait(() => contract.airdrop(tierId, chunk));
    const [event] = eventsOf(contract, receipt, "TicketsAirdropped");
    if (event === undefined) throw new BusanError("The airdrop emitted no TicketsAirdropped event.");
    const first = event.args.getValue("firstTokenId") as bigint;
    chunk.forEach((_, k) => tokenIds.push(first + BigInt(k)));
    txHashes.push(receipt.hash);
    onProgress?.(Math.min(i + chunk.length, checked.length), checked.length);
  }
  return { tokenIds, txHashes };
}

/** Records admitted tickets on chain; returns what was recorded and what was rejected and why. */
export async function recordCheckIns(
  signer: Signer,
  tickets: string,
  tokenIds: readonly bigint[],
): Promise<{ recorded: bigint; rejected: { tokenId: bigint; reason: "duplicate" | "not-found" }[]; txHash: string }> {
  const contract = ticketsAt(tickets, signer);
  const receipt = await sendAndWait(() => contract.recordCheckIns([...tokenIds]));
  const rejected = eventsOf(contract, receipt, "CheckInRejected").map((e) => ({
    tokenId: e.args.getValue("tokenId") as bigint,
    reason: (e.args.getValue("reason") as bigint) === 0n ? ("duplicate" as const) : ("not-found" as const),
  }));
  const [summary] = eventsOf(contract, receipt, "CheckInsRecorded");
  const recorded = summary === undefined ? 0n : (summary.args.getValue("recorded") as bigint);
  return { recorded, rejected, txHash: receipt.hash };
}

/** Cancels the event (organiser). */
export async function cancelEvent(signer: Signer, tickets: string): Promise<{ txHash: string }> {
  const receipt = await sendAndWait(() => ticketsAt(tickets, signer).cancel());
  return { txHash: receipt.hash };
}

/** Claims the refund of a held ticket; returns the amount and currency. */
export async function claimRefund(
  signer: Signer,
  tickets: string,
  tokenId: bigint,
): Promise<{ amount: bigint; currency: string; txHash: string }> {
  const contract = ticketsAt(tickets, signer);
  const receipt = await sendAndWait(() => contract.refund(tokenId));
  const [event] = eventsOf(contract, receipt, "TicketRefunded");
  if (event === undefined) throw new BusanError("The refund emitted no TicketRefunded event.");
  return {
    amount: event.args.getValue("amount") as bigint,
    currency: event.args.getValue("currency") as string,
    txHash: receipt.hash,
  };
}

/** Settles one currency's proceeds (ETH by default). */
export async function settleProceeds(
  signer: Signer,
  tickets: string,
  currency: string = ZeroAddress,
): Promise<{ donated: bigint; toTreasury: bigint; skipped: bigint; txHash: string }> {
  const contract = ticketsAt(tickets, signer);
  const receipt = await sendAndWait(() => contract.settle(currency));
  const [settled] = eventsOf(contract, receipt, "ProceedsSettled");
  if (settled === undefined) throw new BusanError("The settlement emitted no ProceedsSettled event.");
  const [skipped] = eventsOf(contract, receipt, "DonationSkipped");
  return {
    donated: settled.args.getValue("donated") as bigint,
    toTreasury: settled.args.getValue("toTreasury") as bigint,
    skipped: skipped === undefined ? 0n : (skipped.args.getValue("amount") as bigint),
    txHash: receipt.hash,
  };
}
