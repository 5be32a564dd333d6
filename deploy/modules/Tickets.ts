import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { eventTickets } from "../lib/eventTickets.js";

/**
 * One Blockchain Week event's ticket contract on its own, for an event added after the suite is
 * deployed: the Academy and Charity addresses are the parameters `certificateVerifier` and
 * `donationReceiver` (zero disables graduate tiers and the settlement donation).
 *
 *   npx hardhat ignition deploy deploy/modules/Tickets.ts --network bscTestnet \
 *     --parameters deploy/parameters/bscTestnet.json      # { "Tickets": { "name": "…", … } }
 */
export default buildModule("Tickets", (m) => {
  const tickets = eventTickets(m);
  return { tickets };
});
