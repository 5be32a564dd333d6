import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { claimRefund } from "../../sdk/tickets/manage.js";
import { cliAction } from "../common/action.js";
import { type TicketsTarget, connectTickets, currencyInfo, formatAmount, parseWhole } from "./common.js";

interface RefundArgs extends TicketsTarget {
  readonly tokenId: string;
}

/** `npx hardhat tickets refund --token-id N`: returns a held ticket for exactly its price paid. */
export default cliAction(async (args: RefundArgs, hre: HardhatRuntimeEnvironment) => {
  const tokenId = parseWhole(args.tokenId, "--token-id", 1n);
  const { suite, tickets } = await connectTickets(hre, args);
  const result = await claimRefund(suite.signer, tickets, tokenId);
  const info = await currencyInfo(suite, result.currency);
  console.log(`Refunded ${formatAmount(result.amount, info)} for ticket ${tokenId} (tx ${result.txHash}).`);
});
