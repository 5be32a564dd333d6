import { access, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { network } from "hardhat";

import { type DemoSummary, describeFailure, runDemo } from "../../scripts/demo.js";
import { DemoError } from "../../scripts/demo/context.js";
import { traceBalances } from "../../scripts/demo/charity.js";
import { verifyCredential } from "../../sdk/academy/verify.js";
import { getCharityCampaign } from "../../sdk/charity/campaign.js";
import { parseDonationTrace } from "../../sdk/charity/schema.js";
import { ContractRevertError, InvalidInputError } from "../../sdk/errors.js";
import { connectPartnershipRegistry, getAgreement } from "../../sdk/partnerships/registry.js";
import { ticketsAt } from "../../sdk/tickets/contract.js";

const connection = await network.create();
const { ethers } = connection;

const CHAPTERS = [
  "0. Deployment with Ignition",
  "1. Partnerships: MOUs with the city",
  "2. Academy: a cohort of 1,000 graduates",
  "3. Blockchain Week: tickets and the gate",
  "4. Charity: donations, a payout, a trace",
  "5. Commitments: evidence on chain",
];

describe("npm run demo (scripts/demo.ts)", () => {
  let outDir = "";
  let summary: DemoSummary;
  const lines: string[] = [];

  before(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), "busan-demo-"));
    summary = await runDemo(connection, { outDir, print: (line) => lines.push(line) });
  });

  after(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it("runs every chapter with transactions and ends with the gas per chapter", () => {
    expect(summary.chapters.map((c) => c.chapter)).to.deep.equal(CHAPTERS);
    for (const chapter of summary.chapters) expect(chapter.transactions, chapter.chapter).to.be.greaterThan(0);
    const tail = lines.slice(-(CHAPTERS.length + 2));
    expect(tail[0]).to.equal("== Gas per step ==");
    expect(tail.at(-1)).to.match(/^ {2}total +\d+ tx +[\d,]+ gas$/);
    const total = summary.chapters.reduce((sum, c) => sum + BigInt(c.gas), 0n);
    expect(summary.totalGas).to.equal(total.toString());
    expect(lines.join("\n")).to.not.match(/\n\s+at .+:\d+:\d+/);
  });

  it("leaves the Binance MOU Active and the FTX MOU Terminated, on chain", async () => {
    const registry = connectPartnershipRegistry(summary.contracts.registry, ethers.provider);
    const byName = new Map(summary.facts.agreements.map((a) => [a.name, a.id]));
    const binance = await getAgreement(registry, byName.get("Binance") ?? 0n);
    const ftx = await getAgreement(registry, byName.get("FTX") ?? 0n);
    expect(binance.status).to.equal("Active");
    expect(binance.versions[0]?.signedBy).to.deep.equal([0, 1]);
    expect(ftx.status).to.equal("Terminated");
    expect(ftx.terminatedByConsent).to.equal(true);
    expect(summary.facts.organisations).to.equal(9);
    expect(summary.facts.agreements.filter((a) => a.status === "Active")).to.have.length(5);
  });

  it("certifies 1,000 graduates and tells valid, revoked and forged credentials apart", async () => {
    expect(summary.facts.graduates).to.equal(1_000);
    expect(summary.facts.claimed).to.equal(3);
    expect(summary.facts.revokedTokenIds).to.have.length(1);
    const [alice, bob, forged] = summary.facts.verifications;
    expect(alice).to.include({ valid: true, failedStep: undefined });
    expect(bob).to.include({ valid: false, failedStep: "status" });
    expect(forged).to.include({ valid: false, failedStep: "leaf-hash" });
    // The written files verify the same way against the chain.
    const read = async (name: string): Promise<unknown> =>
      JSON.parse(await readFile(path.join(outDir, "academy", "credentials", name), "utf8")) as unknown;
    expect((await verifyCredential(ethers.provider, await read("alice.json"))).valid).to.equal(true);
    expect((await verifyCredential(ethers.provider, await read("bob.json"))).failedStep).to.equal("status");
    expect((await verifyCredential(ethers.provider, await read("forged.json"))).failedStep).to.equal("leaf-hash");
  });

  it("checks every ticket in at the gate, in batches, after sales, comps and a resale", async () => {
    const { facts } = summary;
    expect(facts.ticketsSold).to.equal(7);
    expect(facts.ticketsAirdropped).to.equal(40);
    expect(facts.resales).to.equal(1);
    expect(facts.ticketsCheckedIn).to.equal(facts.ticketsSold + facts.ticketsAirdropped);
    expect(facts.checkInBatches).to.equal(3);
    const tickets = ticketsAt(summary.contracts.tickets, ethers.provider);
    // Ticket ids are tier × 1,000,000 + serial: the first general ticket and the last speaker's.
    expect(await tickets.checkedIn(1_000_001n)).to.equal(true);
    expect(await tickets.checkedIn(3_000_040n)).to.equal(true);
  });

  it("delivers Blockchain Week's settlement donation to charity campaign 1", async () => {
    const { facts } = summary;
    expect(facts.settlementDonation > 0n).to.equal(true);
    const campaign = await getCharityCampaign(ethers.provider, summary.contracts.vault, 1n);
    // Dave 1 ETH + Carol 0.5 ETH + Erin 0.25 ETH, then the settlement's share.
    expect(campaign.donated).to.equal(ethers.parseEther("1.75") + facts.settlementDonation);
    expect(campaign.disbursed).to.equal(ethers.parseEther("1.5"));
    expect(facts.campaignIds).to.deep.equal([1n, 2n]);
  });

  it("writes a donor trace whose totals add up to the wei, as JSON and CSV", async () => {
    expect(summary.facts.traceBalanced).to.equal(true);
    const json = parseDonationTrace(
      JSON.parse(await readFile(path.join(outDir, "charity", "dave-trace.json"), "utf8")) as unknown,
    );
    expect(json.campaigns.map((c) => c.campaignId)).to.deep.equal(["1", "2"]);
    for (const c of json.campaigns) {
      expect(BigInt(c.spent) + BigInt(c.refunded) + BigInt(c.held)).to.equal(BigInt(c.contributed));
    }
    expect(json.campaigns[0]?.contributed).to.equal(ethers.parseEther("1").toString());
    expect(json.campaigns[1]?.contributed).to.equal("250000000");
    const csv = (await readFile(path.join(outDir, "charity", "dave-trace.csv"), "utf8")).trim().split("\n");
    const amountColumn = csv[0]?.split(",").indexOf("amount") ?? -1;
    const perCampaign = new Map<string, bigint>();
    for (const row of csv.slice(1)) {
      const cells = row.split(",");
      const id = cells[0] ?? "";
      perCampaign.set(id, (perCampaign.get(id) ?? 0n) + BigInt(cells[amountColumn] ?? "0"));
    }
    for (const c of json.campaigns) expect(perCampaign.get(c.campaignId)).to.equal(BigInt(c.contributed));
  });

  it("records the Binance commitments with CAIP-10 evidence and the city's acknowledgements", () => {
    const chainId = summary.chainId;
    const { commitments } = summary.facts;
    expect(commitments.map((c) => c.category)).to.deep.equal(["charity", "education", "event", "office"]);
    expect(commitments.every((c) => c.status === "Acknowledged")).to.equal(true);
    expect(commitments[0]?.evidenceURI).to.equal(`eip155:${chainId}:${summary.contracts.vault}/campaign/1`);
    expect(commitments[1]?.evidenceURI).to.equal(`eip155:${chainId}:${summary.contracts.academy}/course/1`);
    expect(commitments[2]?.evidenceURI).to.equal(`eip155:${chainId}:${summary.contracts.tickets}`);
  });

  it("writes its artifacts: credentials, the cohort CSV, pass QR codes, packets, the trace and a summary", async () => {
    const expected = [
      "academy/cohort.csv",
      "academy/credentials/alice.json",
      "academy/credentials/alice.png",
      "academy/credentials/forged.json",
      "tickets/passes/alice.png",
      "tickets/passes/speaker-1.png",
      "mou/binance-signature-packet.json",
      "mou/ftx-termination-packet.json",
      "charity/dave-trace.json",
      "charity/dave-trace.csv",
      "summary.json",
    ];
    for (const file of expected) await access(path.join(outDir, file));
    for (const file of summary.facts.artifacts) await access(path.join(outDir, file));
    const png = await readFile(path.join(outDir, "tickets", "passes", "alice.png"));
    expect(png.subarray(1, 4).toString()).to.equal("PNG");
    const cohort = (await readFile(path.join(outDir, "academy", "cohort.csv"), "utf8")).trim().split("\n");
    expect(cohort).to.have.length(1_001);
    const written = JSON.parse(await readFile(path.join(outDir, "summary.json"), "utf8")) as {
      contracts: Record<string, string>;
      chapters: unknown[];
    };
    expect(written.contracts["vault"]).to.equal(summary.contracts.vault);
    expect(written.chapters).to.have.length(CHAPTERS.length);
  });

  it("can run again on a fresh chain", async () => {
    const again = await mkdtemp(path.join(tmpdir(), "busan-demo-again-"));
    try {
      const second = await runDemo(await network.create(), {
        outDir: again,
        print: () => undefined,
      });
      expect(second.facts.ticketsCheckedIn).to.equal(summary.facts.ticketsCheckedIn);
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });

  it("refuses to replay the story on a chain where it already ran, in one sentence", async () => {
    // The first run left this chain's clock after Blockchain Week.
    const elsewhere = await mkdtemp(path.join(tmpdir(), "busan-demo-replay-"));
    try {
      await runDemo(connection, { outDir: elsewhere, print: () => undefined });
      expect.fail("The second run on the same chain should fail.");
    } catch (error) {
      expect(error).to.be.instanceOf(DemoError);
      expect(describeFailure(error)).to.match(/^This chain's clock is already past the start of Blockchain Week .*\.$/);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it("describes SDK failures by their short message", () => {
    expect(describeFailure(new InvalidInputError("The file is bad."))).to.equal("The file is bad.");
    expect(describeFailure(new ContractRevertError("EventTicketsSaleNotOpen", [1n]))).to.equal(
      "The transaction reverted with EventTicketsSaleNotOpen(1).",
    );
    expect(describeFailure(new Error("first line\n    at somewhere (file.ts:1:2)"))).to.equal("first line");
  });

  it("checks a trace's balance exactly", () => {
    expect(
      traceBalances({
        chainId: 1n,
        vault: summary.contracts.vault,
        donor: summary.contracts.vault,
        campaigns: [],
        totals: [],
      }),
    ).to.equal(false);
  });
});
