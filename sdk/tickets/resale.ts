import { Contract, type Provider, type Signer, ZeroAddress } from "ethers";

import { BusanError } from "../errors.js";
import { eventsOf, readChain, sendAndWait, ticketsAt, tierOfToken } from "./contract.js";
import { ERC20_ABI } from "./purchase.js";

/** Lists a held ticket for resale (at most its cap). */
export async function listForResale(
  signer: Signer,
  tickets: string,
  tokenId: bigint,
  price: bigint,
): Promise<{ txHash: string }> {
  const receipt = await sendAndWait(() => ticketsAt(tickets, signer).listForResale(tokenId, price));
  return { txHash: receipt.hash };
}

/** Cancels the signer's listing. */
export async function cancelListing(signer: Signer, tickets: string, tokenId: bigint): Promise<{ txHash: string }> {
  const receipt = await sendAndWait(() => ticketsAt(tickets, signer).cancelListing(tokenId));
  return { txHash: receipt.hash };
}

/** Buys a listed ticket at its listed price (approving an ERC-20 first when needed). */
export async function buyListing(
  signer: Signer,
  tickets: string,
  tokenId: bigint,
): Promise<{ price: bigint; royalty: bigint; seller: string; txHash: string }> {
  const contract = ticketsAt(tickets, signer);
  const listing = await readChain(() => contract.listing(tokenId));
  if (listing.seller === ZeroAddress) throw new BusanError(`Ticket ${tokenId} is not listed for resale.`);
  const currency = (await readChain(() => contract.tier(tierOfToken(tokenId)))).currency;
  if (currency !== ZeroAddress) {
    const token = new Contract(currency, ERC20_ABI, signer);
    const owner = await signer.getAddress();
    const allowance = await readChain(() => token.getFunction("allowance")(owner, tickets) as Promise<bigint>);
    if (allowance < listing.price) await sendAndWait(() => token.getFunction("approve")(tickets, listing.price));
  }
  const value = currency === ZeroAddress ? listing.price : 0n;
  const receipt = await sendAndWait(() => contract.buyListing(tokenId, listing.price, { value }));
  const [event] = eventsOf(contract, receipt, "ListingSold");
  if (event === undefined) throw new BusanError("The purchase emitted no ListingSold event.");
  return {
    price: event.args.getValue("price") as bigint,
    royalty: event.args.getValue("royalty") as bigint,
    seller: event.args.getValue("seller") as string,
    txHash: receipt.hash,
  };
}

/** ETH from sold listings credited to `seller` and not yet withdrawn. */
export async function resaleProceedsOf(runner: Signer | Provider, tickets: string, seller: string): Promise<bigint> {
  return readChain(() => ticketsAt(tickets, runner).resaleProceeds(seller));
}

/**
 * Withdraws the signer's ETH resale proceeds. A sale credits the seller instead of sending them
 * ETH, so a seller contract that cannot receive ETH never blocks a buyer.
 */
export async function withdrawResaleProceeds(
  signer: Signer,
  tickets: string,
): Promise<{ amount: bigint; txHash: string }> {
  const contract = ticketsAt(tickets, signer);
  const receipt = await sendAndWait(() => contract.withdrawResaleProceeds());
  const [event] = eventsOf(contract, receipt, "ResaleProceedsWithdrawn");
  if (event === undefined) throw new BusanError("The withdrawal emitted no ResaleProceedsWithdrawn event.");
  return { amount: event.args.getValue("amount") as bigint, txHash: receipt.hash };
}
