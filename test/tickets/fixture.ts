import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { ZeroAddress, parseEther } from "ethers";

import type { IEventTickets } from "../../typechain-types/tickets/EventTickets.js";
import { EventTickets__factory } from "../../typechain-types/index.js";

export const DAY = 86_400n;
export const GRACE = 7n * DAY;
export const Policy = { Free: 0, ResaleOnly: 1, Soulbound: 2 } as const;
export const Pause = { Sales: 0, Resale: 1, CheckIn: 2 } as const;
export const COURSE_ID = 7n;
export const CAMPAIGN_ID = 1n;

export const TIER = { GA: 1n, RESALE: 2n, SOULBOUND: 3n, TOKEN: 4n, GRADUATE: 5n, ALLOWLIST: 6n } as const;
export const PRICE = {
  GA: parseEther("0.1"),
  RESALE: parseEther("0.2"),
  SOULBOUND: parseEther("0.05"),
  TOKEN: 100_000_000n,
  GRADUATE: parseEther("0.01"),
  ALLOWLIST: parseEther("0.03"),
} as const;

export function tierConfig(
  overrides: Partial<IEventTickets.TierConfigStruct> & { saleStart: bigint; saleEnd: bigint },
): IEventTickets.TierConfigStruct {
  return {
    price: PRICE.GA,
    currency: ZeroAddress,
    supply: 100,
    perWalletCap: 0,
    policy: Policy.Free,
    resaleCapBps: 1_000,
    refundable: false,
    allowlistRoot: `0x${"00".repeat(32)}`,
    graduateOnly: false,
    courseId: 0,
    ...overrides,
  };
}

/** Deploys an event with six tiers covering every option, on the given connection. */
export async function deployEvent(ethers: HardhatEthers, networkHelpers: NetworkHelpers) {
  const [admin, organiser, treasury, alice, bob, carol, gate, minter] = await ethers.getSigners();
  if (!admin || !organiser || !treasury || !alice || !bob || !carol || !gate || !minter) {
    throw new Error("The tests need eight accounts.");
  }
  const now = BigInt(await networkHelpers.time.latest());
  const start = now + 30n * DAY;
  const end = start + 2n * DAY;
  const verifier = await ethers.deployContract("TicketsMockCertificateVerifier");
  const receiver = await ethers.deployContract("TicketsMockDonationReceiver");
  await receiver.createCampaign(CAMPAIGN_ID, ZeroAddress);
  const token = await ethers.deployContract("MockERC20", ["Busan Dollar", "BUSD", 6]);
  const deployed = await ethers.deployContract("EventTickets", [
    {
      name: "Blockchain Week Busan",
      symbol: "BWB",
      venue: "BEXCO, Busan",
      start,
      end,
      gracePeriod: GRACE,
      organiser: organiser.address,
      treasury: treasury.address,
      admin: admin.address,
      royaltyBps: 500,
      charityBps: 1_000,
      certificateVerifier: await verifier.getAddress(),
      donationReceiver: await receiver.getAddress(),
      charityCampaignId: CAMPAIGN_ID,
    },
  ]);
  const tickets = EventTickets__factory.connect(await deployed.getAddress(), admin);
  await tickets.setCurrencyAllowed(await token.getAddress(), true);
  await tickets.grantRole(await tickets.GATE_ROLE(), gate.address);
  await tickets.grantRole(await tickets.MINTER_ROLE(), minter.address);
  const tree = StandardMerkleTree.of([[alice.address], [carol.address]], ["address"]);
  const window = { saleStart: now, saleEnd: start };
  const org = tickets.connect(organiser);
  await org.addTier(tierConfig({ ...window }));
  await org.addTier(
    tierConfig({
      ...window,
      price: PRICE.RESALE,
      supply: 3,
      perWalletCap: 2,
      policy: Policy.ResaleOnly,
      refundable: true,
    }),
  );
  await org.addTier(tierConfig({ ...window, price: PRICE.SOULBOUND, supply: 10, policy: Policy.Soulbound }));
  await org.addTier(tierConfig({ ...window, price: PRICE.TOKEN, currency: await token.getAddress(), supply: 50 }));
  await org.addTier(tierConfig({ ...window, price: PRICE.GRADUATE, graduateOnly: true, courseId: COURSE_ID }));
  await org.addTier(tierConfig({ ...window, price: PRICE.ALLOWLIST, allowlistRoot: tree.root }));
  await token.mint(alice.address, 10_000_000_000n);
  await token.mint(bob.address, 10_000_000_000n);
  return {
    tickets,
    verifier,
    receiver,
    token,
    tree,
    admin,
    organiser,
    treasury,
    alice,
    bob,
    carol,
    gate,
    minter,
    start,
    end,
    now,
  };
}

export const NO_PROOF: string[] = [];
