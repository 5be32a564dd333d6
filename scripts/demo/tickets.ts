import path from "node:path";

import { parseEther, type Signer, Wallet, ZeroAddress, ZeroHash } from "ethers";
import QRCode from "qrcode";

import { BusanError, ContractRevertError } from "../../sdk/errors.js";
import { GateBatcher } from "../../sdk/tickets/batcher.js";
import { ticketsAt } from "../../sdk/tickets/contract.js";
import { airdropTickets, recordCheckIns } from "../../sdk/tickets/manage.js";
import { type CheckInPass, createPass, passToJson, verifyPass } from "../../sdk/tickets/pass.js";
import { buyTickets } from "../../sdk/tickets/purchase.js";
import { decodePassQr, encodePassQr } from "../../sdk/tickets/qr.js";
import { buyListing, listForResale } from "../../sdk/tickets/resale.js";
import { addTier } from "../../sdk/tickets/tiers.js";
import type { IEventTickets } from "../../typechain-types/tickets/EventTickets.js";
import {
  advanceTo,
  chainNow,
  day,
  type DemoContext,
  eth,
  expectFact,
  receiptOf,
  recordArtifact,
  writeArtifact,
} from "./context.js";

/** `IEventTickets.TransferPolicy`. */
const RESALE_ONLY = 1;
const SOULBOUND = 2;
const GENERAL_PRICE = parseEther("0.05");
const GRADUATE_PRICE = parseEther("0.01");
/** General tickets resell at most 10% above the price paid. */
const RESALE_CAP_BPS = 1_000;
/** Speakers who receive a complimentary ticket. */
const SPEAKERS = 40;
/** Tickets per on-chain check-in batch at the gate. */
const GATE_BATCH = 20;
/** Passes rotate every five minutes. */
const PASS_TTL_SECONDS = 300;
/** The doors open one hour after the event's start time. */
const DOORS_OPEN_AFTER = 3_600n;

/** What the tickets chapter leaves for the charity chapter. */
export interface TicketsOutcome {
  readonly eventEnd: bigint;
  readonly gracePeriod: bigint;
  readonly proceeds: bigint;
}

interface Holder {
  readonly signer: Signer;
  readonly address: string;
  readonly tokenId: bigint;
}

/** Chapter 3: Blockchain Week — tiers, sales, a graduate price, comps, resale, passes and the gate. */
export async function ticketsChapter(context: DemoContext, courseId: bigint): Promise<TicketsOutcome> {
  const { actors, report, contracts, ethers, facts } = context;
  report.chapter("3. Blockchain Week: tickets and the gate");
  const tickets = ticketsAt(contracts.tickets, actors.operator);
  const info = await tickets.eventInfo();
  const now = await chainNow(context);
  expectFact(
    now < info.start,
    `This chain's clock (${day(now)}) is already past Blockchain Week (${day(info.start)}); run the demo on a fresh chain (restart the node).`,
  );
  report.note(
    `Blockchain Week at BEXCO, ${day(info.start)} to ${day(info.end)}`,
    `ticket sales are open until the doors open`,
  );

  const tier = (overrides: Partial<IEventTickets.TierConfigStruct>): IEventTickets.TierConfigStruct => ({
    price: 0n,
    currency: ZeroAddress,
    supply: 1_000,
    saleStart: now,
    saleEnd: info.start,
    perWalletCap: 0,
    policy: RESALE_ONLY,
    resaleCapBps: 0,
    refundable: false,
    allowlistRoot: ZeroHash,
    graduateOnly: false,
    courseId: 0n,
    ...overrides,
  });
  const tiers: [string, IEventTickets.TierConfigStruct][] = [
    [
      "General admission",
      tier({ price: GENERAL_PRICE, perWalletCap: 4, resaleCapBps: RESALE_CAP_BPS, refundable: true }),
    ],
    [
      "Academy graduate",
      tier({ price: GRADUATE_PRICE, supply: 300, perWalletCap: 1, policy: SOULBOUND, graduateOnly: true, courseId }),
    ],
    ["Speaker", tier({ supply: 100, policy: SOULBOUND })],
  ];
  const tierIds: bigint[] = [];
  for (const [name, config] of tiers) {
    const added = await addTier(actors.organiser, contracts.tickets, config, {
      name,
      imageURI: `ipfs://busan-demo/tickets/${name.toLowerCase().replace(/ /g, "-")}.png`,
    });
    tierIds.push(added.tierId);
    const price = BigInt(config.price) === 0n ? "free" : eth(BigInt(config.price));
    const extra = config.graduateOnly ? `, for holders of a valid certificate of course ${courseId}` : "";
    await report.tx(
      `Tier ${added.tierId} "${name}" added (${price}${extra})`,
      actors.organiser.address,
      receiptOf(context, added.txHash),
    );
  }
  const [general = 1n, graduate = 2n, speaker = 3n] = tierIds;

  const holders: Holder[] = [];
  const buy = async (signer: Signer, tierId: bigint, quantity: bigint, label: string): Promise<bigint[]> => {
    const bought = await buyTickets(signer, contracts.tickets, { tierId, quantity });
    const address = await signer.getAddress();
    for (const tokenId of bought.tokenIds) holders.push({ signer, address, tokenId });
    facts.ticketsSold += bought.tokenIds.length;
    await report.tx(
      `${report.who(address)} bought ${label} for ${eth(bought.unitPrice * quantity)}`,
      address,
      receiptOf(context, bought.txHash),
    );
    return [...bought.tokenIds];
  };
  const carolTickets = await buy(actors.carol, general, 2n, "2 general tickets");
  await buy(actors.dave, general, 1n, "a general ticket");
  await buy(actors.erin, general, 2n, "2 general tickets");
  await buy(actors.alice, graduate, 1n, "a graduate ticket with her certificate");
  await buy(actors.carol, graduate, 1n, "a graduate ticket with her certificate");
  try {
    await buyTickets(actors.bob, contracts.tickets, { tierId: graduate, quantity: 1n });
    throw new BusanError("Bob bought a graduate ticket with a revoked certificate.");
  } catch (error) {
    if (!(error instanceof ContractRevertError)) throw error;
    report.note("Bob tries the graduate price with his revoked certificate", `refused on chain: ${error.errorName}`);
  }

  const speakers = Array.from({ length: SPEAKERS }, () => Wallet.createRandom().connect(ethers.provider));
  const comps = await airdropTickets(
    actors.operator,
    contracts.tickets,
    speaker,
    speakers.map((s) => s.address),
  );
  speakers.forEach((signer, i) => {
    const tokenId = comps.tokenIds[i];
    if (tokenId !== undefined) holders.push({ signer, address: signer.address, tokenId });
  });
  facts.ticketsAirdropped = comps.tokenIds.length;
  for (const hash of comps.txHashes) {
    await report.tx(
      `${SPEAKERS} speakers received complimentary soulbound tickets`,
      actors.operator.address,
      receiptOf(context, hash),
    );
  }

  // Carol cannot go after all: she resells one ticket, within the 10% cap, to Erin.
  const resold = carolTickets[1] ?? 0n;
  try {
    await listForResale(actors.carol, contracts.tickets, resold, parseEther("0.08"));
    throw new BusanError("A listing above the resale cap was accepted.");
  } catch (error) {
    if (!(error instanceof ContractRevertError)) throw error;
    report.note(
      `Carol asks ${eth(parseEther("0.08"))} for a ${eth(GENERAL_PRICE)} ticket`,
      `refused on chain: ${error.errorName}`,
    );
  }
  const resalePrice = (GENERAL_PRICE * BigInt(10_000 + RESALE_CAP_BPS)) / 10_000n;
  const listed = await listForResale(actors.carol, contracts.tickets, resold, resalePrice);
  await report.tx(
    `Carol listed ticket ${resold} for ${eth(resalePrice)} (the cap)`,
    actors.carol.address,
    receiptOf(context, listed.txHash),
  );
  const sale = await buyListing(actors.erin, contracts.tickets, resold);
  await report.tx(
    `Erin bought ticket ${resold} from Carol for ${eth(sale.price)} (royalty ${eth(sale.royalty)} to the organiser)`,
    actors.erin.address,
    receiptOf(context, sale.txHash),
  );
  facts.resales += 1;
  const resoldHolder = holders.findIndex((h) => h.tokenId === resold);
  holders[resoldHolder] = { signer: actors.erin, address: actors.erin.address, tokenId: resold };

  // Event day: every holder shows a signed pass; the gate checks it and records admissions in batches.
  await advanceTo(context, info.start + DOORS_OPEN_AFTER, "the doors of BEXCO open");
  const signedAt = await chainNow(context);
  const passes: { holder: Holder; pass: CheckInPass; qr: string }[] = [];
  for (const holder of holders) {
    const pass = await createPass(holder.signer, {
      tickets: contracts.tickets,
      tokenId: holder.tokenId,
      now: signedAt,
      ttlSeconds: PASS_TTL_SECONDS,
    });
    passes.push({ holder, pass, qr: encodePassQr(pass) });
  }
  report.note(
    `${passes.length} holders signed check-in passes (EIP-712)`,
    `valid ${PASS_TTL_SECONDS / 60} minutes, shown as QR codes`,
  );
  const shown = [
    ["alice", actors.alice.address],
    ["carol", actors.carol.address],
    ["erin", actors.erin.address],
    ["speaker-1", speakers[0]?.address ?? ""],
  ] as const;
  for (const [stem, address] of shown) {
    const entry = passes.find((p) => p.holder.address === address);
    if (entry === undefined) continue;
    const png = path.join(context.outDir, "tickets", "passes", `${stem}.png`);
    await writeArtifact(context, `tickets/passes/${stem}.json`, `${JSON.stringify(passToJson(entry.pass), null, 2)}\n`);
    await QRCode.toFile(png, entry.qr, { errorCorrectionLevel: "M", type: "png" });
    recordArtifact(context, png);
  }
  report.note("Pass QR codes written", shown.map(([stem]) => `${stem}.png`).join(", "));

  const gate = actors.operator;
  const batcher = new GateBatcher({
    maxSize: GATE_BATCH,
    maxWaitMs: 60_000,
    flush: async (batch) => {
      const recorded = await recordCheckIns(gate, contracts.tickets, batch);
      facts.ticketsCheckedIn += Number(recorded.recorded);
      facts.checkInBatches += 1;
      await report.tx(
        `The gate recorded a batch of ${recorded.recorded} admissions`,
        gate.address,
        receiptOf(context, recorded.txHash),
      );
    },
  });
  const scanAt = signedAt + 30n;
  for (const { qr } of passes) {
    const scanned = decodePassQr(qr);
    const check = await verifyPass(ethers.provider, scanned, {
      tickets: contracts.tickets,
      passVerifier: contracts.passVerifier,
      now: scanAt,
    });
    expectFact(check.verdict === "valid", `The pass of ticket ${scanned.tokenId} was refused: ${check.verdict}.`);
    await batcher.add(scanned.tokenId);
  }
  await batcher.flush();
  const alicePass = passes.find((p) => p.holder.address === actors.alice.address);
  if (alicePass !== undefined) {
    const again = await verifyPass(ethers.provider, decodePassQr(alicePass.qr), {
      tickets: contracts.tickets,
      passVerifier: contracts.passVerifier,
      now: scanAt,
    });
    report.note("A screenshot of Alice's pass is shown again at another gate", `refused: ${again.verdict}`);
    expectFact(again.verdict === "already-checked-in", "A used pass should be refused as already checked in.");
  }
  expectFact(
    facts.ticketsCheckedIn === holders.length,
    `Only ${facts.ticketsCheckedIn} of ${holders.length} tickets were checked in.`,
  );
  const proceeds = await ethers.provider.getBalance(contracts.tickets);
  report.note(
    `${facts.ticketsCheckedIn} attendees admitted in ${facts.checkInBatches} batches`,
    `${eth(proceeds)} of ticket sales held in escrow until ${day(info.end + info.gracePeriod)}`,
  );
  return { eventEnd: info.end, gracePeriod: info.gracePeriod, proceeds };
}
