import type { Provider, Signer } from "ethers";

import { BusanError } from "../errors.js";
import type { IEventTickets } from "../../typechain-types/tickets/EventTickets.js";
import { TicketMetadataRenderer__factory } from "../../typechain-types/index.js";
import { eventsOf, readChain, sendAndWait, ticketsAt } from "./contract.js";

/** A tier with its display texts. */
export interface TierInfo {
  readonly tierId: bigint;
  readonly name: string;
  readonly imageURI: string;
  readonly price: bigint;
  readonly currency: string;
  readonly supply: bigint;
  readonly minted: bigint;
  readonly saleStart: bigint;
  readonly saleEnd: bigint;
  readonly perWalletCap: bigint;
  readonly policy: "free" | "resale-only" | "soulbound";
  readonly resaleCapBps: bigint;
  readonly refundable: boolean;
  readonly graduateOnly: boolean;
  readonly courseId: bigint;
  readonly allowlistRoot: string;
}

const POLICIES = ["free", "resale-only", "soulbound"] as const;

/** Adds a tier and sets its name and image; returns the new tier id. */
export async function addTier(
  signer: Signer,
  tickets: string,
  config: IEventTickets.TierConfigStruct,
  text: { readonly name: string; readonly imageURI: string },
): Promise<{ tierId: bigint; txHash: string }> {
  const contract = ticketsAt(tickets, signer);
  const receipt = await sendAndWait(() => contract.addTier(config));
  const [event] = eventsOf(contract, receipt, "TierAdded");
  if (event === undefined) throw new BusanError("The tier was added but no TierAdded event was found.");
  const tierId = event.args.getValue("tierId") as bigint;
  const info = await readChain(() => contract.eventInfo());
  const renderer = TicketMetadataRenderer__factory.connect(info.renderer, signer);
  await sendAndWait(() => renderer.setTierText(tierId, text.name, text.imageURI));
  return { tierId, txHash: receipt.hash };
}

/** Every tier of an event with its texts. */
export async function listTiers(runner: Signer | Provider, tickets: string): Promise<TierInfo[]> {
  const contract = ticketsAt(tickets, runner);
  const count = await readChain(() => contract.tierCount());
  const info = await readChain(() => contract.eventInfo());
  const renderer = TicketMetadataRenderer__factory.connect(info.renderer, runner);
  const tiers: TierInfo[] = [];
  for (let tierId = 1n; tierId <= count; tierId += 1n) {
    const [t, text] = await readChain(() => Promise.all([contract.tier(tierId), renderer.tierText(tierId)]));
    tiers.push({
      tierId,
      name: text.name,
      imageURI: text.imageURI,
      price: t.price,
      currency: t.currency,
      supply: t.supply,
      minted: t.minted,
      saleStart: t.saleStart,
      saleEnd: t.saleEnd,
      perWalletCap: t.perWalletCap,
      policy: POLICIES[Number(t.policy)] ?? "free",
      resaleCapBps: t.resaleCapBps,
      refundable: t.refundable,
      graduateOnly: t.graduateOnly,
      courseId: t.courseId,
      allowlistRoot: t.allowlistRoot,
    });
  }
  return tiers;
}
