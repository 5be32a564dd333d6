import { ZeroAddress, dataSlice, getAddress, id, parseEther } from "ethers";

import { EventTickets__factory } from "../../../typechain-types/index.js";
import { type BenchContext, gasOf, type Measurement } from "../types.js";

const DAY = 86_400n;
const PRICE = parseEther("0.1");
const NO_PROOF: string[] = [];

/**
 * Tickets: one event with a general-admission ETH tier (no per-wallet cap), a capped ETH tier and
 * a comps tier. Every measured transaction runs after a warm-up of the same kind, so the figures
 * are those of a typical buyer, not of the contract's very first write.
 */
export async function measure({ ethers, networkHelpers }: BenchContext): Promise<Measurement[]> {
  const [admin, alice, bob, carol, dave] = await ethers.getSigners();
  if (!admin || !alice || !bob || !carol || !dave) throw new Error("The benchmark needs five accounts.");
  const now = BigInt(await networkHelpers.time.latest());
  const start = now + 30n * DAY;
  const deployed = await ethers.deployContract("EventTickets", [
    {
      name: "Blockchain Week Busan",
      symbol: "BWB",
      venue: "BEXCO",
      start,
      end: start + 2n * DAY,
      gracePeriod: 7n * DAY,
      organiser: admin.address,
      treasury: admin.address,
      admin: admin.address,
      royaltyBps: 500,
      charityBps: 1_000,
      certificateVerifier: ZeroAddress,
      donationReceiver: ZeroAddress,
      charityCampaignId: 0,
    },
  ]);
  const tickets = EventTickets__factory.connect(await deployed.getAddress(), admin);
  const tier = {
    price: PRICE,
    currency: ZeroAddress,
    supply: 10_000,
    saleStart: now,
    saleEnd: start,
    perWalletCap: 0,
    policy: 0,
    resaleCapBps: 1_000,
    refundable: false,
    allowlistRoot: `0x${"00".repeat(32)}`,
    graduateOnly: false,
    courseId: 0,
  };
  await (await tickets.addTier(tier)).wait(); // 1: general admission
  await (await tickets.addTier({ ...tier, perWalletCap: 4 })).wait(); // 2: capped
  await (await tickets.addTier({ ...tier, price: 0n })).wait(); // 3: comps

  // Warm-up: the first sale of the event creates the escrow slot.
  await (await tickets.connect(alice).buy(1, 1, PRICE, NO_PROOF, { value: PRICE })).wait();
  await (await tickets.connect(alice).buy(2, 1, PRICE, NO_PROOF, { value: PRICE })).wait();
  const buyGas = await gasOf(await tickets.connect(bob).buy(1, 1, PRICE, NO_PROOF, { value: PRICE }));
  const buyCappedGas = await gasOf(await tickets.connect(carol).buy(2, 1, PRICE, NO_PROOF, { value: PRICE }));

  // Fixed recipients: random ones would change the calldata's zero bytes, and so the gas, per run.
  const recipients = Array.from({ length: 100 }, (_, i) => getAddress(dataSlice(id(`speaker ${i}`), 12)));
  await (await tickets.airdrop(3, [dave.address])).wait();
  const airdropGas = await gasOf(await tickets.airdrop(3, recipients));

  // Comps 3_000_002 … 3_000_101, recorded as one gate batch.
  const ids = Array.from({ length: 100 }, (_, i) => 3_000_002n + BigInt(i));
  await (await tickets.recordCheckIns([3_000_001n])).wait();
  const checkInGas = await gasOf(await tickets.recordCheckIns(ids));

  // Resale to a new buyer: bob's ticket 1_000_002 at its cap.
  await (await tickets.connect(alice).listForResale(1_000_001n, PRICE)).wait();
  await (await tickets.connect(carol).buyListing(1_000_001n, PRICE, { value: PRICE })).wait();
  await (await tickets.connect(bob).listForResale(1_000_002n, PRICE)).wait();
  const resaleGas = await gasOf(await tickets.connect(dave).buyListing(1_000_002n, PRICE, { value: PRICE }));

  await (await tickets.cancel()).wait();
  await (await tickets.connect(carol).refund(1_000_001n)).wait();
  const refundGas = await gasOf(await tickets.connect(dave).refund(1_000_002n));

  return [
    { operation: "tickets: buy 1 ticket with ETH (new buyer)", gas: buyGas, items: 1 },
    { operation: "tickets: buy 1 ticket with ETH (new buyer, per-wallet cap)", gas: buyCappedGas, items: 1 },
    { operation: "tickets: airdrop 100 tickets", gas: airdropGas, items: 100 },
    { operation: "tickets: record 100 check-ins in a batch", gas: checkInGas, items: 100 },
    { operation: "tickets: refund claim", gas: refundGas, items: 1 },
    { operation: "tickets: resale purchase", gas: resaleGas, items: 1 },
  ];
}
