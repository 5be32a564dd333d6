import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { eventTickets } from "../lib/eventTickets.js";
import AcademyModule from "./Academy.js";
import CharityModule from "./Charity.js";
import PartnershipsModule from "./Partnerships.js";

/**
 * The whole suite: the partnership registry, the academy's certificate registry, the charity vault
 * and the Blockchain Week ticket contract, wired together — graduate tiers ask the Academy, the
 * settlement donation goes to the Charity vault's campaign `charityCampaignId`.
 *
 * Role holders are parameters of each module (`Academy.admin`, `Charity.admin|operator|guardian`,
 * `Partnerships.admin`, `BusanSuite.admin|organiser|treasury`), defaulting to the deployer for a
 * local chain; on public networks `deploy/parameters/<network>.json` names the multisigs.
 *
 *   npm run deploy -- --network bscTestnet
 */
export default buildModule("BusanSuite", (m) => {
  const { registry } = m.useModule(PartnershipsModule);
  const { academyCertificates } = m.useModule(AcademyModule);
  const { vault } = m.useModule(CharityModule);
  const tickets = eventTickets(m, { certificateVerifier: academyCertificates, donationReceiver: vault });
  return { registry, academyCertificates, vault, tickets };
});
