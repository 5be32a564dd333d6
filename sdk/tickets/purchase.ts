import { Contract, type Signer, ZeroAddress } from "ethers";

import { BusanError, InvalidInputError } from "../errors.js";
import { eventsOf, readChain, sendAndWait, ticketsAt } from "./contract.js";

/** The two ERC-20 functions a purchase needs. */
export const ERC20_ABI = [
  "function allowance(address owner, address spender) view returns (uint256)",
  "function approve(address spender, uint256 amount) returns (bool)",
] as const;

/** The cost of a purchase at the tier's current price. */
export interface PurchaseQuote {
  readonly tierId: bigint;
  readonly quantity: bigint;
  /** `address(0)` for ETH. */
  readonly currency: string;
  readonly unitPrice: bigint;
  readonly total: bigint;
  readonly remaining: bigint;
}

/** Quotes `quantity` tickets of a tier. */
export async function quotePurchase(
  signer: Signer,
  tickets: string,
  tierId: bigint,
  quantity: bigint,
): Promise<PurchaseQuote> {
  if (quantity < 1n) throw new InvalidInputError("The quantity must be at least 1.");
  const tier = await readChain(() => ticketsAt(tickets, signer).tier(tierId));
  return {
    tierId,
    quantity,
    currency: tier.currency,
    unitPrice: tier.price,
    total: tier.price * quantity,
    remaining: tier.supply - tier.minted,
  };
}

export interface BuyOptions {
  readonly tierId: bigint;
  readonly quantity: bigint;
  /** Highest unit price accepted; defaults to the quoted price (so a price rise reverts). */
  readonly maxPrice?: bigint;
  /** Merkle proof for an allowlisted tier. */
  readonly proof?: readonly string[];
  /** Approve the ERC-20 total first when the allowance is short (default true). */
  readonly approve?: boolean;
}

export interface PurchaseResult {
  readonly tokenIds: readonly bigint[];
  readonly unitPrice: bigint;
  readonly currency: string;
  readonly txHash: string;
}

/** Buys tickets for the signer: exact ETH, or an ERC-20 approval then the purchase. */
export async function buyTickets(signer: Signer, tickets: string, options: BuyOptions): Promise<PurchaseResult> {
  const quote = await quotePurchase(signer, tickets, options.tierId, options.quantity);
  const contract = ticketsAt(tickets, signer);
  const maxPrice = options.maxPrice ?? quote.unitPrice;
  const proof = [...(options.proof ?? [])];
  if (quote.currency !== ZeroAddress && (options.approve ?? true)) {
    const token = new Contract(quote.currency, ERC20_ABI, signer);
    const owner = await signer.getAddress();
    const allowance = await readChain(() => token.getFunction("allowance")(owner, tickets) as Promise<bigint>);
    if (allowance < quote.total) await sendAndWait(() => token.getFunction("approve")(tickets, quote.total));
  }
  const value = quote.currency === ZeroAddress ? quote.total : 0n;
  const receipt = await sendAndWait(() => contract.buy(options.tierId, options.quantity, maxPrice, proof, { value }));
  const [event] = eventsOf(contract, receipt, "TicketsPurchased");
  if (event === undefined) throw new BusanError("The purchase succeeded but emitted no TicketsPurchased event.");
  const first = event.args.getValue("firstTokenId") as bigint;
  const quantity = event.args.getValue("quantity") as bigint;
  const tokenIds = Array.from({ length: Number(quantity) }, (_, i) => first + BigInt(i));
  return {
    tokenIds,
    unitPrice: event.args.getValue("unitPrice") as bigint,
    currency: quote.currency,
    txHash: receipt.hash,
  };
}
