import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/** Local defaults: a two-day event starting 2027-10-25, so sales stay open on a local chain. */
const DEFAULT_START = 1_824_422_400n; // 2027-10-25T00:00:00Z
const DEFAULT_END = DEFAULT_START + 2n * 86_400n;
const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

/**
 * One Blockchain Week event's ticket contract. Every value is a module parameter (see
 * `deploy/parameters/<network>.json`); the suite module passes the Academy and Charity addresses.
 * Roles: `admin` (admin, minter, gate) and `organiser` default to the deployer.
 */
export default buildModule("Tickets", (m) => {
  const deployer = m.getAccount(0);
  const admin = m.getParameter("admin", deployer);
  const organiser = m.getParameter("organiser", deployer);
  const treasury = m.getParameter("treasury", deployer);
  const tickets = m.contract(
    "EventTickets",
    [
      {
        name: m.getParameter("name", "Blockchain Week Busan"),
        symbol: m.getParameter("symbol", "BWB"),
        venue: m.getParameter("venue", "BEXCO, Busan"),
        start: m.getParameter("start", DEFAULT_START),
        end: m.getParameter("end", DEFAULT_END),
        gracePeriod: m.getParameter("gracePeriod", 7n * 86_400n),
        organiser,
        treasury,
        admin,
        royaltyBps: m.getParameter("royaltyBps", 500),
        charityBps: m.getParameter("charityBps", 1_000),
        certificateVerifier: m.getParameter("certificateVerifier", ZERO_ADDRESS),
        donationReceiver: m.getParameter("donationReceiver", ZERO_ADDRESS),
        charityCampaignId: m.getParameter("charityCampaignId", 0n),
      },
    ],
    { id: "EventTickets" },
  );
  return { tickets };
});
