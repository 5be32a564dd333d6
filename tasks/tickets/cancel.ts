import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { cancelEvent } from "../../sdk/tickets/manage.js";
import { cliAction } from "../common/action.js";
import { type TicketsTarget, connectTickets } from "./common.js";

/** `npx hardhat tickets cancel`: cancels the event (organiser); holders can then claim refunds. */
export default cliAction(async (args: TicketsTarget, hre: HardhatRuntimeEnvironment) => {
  const { suite, tickets } = await connectTickets(hre, args);
  const { txHash } = await cancelEvent(suite.signer, tickets);
  console.log(`The event is cancelled; every paid ticket can now be refunded (tx ${txHash}).`);
});
