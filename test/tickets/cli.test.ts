import { mkdtemp, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import hre from "hardhat";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import airdrop from "../../tasks/tickets/airdrop.js";
import buy from "../../tasks/tickets/buy.js";
import cancel from "../../tasks/tickets/cancel.js";
import checkin from "../../tasks/tickets/checkin.js";
import pass from "../../tasks/tickets/pass.js";
import refund from "../../tasks/tickets/refund.js";
import resaleBuy from "../../tasks/tickets/resale-buy.js";
import resaleCancel from "../../tasks/tickets/resale-cancel.js";
import resaleList from "../../tasks/tickets/resale-list.js";
import resaleWithdraw from "../../tasks/tickets/resale-withdraw.js";
import settle from "../../tasks/tickets/settle.js";
import show from "../../tasks/tickets/show.js";
import tierAdd from "../../tasks/tickets/tier-add.js";
import tierList from "../../tasks/tickets/tier-list.js";
import { GRACE, deployEvent } from "./fixture.js";

const connection = await hre.network.create();
const { ethers, networkHelpers } = connection;

/** The runtime environment the commands see: the test's chain instead of a new one per command. */
const cliHre = new Proxy(hre, {
  get(target, property, receiver) {
    if (property === "network") return { ...target.network, create: () => Promise.resolve(connection) };
    const value: unknown = Reflect.get(target, property, receiver);
    return value;
  },
});

function currentExitCode(): number {
  const code: unknown = process.exitCode;
  return typeof code === "number" ? code : Number(code ?? 0);
}

interface Run {
  readonly out: string;
  readonly err: string;
  readonly exitCode: number;
}

/** Runs a command action, capturing its output and exit code. */
async function run<A>(action: (args: A, hre: HardhatRuntimeEnvironment) => Promise<void>, args: A): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...values: unknown[]) => out.push(values.map(String).join(" "));
  console.error = (...values: unknown[]) => err.push(values.map(String).join(" "));
  process.exitCode = 0;
  try {
    await action(args, cliHre);
  } finally {
    console.log = log;
    console.error = error;
  }
  const exitCode = currentExitCode();
  process.exitCode = 0;
  return { out: out.join("\n"), err: err.join("\n"), exitCode };
}

async function deployed() {
  return deployEvent(ethers, networkHelpers);
}

const TIER_DEFAULTS = {
  name: "",
  image: "",
  price: "0",
  currency: "ETH",
  supply: "100",
  saleStart: "",
  saleEnd: "",
  walletCap: "0",
  policy: "free",
  resaleCapBps: "1000",
  refundable: false,
  allowlistRoot: "",
  graduateCourse: "",
};

describe("tasks/tickets (command line)", () => {
  it("runs the main path: tier, buy, airdrop, pass, check-in, show, resale, cancel, refund, settle", async () => {
    const f = await networkHelpers.loadFixture(deployed);
    const address = await f.tickets.getAddress();
    const as = (index: number) => ({ address, from: String(index) });
    const dir = await mkdtemp(path.join(tmpdir(), "tickets-cli-"));

    const added = await run(tierAdd, { ...as(1), ...TIER_DEFAULTS, name: "Night", image: "ipfs://n", price: "0.2" });
    expect(added.exitCode).to.equal(0, added.err);
    expect(added.out).to.match(/Added tier 7 "Night" at 0.2 ETH/);
    const listed = await run(tierList, { ...as(0), json: false });
    expect(listed.out).to.match(/Tier 7 "Night": 0.2 ETH, 0\/100 sold/);

    const bought = await run(buy, { ...as(3), tier: "7", quantity: "2", maxPrice: "" });
    expect(bought.exitCode).to.equal(0, bought.err);
    expect(bought.out).to.match(/Bought ticket\(s\) 7000001, 7000002/);

    const csv = path.join(dir, "press.csv");
    await writeFile(csv, `address\n${f.bob.address}\n${f.carol.address}\n`);
    const dropped = await run(airdrop, { ...as(7), tier: "1", csv });
    expect(dropped.out).to.match(/Airdropped 2 ticket\(s\) of tier 1: 1000001 … 1000002/);

    const png = path.join(dir, "pass.png");
    const passRun = await run(pass, { ...as(3), tokenId: "7000001", ttl: "120", out: png });
    expect(passRun.exitCode).to.equal(0, passRun.err);
    expect((await stat(png)).size).to.be.greaterThan(100);
    const code = /BWT1\.[^\s]+/.exec(passRun.out)?.[0] ?? "";
    expect(code).to.not.equal("");
    const admitted = await run(checkin, { ...as(6), pass: code, verifyOnly: false });
    expect(admitted.exitCode).to.equal(0, admitted.err);
    expect(admitted.out).to.match(/ADMIT ticket 7000001/);
    expect(admitted.out).to.match(/Check-in recorded/);
    const again = await run(checkin, { ...as(6), pass: code, verifyOnly: true });
    expect(again.exitCode).to.equal(1);
    expect(again.err).to.equal("Error: Refused: the pass for ticket 7000001 is already checked in.");

    const shown = await run(show, { ...as(0), tokenId: "7000001" });
    expect(shown.out).to.match(/checked in: true; locked: true/);
    const event = await run(show, { ...as(0), tokenId: "" });
    expect(event.out).to.match(/Blockchain Week Busan/);

    const listedForResale = await run(resaleList, { ...as(3), tokenId: "7000002", price: "" });
    expect(listedForResale.out).to.match(/Listed ticket 7000002 for 0.22 ETH/);
    expect((await run(resaleCancel, { ...as(3), tokenId: "7000002" })).out).to.match(/cancelled/);
    await run(resaleList, { ...as(3), tokenId: "7000002", price: "0.21" });
    const resold = await run(resaleBuy, { ...as(4), tokenId: "7000002" });
    expect(resold.out).to.match(/Bought ticket 7000002 for 0.21 ETH/);
    // The seller (account 3) was credited, not paid: they withdraw the price minus the royalty.
    const withdrawn = await run(resaleWithdraw, as(3));
    expect(withdrawn.out).to.match(/Withdrew 0.1995 ETH of resale proceeds/);
    const nothingLeft = await run(resaleWithdraw, as(3));
    expect(nothingLeft.exitCode).to.equal(1);
    expect(nothingLeft.err).to.match(/EventTicketsNothingToWithdraw/);

    expect((await run(cancel, as(1))).out).to.match(/The event is cancelled/);
    const refunded = await run(refund, { ...as(4), tokenId: "7000002" });
    expect(refunded.out).to.match(/Refunded 0.2 ETH for ticket 7000002/);
    await networkHelpers.time.increaseTo(f.end + GRACE);
    const settled = await run(settle, { ...as(0), currency: "ETH" });
    expect(settled.exitCode).to.equal(0, settled.err);
    expect(settled.out).to.match(/Settled: .* donated to the charity campaign/);
  });

  it("fails with one sentence and a non-zero exit on bad input and reverts", async () => {
    const f = await networkHelpers.loadFixture(deployed);
    const address = await f.tickets.getAddress();
    const base = { address, from: "3" };
    const missing = await run(airdrop, { ...base, tier: "1", csv: "/no/such/file.csv" });
    expect(missing).to.include({
      exitCode: 1,
      err: "Error: The CSV file /no/such/file.csv does not exist or cannot be read.",
    });
    const badPass = await run(checkin, { ...base, pass: "BWT1.nope", verifyOnly: true });
    expect(badPass.exitCode).to.equal(1);
    expect(badPass.err).to.match(/^Error: The pass code must be BWT1/);
    const badTier = await run(buy, { ...base, tier: "zero", quantity: "1", maxPrice: "" });
    expect(badTier.err).to.equal('Error: --tier must be a whole number, not "zero".');
    const graduate = await run(buy, { ...base, tier: "5", quantity: "1", maxPrice: "" });
    expect(graduate.exitCode).to.equal(1);
    expect(graduate.err).to.match(/^Error: The transaction reverted with EventTicketsCertificateRequired\(5, 0x/);
    const policy = await run(tierAdd, { address, from: "1", ...TIER_DEFAULTS, name: "X", policy: "forever" });
    expect(policy.err).to.equal('Error: --policy must be free, resale-only or soulbound, not "forever".');
    const nothing = await run(show, { address: "0x000000000000000000000000000000000000dEaD", from: "0", tokenId: "1" });
    expect(nothing.err).to.match(/^Error: There is no contract at 0x000000000000000000000000000000000000dEaD on /);
    const badAddress = await run(show, { address: "0x123", from: "0", tokenId: "" });
    expect(badAddress.err).to.equal('Error: --address must be an address, not "0x123".');
  });
});
