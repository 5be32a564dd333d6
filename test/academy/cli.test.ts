import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { id as hashText, Wallet } from "ethers";
import hre, { network } from "hardhat";

import { createCourse } from "../../sdk/academy/courses.js";
import { type Credential, parseCredential } from "../../sdk/academy/credential.js";
import { registerIssuer } from "../../sdk/academy/issuers.js";
import { credentialToLink } from "../../sdk/academy/link.js";
import { runCohort } from "../../tasks/academy/cohort.js";
import { runVerify } from "../../tasks/academy/verify.js";

const { ethers, networkHelpers } = await network.create();

/** Runs `fn` with console output captured. */
async function captured(fn: () => Promise<unknown>): Promise<{ out: string; err: string; error: unknown }> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error: logError } = console;
  console.log = (...items: unknown[]) => out.push(items.map(String).join(" "));
  console.error = (...items: unknown[]) => err.push(items.map(String).join(" "));
  let error: unknown;
  try {
    await fn();
  } catch (caught) {
    error = caught;
  } finally {
    console.log = log;
    console.error = logError;
  }
  return { out: out.join("\n"), err: err.join("\n"), error };
}

/** The exit code a task set (read through a function: the task changes it behind TypeScript's back). */
function readExitCode(): unknown {
  return process.exitCode;
}

/** Throws what a captured run threw, if anything. */
function rethrow(error: unknown): void {
  if (error === undefined) return;
  throw error instanceof Error ? error : new Error("A non-Error value was thrown.");
}

/** Runs an academy task in-process; returns its output and exit code, restoring the exit code. */
async function runTask(
  name: string[],
  args: Record<string, unknown>,
): Promise<{ out: string; err: string; exitCode: number }> {
  const before = process.exitCode;
  process.exitCode = 0;
  const result = await captured(() => hre.tasks.getTask(["academy", ...name]).run(args));
  const exitCode = Number(readExitCode() ?? 0);
  process.exitCode = before;
  rethrow(result.error);
  return { out: result.out, err: result.err, exitCode };
}

async function cohortOnChain() {
  const [admin, issuer, alice] = await ethers.getSigners();
  if (!admin || !issuer || !alice) throw new Error("accounts");
  const deployed = await ethers.deployContract("AcademyCertificates", [admin.address]);
  const registry = await deployed.getAddress();
  await registerIssuer(admin, registry, { account: issuer.address, name: "Busan Blockchain Academy", metadataURI: "" });
  await createCourse(issuer, registry, {
    metadataURI: "ipfs://c",
    metadataHash: hashText("c"),
    maxValidity: 0n,
    revocable: true,
  });
  const dir = await mkdtemp(path.join(tmpdir(), "academy-cli-"));
  const csv = path.join(dir, "graduates.csv");
  await writeFile(
    csv,
    `name,address,course\nAlice Park,${alice.address},1\nBob Lee,${Wallet.createRandom().address},1\nCho Min,${Wallet.createRandom().address},1\n`,
  );
  const out = path.join(dir, "credentials");
  const now = BigInt(await networkHelpers.time.latest());
  const run = await captured(() =>
    runCohort(issuer, registry, {
      courseId: 1n,
      csvFile: csv,
      outDir: out,
      validFrom: now,
      validUntil: 0n,
      linkBase: "https://portal.example/verify",
    }),
  );
  rethrow(run.error);
  return { registry, dir, out, log: run.out };
}

async function credentialIn(dir: string, index: number): Promise<Credential> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  const file = files[index];
  if (file === undefined) throw new Error("no credential file");
  return parseCredential(JSON.parse(await readFile(path.join(dir, file), "utf8")));
}

async function writeJson(dir: string, name: string, value: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(value));
  return file;
}

describe("academy CLI", () => {
  it("academy cohort anchors the root and writes a credential and a QR PNG per graduate, with progress", async () => {
    const { out, log } = await networkHelpers.loadFixture(cohortOnChain);
    const files = await readdir(out);
    expect(files.filter((f) => f.endsWith(".json"))).to.have.length(3);
    const pngs = files.filter((f) => f.endsWith(".png"));
    expect(pngs).to.have.length(3);
    const png = await readFile(path.join(out, pngs[0] ?? ""));
    expect(png.subarray(1, 4).toString()).to.equal("PNG");
    expect(log).to.contain("Read 3 graduates");
    expect(log).to.contain("Credentials built: 3 / 3");
    expect(log).to.contain("Files written: 3 / 3");
  });

  it("academy verify prints every step and accepts a valid credential", async () => {
    const { out } = await networkHelpers.loadFixture(cohortOnChain);
    const credential = await credentialIn(out, 1);
    const { out: printed, error } = await captured(() => runVerify(ethers.provider, credential));
    expect(error).to.equal(undefined);
    for (const step of ["format", "leaf-hash", "proof", "anchor", "status", "expiry"]) {
      expect(printed).to.match(new RegExp(`PASS\\s+${step}`));
    }
    expect(printed).to.contain("The credential is valid.");
  });

  it("academy verify rejects a credential moved to another registry, naming the leaf-hash step", async () => {
    const { out } = await networkHelpers.loadFixture(cohortOnChain);
    const credential = await credentialIn(out, 0);
    const { error } = await captured(() =>
      runVerify(ethers.provider, { ...credential, registry: Wallet.createRandom().address }),
    );
    expect(String(error)).to.match(/step "leaf-hash" failed/);
  });

  describe("the verify task on forged credentials exits non-zero naming the failing step", () => {
    it("an edited name fails at leaf-hash", async () => {
      const { out, dir } = await networkHelpers.loadFixture(cohortOnChain);
      const credential = await credentialIn(out, 0);
      const forged = { ...credential, recipient: { ...credential.recipient, name: "Mallory Kim" } };
      // The task runs on its own fresh in-process chain (chain 31337, the same id as here).
      const result = await runTask(["verify"], {
        credential: await writeJson(dir, "edited.json", forged),
        link: "",
        json: false,
      });
      expect(result.exitCode).to.equal(1);
      expect(result.out).to.match(/FAIL\s+leaf-hash/);
      expect(result.err).to.contain('step "leaf-hash" failed');
    });

    it("a swapped proof fails at proof", async () => {
      const { out, dir } = await networkHelpers.loadFixture(cohortOnChain);
      const a = await credentialIn(out, 0);
      const b = await credentialIn(out, 1);
      if (a.anchor.type !== "cohort" || b.anchor.type !== "cohort") throw new Error("cohort");
      const forged = { ...a, anchor: { ...a.anchor, proof: b.anchor.proof } };
      const result = await runTask(["verify"], {
        credential: await writeJson(dir, "swapped.json", forged),
        link: "",
        json: false,
      });
      expect(result.exitCode).to.equal(1);
      expect(result.err).to.contain('step "proof" failed');
    });

    it("another chain fails at format, also through a verification link", async () => {
      const { out } = await networkHelpers.loadFixture(cohortOnChain);
      const credential = await credentialIn(out, 0);
      const forged = { ...credential, chainId: "97" };
      const result = await runTask(["verify"], {
        credential: "",
        link: credentialToLink("https://p.example/v", forged),
        json: false,
      });
      expect(result.exitCode).to.equal(1);
      expect(result.err).to.contain('step "format" failed');
      expect(result.err).to.contain("chain 97");
    });
  });

  describe("bad input", () => {
    it("academy verify without a file or with a missing file says so in one sentence", async () => {
      const none = await runTask(["verify"], { credential: "", link: "", json: false });
      expect(none.exitCode).to.equal(1);
      expect(none.err).to.contain("Give exactly one of --credential FILE or --link URL.");
      const missing = await runTask(["verify"], { credential: "/nonexistent/credential.json", link: "", json: false });
      expect(missing.exitCode).to.equal(1);
      expect(missing.err).to.contain("/nonexistent/credential.json does not exist");
    });

    it("academy cohort reports bad CSV rows with their line numbers", async () => {
      const dir = await mkdtemp(path.join(tmpdir(), "academy-cli-bad-"));
      const csv = path.join(dir, "bad.csv");
      await writeFile(csv, `name,address,course\nAlice,0x12,1\nBob,${Wallet.createRandom().address},1\n`);
      const result = await runTask(["cohort"], {
        course: "1",
        csv,
        out: path.join(dir, "out"),
        validFrom: "",
        validDays: "0",
        linkBase: "",
        address: Wallet.createRandom().address,
        from: "",
      });
      expect(result.exitCode).to.equal(1);
      expect(result.err).to.contain("line 2");
      expect(result.err).to.contain("not an address");
    });

    it("academy show rejects a token id that is not a number", async () => {
      const result = await runTask(["show"], { tokenId: "abc", address: Wallet.createRandom().address, json: false });
      expect(result.exitCode).to.equal(1);
      expect(result.err).to.contain("--token-id must be a whole number");
    });
  });
});
