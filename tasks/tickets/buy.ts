import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { buyTickets, quotePurchase } from "../../sdk/tickets/purchase.js";
import { cliAction } from "../common/action.js";
import { type TicketsTarget, connectTickets, currencyInfo, formatAmount, parseAmount, parseWhole } from "./common.js";

interface BuyArgs extends TicketsTarget {
  readonly tier: string;
  readonly quantity: string;
  readonly maxPrice: string;
}

/** `npx hardhat tickets buy`: buys tickets of a tier for the signer. */
export default cliAction(async (args: BuyArgs, hre: HardhatRuntimeEnvironment) => {
  const tierId = parseWhole(args.tier, "--tier", 1n);
  const quantity = parseWhole(args.quantity, "--quantity", 1n);
  const { suite, tickets } = await connectTickets(hre, args);
  const quote = await quotePurchase(suite.signer, tickets, tierId, quantity);
  const info = await currencyInfo(suite, quote.currency);
  const maxPrice = args.maxPrice === "" ? quote.unitPrice : parseAmount(args.maxPrice, info.decimals, "--max-price");
  console.log(`Buying ${quantity} ticket(s) of tier ${tierId} for ${formatAmount(quote.total, info)}…`);
  const result = await buyTickets(suite.signer, tickets, { tierId, quantity, maxPrice });
  console.log(`Bought ticket(s) ${result.tokenIds.join(", ")} (tx ${result.txHash}).`);
});
