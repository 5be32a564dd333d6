import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import hre from "hardhat";

import { hashAgreementDocumentFile } from "../../sdk/node/partnerships.js";
import type { PartnershipRegistry } from "../../typechain-types/index.js";

/**
 * The commands run in-process against one shared simulated chain: while this suite runs,
 * `hre.network.create` returns a single connection so that state persists from one command to the
 * next, as it would against a node with `--network localhost`. The original is restored after.
 */
const connection = await hre.network.create();
const { ethers } = connection;
const originalCreate = hre.network.create.bind(hre.network);

const dir = mkdtempSync(path.join(tmpdir(), "partnership-cli-"));
const DAY = 86_400;

interface Output {
  readonly out: string;
  readonly err: string;
  readonly exitCode: number;
}

/** Runs a `partnership …` command, capturing what it prints and its exit code. */
async function run(name: string[], args: Record<string, unknown>): Promise<Output> {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...parts: unknown[]) => out.push(parts.map(String).join(" "));
  console.error = (...parts: unknown[]) => err.push(parts.map(String).join(" "));
  process.exitCode = 0;
  try {
    await hre.tasks.getTask(["partnership", ...name]).run(args);
  } finally {
    console.log = log;
    console.error = error;
  }
  const code: unknown = process.exitCode;
  const exitCode = Number(code ?? 0);
  process.exitCode = 0;
  return { out: out.join("\n"), err: err.join("\n"), exitCode };
}

let registry: PartnershipRegistry;
let address: string;

async function mouFile(name: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const now = (await ethers.provider.getBlock("latest"))?.timestamp ?? 0;
  writeFileSync(path.join(dir, "mou.pdf"), "%PDF memorandum of understanding\n");
  const file = path.join(dir, name);
  writeFileSync(
    file,
    JSON.stringify({
      format: "busan-mou/1",
      title: "Blockchain industry MOU",
      parties: [1, 2],
      document: { file: "mou.pdf", uri: "ipfs://mou.pdf" },
      effectiveAt: now,
      expiresAt: now + 730 * DAY,
      signingDeadline: now + 30 * DAY,
      noticePeriodDays: 90,
      commitments: [
        { party: 2, category: "charity", due: now + 180 * DAY, description: "Donate via the charity arm" },
        { party: 1, category: "office", due: now + 90 * DAY, description: "Provide an office" },
      ],
      ...overrides,
    }),
  );
  return file;
}

describe("partnership CLI", () => {
  before(async () => {
    hre.network.create = (() => Promise.resolve(connection)) as typeof hre.network.create;
    const [admin] = await ethers.getSigners();
    if (admin === undefined) throw new Error("accounts");
    registry = await ethers.deployContract("PartnershipRegistry", [admin.address]);
    address = await registry.getAddress();
  });

  after(() => {
    hre.network.create = originalCreate;
  });

  it("registers organisations and lists them with their signers", async () => {
    const [, city, exchange] = await ethers.getSigners();
    if (city === undefined || exchange === undefined) throw new Error("accounts");
    const added = await run(["org", "add"], { name: "City of Busan", kind: "city", signers: city.address, address });
    expect(added.exitCode, added.err).to.equal(0);
    expect(added.out).to.contain('Registered organisation 1 "City of Busan" (city)');
    await run(["org", "add"], { name: "Exchange", kind: "exchange", signers: exchange.address, address });
    const listed = await run(["org", "list"], { address });
    expect(listed.out).to.contain("2. Exchange (exchange)");
    expect(listed.out).to.contain(`signer ${exchange.address}`);
  });

  it("adds, rotates and removes signers and deactivates an organisation", async () => {
    const [, , , extra, rotated] = await ethers.getSigners();
    if (extra === undefined || rotated === undefined) throw new Error("accounts");
    const added = await run(["org", "signer"], { org: "2", add: extra.address, address });
    expect(added.out).to.contain(`Authorised ${extra.address} to sign for organisation 2.`);
    const rotation = await run(["org", "signer"], { org: "2", rotate: extra.address, to: rotated.address, address });
    expect(rotation.out).to.contain(`Rotated signer ${extra.address} to ${rotated.address} for organisation 2.`);
    expect(await registry.isSigner(2, extra.address)).to.equal(false);
    const removed = await run(["org", "signer"], { org: "2", remove: rotated.address, address });
    expect(removed.exitCode, removed.err).to.equal(0);
    const off = await run(["org", "signer"], { org: "2", deactivate: true, address });
    expect(off.out).to.contain("Organisation 2 is now inactive.");
    expect((await run(["org", "list"], { address })).out).to.contain("2. Exchange (exchange) [inactive]");
    await run(["org", "signer"], { org: "2", reactivate: true, address });
    const none = await run(["org", "signer"], { org: "2", address });
    expect(none.exitCode).to.equal(1);
    expect(none.err).to.equal(
      "Error: Choose exactly one of --add, --remove, --rotate (with --to), --deactivate or --reactivate.",
    );
    const stranger = await run(["org", "signer"], { org: "2", add: extra.address, from: "4", address });
    expect(stranger.err).to.match(/^Error: The transaction reverted with AccessControlUnauthorizedAccount\(0x/);
  });

  it("rejects an unknown organisation kind in one sentence", async () => {
    const result = await run(["org", "add"], { name: "X", kind: "bank", address });
    expect(result.exitCode).to.equal(1);
    expect(result.err).to.equal(
      'Error: --kind must be one of city, exchange, university, foundation, company, not "bank".',
    );
  });

  it("proposes from an MOU file, collects offline signatures in a packet and submits it", async () => {
    const file = await mouFile("mou.json");
    const proposed = await run(["propose"], { file, from: "1", address });
    expect(proposed.exitCode, proposed.err).to.equal(0);
    const sha = (await hashAgreementDocumentFile(path.join(dir, "mou.pdf"))).slice(2);
    expect(proposed.out).to.contain(`Document SHA-256: ${sha}`);
    expect(proposed.out).to.contain("Proposed agreement 1");
    const packet = path.join(dir, "packet.json");
    const first = await run(["sign"], { id: "1", out: packet, from: "1", address });
    expect(first.exitCode, first.err).to.equal(0);
    expect(first.out).to.contain("1 of 2 signature(s)");
    const second = await run(["sign"], { id: "1", out: packet, from: "2", address });
    expect(second.out).to.contain("2 of 2 signature(s)");
    const submitted = await run(["submit"], { packet, from: "5" });
    expect(submitted.exitCode, submitted.err).to.equal(0);
    expect(submitted.out).to.contain("version 1 is in force");
    const shown = await run(["show"], { id: "1", address });
    expect(shown.out).to.contain("Agreement 1: Active");
    expect(shown.out).to.contain(`document ${sha}`);
    expect(shown.out).to.contain("#0 charity by Exchange");
    expect(shown.out).to.contain("version 1 in force: every party signed");
  });

  it("refuses a packet whose signature was tampered with, before sending anything", async () => {
    const file = await mouFile("mou2.json");
    await run(["propose"], { file, from: "1", address });
    const packet = path.join(dir, "packet2.json");
    await run(["sign"], { id: "2", out: packet, from: "1", address });
    const json = JSON.parse(readFileSync(packet, "utf8")) as { signatures: { signer: string }[] };
    const [, , exchange] = await ethers.getSigners();
    const entry = json.signatures[0];
    if (entry === undefined || exchange === undefined) throw new Error("packet");
    entry.signer = exchange.address;
    writeFileSync(packet, JSON.stringify(json));
    const result = await run(["submit"], { packet });
    expect(result.exitCode).to.equal(1);
    expect(result.err).to.match(
      /^Error: The signature of party 0 is invalid: The signature was made by 0x[0-9a-fA-F]{40}, not by/,
    );
  });

  it("reports, disputes, acknowledges, amends and gives notice", async () => {
    const report = await run(["commitment", "report"], {
      id: "1",
      index: "0",
      evidence: "receipt 2026-05-01",
      uri: "eip155:97:0x000000000000000000000000000000000000dEaD/campaign/1",
      from: "2",
      address,
    });
    expect(report.exitCode, report.err).to.equal(0);
    const dispute = await run(["commitment", "dispute"], {
      id: "1",
      index: "0",
      reason: "no receipt",
      from: "1",
      address,
    });
    expect(dispute.out).to.contain("Organisation 1 disputed commitment 0");
    await run(["commitment", "report"], { id: "1", index: "0", evidence: "receipt, signed", from: "2", address });
    const ack = await run(["commitment", "ack"], { id: "1", index: "0", from: "1", address });
    expect(ack.out).to.contain("Organisation 1 acknowledged commitment 0 of agreement 1.");
    const amend = await run(["amend"], {
      id: "1",
      file: await mouFile("mou-v2.json", { title: "v2" }),
      from: "2",
      address,
    });
    expect(amend.out).to.contain("Proposed version 2 of agreement 1");
    const direct = await run(["sign"], { id: "1", from: "1", address });
    expect(direct.out).to.contain("Organisation 1 signed version 2 of agreement 1.");
    const notice = await run(["terminate"], { id: "1", reason: "partner collapsed", from: "1", address });
    expect(notice.exitCode, notice.err).to.equal(0);
    expect(notice.out).to.contain("Organisation 1 gave notice on agreement 1; it ends at");
    const shown = await run(["show"], { id: "1", address, json: true });
    const view = JSON.parse(shown.out.slice(shown.out.indexOf("{"))) as { status: string; latestVersion: number };
    expect(view.status).to.equal("Active");
    expect(view.latestVersion).to.equal(2);
  });

  it("collects every party's consent offline and terminates at once", async () => {
    const packet = path.join(dir, "termination.json");
    const city = await run(["terminate"], { id: "1", reason: "mutual consent", out: packet, from: "1", address });
    expect(city.exitCode, city.err).to.equal(0);
    expect(city.out).to.contain("1 of 2 consent(s)");
    const early = await run(["terminate"], { packet, from: "5" });
    expect(early.exitCode).to.equal(1);
    expect(early.err).to.equal("Error: The transaction reverted with PartnershipRegistryMissingParty(1, 1).");
    const other = await run(["terminate"], { id: "1", reason: "another reason", out: packet, from: "2", address });
    expect(other.err).to.contain("is for another agreement, registry or reason.");
    await run(["terminate"], { id: "1", reason: "mutual consent", out: packet, from: "2", address });
    const done = await run(["terminate"], { packet, from: "5" });
    expect(done.exitCode, done.err).to.equal(0);
    expect(done.out).to.contain("Agreement 1 is terminated by every party");
    expect((await run(["show"], { id: "1", address })).out).to.contain("Agreement 1: Terminated");
  });

  it("names the problem in an MOU file, a missing file and a decoded revert", async () => {
    const bad = await mouFile("bad.json", {
      commitments: [{ party: 3, category: "charity", due: 1, description: "x" }],
    });
    const invalid = await run(["propose"], { file: bad, from: "1", address });
    expect(invalid.exitCode).to.equal(1);
    expect(invalid.err).to.contain("is invalid at commitments.0.party: organisation 3 is not one of the parties.");
    const missing = await run(["propose"], { file: path.join(dir, "nope.json"), address });
    expect(missing.err).to.contain("does not exist or cannot be read.");
    const revert = await run(["sign"], { id: "9", party: "0", address });
    expect(revert.exitCode).to.equal(1);
    expect(revert.err).to.equal("Error: The transaction reverted with PartnershipRegistryUnknownAgreement(9).");
    const noHash = await run(["commitment", "report"], { id: "1", index: "0", address });
    expect(noHash.err).to.contain("Give exactly one of --evidence-hash, --evidence-file or --evidence");
  });
});
