import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { settleProceeds } from "../../sdk/tickets/manage.js";
import { cliAction } from "../common/action.js";
import { type TicketsTarget, connectTickets, currencyInfo, formatAmount, parseCurrency } from "./common.js";

interface SettleArgs extends TicketsTarget {
  readonly currency: string;
}

/** `npx hardhat tickets settle [--currency ETH|TOKEN]`: pays out proceeds after end + grace. */
export default cliAction(async (args: SettleArgs, hre: HardhatRuntimeEnvironment) => {
  const currency = parseCurrency(args.currency);
  const { suite, tickets } = await connectTickets(hre, args);
  const info = await currencyInfo(suite, currency);
  const r = await settleProceeds(suite.signer, tickets, currency);
  console.log(
    `Settled: ${formatAmount(r.donated, info)} donated to the charity campaign, ${formatAmount(r.toTreasury, info)} to the treasury (tx ${r.txHash}).`,
  );
  if (r.skipped > 0n)
    console.log(`The charity share of ${formatAmount(r.skipped, info)} went to the treasury instead.`);
});
