import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { listTiers } from "../../sdk/tickets/tiers.js";
import { cliAction } from "../common/action.js";
import { type TicketsTarget, connectTickets, currencyInfo, formatAmount, formatTime } from "./common.js";

interface TierListArgs extends TicketsTarget {
  readonly json: boolean;
}

/** `npx hardhat tickets tier list`: every tier with price, sales and rules. */
export default cliAction(async (args: TierListArgs, hre: HardhatRuntimeEnvironment) => {
  const { suite, tickets } = await connectTickets(hre, args);
  const tiers = await listTiers(suite.signer, tickets);
  if (args.json) {
    console.log(JSON.stringify(tiers, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2));
    return;
  }
  if (tiers.length === 0) console.log("The event has no tiers yet.");
  for (const t of tiers) {
    const price = formatAmount(t.price, await currencyInfo(suite, t.currency));
    const rules = [
      t.policy,
      t.refundable ? "refundable" : "non-refundable",
      t.perWalletCap > 0n ? `max ${t.perWalletCap} per wallet` : "",
      t.graduateOnly ? `graduates of course ${t.courseId}` : "",
      /^0x0+$/.test(t.allowlistRoot) ? "" : "allowlist",
      `resale cap +${Number(t.resaleCapBps) / 100}%`,
    ].filter((r) => r !== "");
    console.log(
      `Tier ${t.tierId} "${t.name}": ${price}, ${t.minted}/${t.supply} sold, on sale ${formatTime(t.saleStart)} to ${formatTime(t.saleEnd)}; ${rules.join(", ")}`,
    );
  }
});
