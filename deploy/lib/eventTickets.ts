import type { ContractFuture, IgnitionModuleBuilder } from "@nomicfoundation/ignition-core";

/** Local defaults: a two-day event starting 2027-10-25, so sales stay open on a local chain. */
export const DEFAULT_EVENT_START = 1_824_422_400n; // 2027-10-25T00:00:00Z
export const DEFAULT_EVENT_END = DEFAULT_EVENT_START + 2n * 86_400n;
/** Proceeds stay in escrow this long after the event ends. */
export const DEFAULT_GRACE_PERIOD = 7n * 86_400n;
const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

/** The other modules an event's ticket contract talks to, as the suite's contract futures. */
export interface EventLinks {
  readonly certificateVerifier?: ContractFuture<string>;
  readonly donationReceiver?: ContractFuture<string>;
}

/**
 * Declares one Blockchain Week event's `EventTickets` contract in the calling module. Every event
 * value is a parameter of that module (see `deploy/parameters/<network>.json`); `links` supplies the
 * Academy (graduate tiers) and Charity (settlement donation) addresses, either as parameters
 * (standalone Tickets module) or as the suite's own contract futures.
 * Roles: `admin` (admin, minter, gate) and `organiser` default to the deployer.
 */
export function eventTickets(m: IgnitionModuleBuilder, links: EventLinks = {}) {
  const deployer = m.getAccount(0);
  const organiser = m.getParameter("organiser", deployer);
  return m.contract(
    "EventTickets",
    [
      {
        name: m.getParameter("name", "Blockchain Week Busan"),
        symbol: m.getParameter("symbol", "BWB"),
        venue: m.getParameter("venue", "BEXCO, Busan"),
        start: m.getParameter("start", DEFAULT_EVENT_START),
        end: m.getParameter("end", DEFAULT_EVENT_END),
        gracePeriod: m.getParameter("gracePeriod", DEFAULT_GRACE_PERIOD),
        organiser,
        treasury: m.getParameter("treasury", deployer),
        admin: m.getParameter("admin", deployer),
        royaltyBps: m.getParameter("royaltyBps", 500),
        charityBps: m.getParameter("charityBps", 1_000),
        certificateVerifier: links.certificateVerifier ?? m.getParameter("certificateVerifier", ZERO_ADDRESS),
        donationReceiver: links.donationReceiver ?? m.getParameter("donationReceiver", ZERO_ADDRESS),
        charityCampaignId: m.getParameter("charityCampaignId", 1n),
      },
    ],
    { id: "EventTickets" },
  );
}
