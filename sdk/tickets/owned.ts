import { getAddress, type Provider, zeroPadValue } from "ethers";

import { getLogsPaged, type LogPageOptions } from "../logs.js";
import { readChain, ticketsAt, tierOfToken } from "./contract.js";

/** A ticket a wallet holds now, with what the contract says about it. */
export interface OwnedTicket {
  readonly tokenId: bigint;
  readonly tierId: bigint;
  readonly pricePaid: bigint;
  /** "checked-in" tickets are locked and are the holder's proof of attendance. */
  readonly status: "valid" | "checked-in";
  /** The on-chain JSON metadata (a data: URI). */
  readonly tokenURI: string;
}

/**
 * The tickets `owner` holds now. The contract does not enumerate holders' tokens (that would cost
 * every transfer gas), so this reads the `Transfer` events into the wallet in paged block ranges
 * and keeps the tokens it still owns; refunded (burned) or resold tickets drop out.
 */
export async function ticketsOfOwner(
  provider: Provider,
  tickets: string,
  owner: string,
  options: Partial<LogPageOptions> = {},
): Promise<OwnedTicket[]> {
  const contract = ticketsAt(tickets, provider);
  const transfer = contract.interface.getEvent("Transfer").topicHash;
  const logs = await getLogsPaged(
    provider,
    { address: tickets, topics: [transfer, null, zeroPadValue(getAddress(owner), 32)] },
    { ...options, fromBlock: options.fromBlock ?? 0 },
  );
  const candidates = [...new Set(logs.map((log) => BigInt(log.topics[3] ?? "0x0")))];
  const owned: OwnedTicket[] = [];
  for (const tokenId of candidates) {
    let holder: string;
    try {
      holder = await contract.ownerOf(tokenId);
    } catch {
      continue; // burned by a refund
    }
    if (getAddress(holder) !== getAddress(owner)) continue;
    const [ticket, checkedIn, tokenURI] = await readChain(() =>
      Promise.all([contract.ticket(tokenId), contract.checkedIn(tokenId), contract.tokenURI(tokenId)]),
    );
    owned.push({
      tokenId,
      tierId: tierOfToken(tokenId),
      pricePaid: ticket.pricePaid,
      status: checkedIn ? "checked-in" : "valid",
      tokenURI,
    });
  }
  return owned.sort((a, b) => (a.tokenId < b.tokenId ? -1 : a.tokenId > b.tokenId ? 1 : 0));
}
