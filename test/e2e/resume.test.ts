import { once } from "node:events";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";

import { restoreDeployedAddresses } from "../../tasks/suite/journal.js";
import { type ChainNode, freePort, type NodeKind, startNode } from "./support/chain-node.js";
import { CONFIRM_DEPLOYMENT, deploymentDir, ensureBuilt, hardhat, spawnHardhat } from "./support/cli.js";

/** Chains of their own, so the journeys' deployment folders are never touched. */
const RESUME_CHAIN_IDS: Readonly<Record<NodeKind, number>> = { hardhat: 31411, anvil: 31412 };
/** One block every two seconds: each deployment batch waits for a block, so there is time to interrupt. */
const BLOCK_TIME_SECONDS = 2;
/** The account the e2e network deploys from (the nodes' first test account). */
const DEPLOYER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
/** The suite's contracts, by Ignition future id. */
const SUITE_FUTURES = [
  "Academy#AcademyCertificates",
  "BusanSuite#EventTickets",
  "Charity#CharityVault",
  "Partnerships#PartnershipRegistry",
];
const POLL_MS = 50;
const WATCH_TIMEOUT_MS = 120_000;

/** One line of Ignition's journal (deploy/deployments/chain-<id>/journal.jsonl). */
interface JournalEntry {
  readonly type: string;
  readonly futureId?: string;
  readonly result?: { readonly type: string; readonly address?: string };
}

async function readJournal(chainId: number): Promise<JournalEntry[]> {
  let text: string;
  try {
    text = await readFile(path.join(deploymentDir(chainId), "journal.jsonl"), "utf8");
  } catch {
    return [];
  }
  // The last line may be half-written while the deployment runs; only whole lines count.
  const entries: JournalEntry[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch {
      break;
    }
  }
  return entries;
}

/** Contracts whose deployment Ignition recorded as confirmed, with their addresses. */
function deployedContracts(journal: readonly JournalEntry[]): Map<string, string> {
  const deployed = new Map<string, string>();
  for (const entry of journal) {
    if (entry.type === "DEPLOYMENT_EXECUTION_STATE_COMPLETE" && entry.futureId !== undefined) {
      const address = entry.result?.address;
      if (entry.result?.type === "SUCCESS" && address !== undefined) deployed.set(entry.futureId, address);
    }
  }
  return deployed;
}

function countOf(journal: readonly JournalEntry[], type: string, futureId: string): number {
  return journal.filter((entry) => entry.type === type && entry.futureId === futureId).length;
}

async function readAddresses(chainId: number): Promise<Record<string, string>> {
  try {
    return JSON.parse(await readFile(path.join(deploymentDir(chainId), "deployed_addresses.json"), "utf8")) as Record<
      string,
      string
    >;
  } catch {
    return {};
  }
}

for (const kind of ["hardhat", "anvil"] as const satisfies readonly NodeKind[]) {
  describe(`e2e: an interrupted deployment on a ${kind} node resumes`, function () {
    this.timeout(240_000);
    const chainId = RESUME_CHAIN_IDS[kind];
    let started: ChainNode | undefined;
    /** The node under test (started in `before`). */
    const node = (): ChainNode => {
      if (started === undefined) throw new Error("The node is not running.");
      return started;
    };

    before(async () => {
      await rm(deploymentDir(chainId), { recursive: true, force: true });
      await ensureBuilt();
      started = await startNode(kind, await freePort(), chainId, { blockTimeSeconds: BLOCK_TIME_SECONDS });
    });

    after(async () => {
      await started?.stop();
      await rm(deploymentDir(chainId), { recursive: true, force: true });
    });

    it("keeps the contracts deployed before a kill and deploys only the rest", async () => {
      const options = { network: "e2e", rpcUrl: node().url, env: CONFIRM_DEPLOYMENT };
      const first = spawnHardhat(["suite", "deploy"], options);
      let firstOutput = "";
      first.stdout.on("data", (chunk: Buffer) => (firstOutput += chunk.toString()));
      first.stderr.on("data", (chunk: Buffer) => (firstOutput += chunk.toString()));
      const exited = once(first, "exit");

      // Kill the deployment half-way, at a moment when Ignition is only waiting for a block: at least
      // one contract confirmed, and every transaction the node has seen already in the journal (a
      // kill while a send is being written would leave the node ahead of the journal, which
      // Ignition rightly refuses to guess about).
      const deadline = Date.now() + WATCH_TIMEOUT_MS;
      let beforeKill = new Map<string, string>();
      for (;;) {
        if (first.exitCode !== null) throw new Error(`The deployment ended before it could be killed:\n${firstOutput}`);
        if (Date.now() > deadline) throw new Error(`No contract was confirmed in time:\n${firstOutput}`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const journal = await readJournal(chainId);
        beforeKill = deployedContracts(journal);
        if (beforeKill.size === 0 || beforeKill.size === SUITE_FUTURES.length) continue;
        const sends = journal.filter((entry) => entry.type === "TRANSACTION_SEND").length;
        const prepared = journal.filter((entry) => entry.type === "TRANSACTION_PREPARE_SEND").length;
        const pending = Number(await node().rpc<string>("eth_getTransactionCount", [DEPLOYER, "pending"]));
        if (sends === prepared && sends === pending) break;
      }
      if (first.pid === undefined) throw new Error("The deployment process has no pid.");
      process.kill(-first.pid, "SIGKILL");
      const [, signal] = (await exited) as [number | null, NodeJS.Signals | null];
      expect(signal).to.equal("SIGKILL");

      // The deployment is incomplete: not every contract is recorded, and Ignition did not finish.
      const interrupted = await readJournal(chainId);
      beforeKill = deployedContracts(interrupted);
      expect(beforeKill.size).to.be.within(1, SUITE_FUTURES.length - 1);
      expect(Object.keys(await readAddresses(chainId))).to.not.have.members(SUITE_FUTURES);
      expect(firstOutput).to.not.include("successfully deployed");

      // Running the same command again resumes from the journal and completes.
      const resumed = await hardhat(["suite", "deploy"], options);
      expect(resumed.code, resumed.stdout + resumed.stderr).to.equal(0);
      expect(resumed.stdout).to.include("[ BusanSuite ] successfully deployed");

      const addresses = await readAddresses(chainId);
      expect(Object.keys(addresses)).to.have.members(SUITE_FUTURES);
      const journal = await readJournal(chainId);
      for (const [futureId, address] of beforeKill) {
        expect(addresses[futureId], futureId).to.equal(address);
        // Started and sent once, completed once: nothing deployed before the kill was deployed again.
        expect(countOf(journal, "DEPLOYMENT_EXECUTION_STATE_INITIALIZE", futureId), futureId).to.equal(1);
        expect(countOf(journal, "TRANSACTION_SEND", futureId), futureId).to.equal(1);
        expect(countOf(journal, "DEPLOYMENT_EXECUTION_STATE_COMPLETE", futureId), futureId).to.equal(1);
      }
      for (const futureId of SUITE_FUTURES) {
        const code = await node().rpc<string>("eth_getCode", [addresses[futureId], "latest"]);
        expect(code.length, futureId).to.be.greaterThan(2);
      }
    });
  });
}

describe("e2e: restoring deployed addresses from Ignition's journal", () => {
  it("adds contracts the journal completed but deployed_addresses.json lacks, and nothing else", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "busan-journal-"));
    try {
      const academy = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
      const vault = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
      const journal = [
        { chainId: 31337, type: "DEPLOYMENT_INITIALIZE" },
        { futureId: "Academy#AcademyCertificates", result: { address: academy, type: "SUCCESS" }, type: "DEPLOYMENT_EXECUTION_STATE_COMPLETE" },
        { futureId: "Charity#CharityVault", result: { address: vault, type: "SUCCESS" }, type: "DEPLOYMENT_EXECUTION_STATE_COMPLETE" },
        { futureId: "Partnerships#PartnershipRegistry", result: { type: "REVERTED_TRANSACTION" }, type: "DEPLOYMENT_EXECUTION_STATE_COMPLETE" },
      ].map((entry) => JSON.stringify(entry)); // prettier-ignore
      // The last line was cut short by the kill.
      await writeFile(path.join(dir, "journal.jsonl"), `${journal.join("\n")}\n{"futureId":"BusanSuite#Ev`);
      await writeFile(
        path.join(dir, "deployed_addresses.json"),
        JSON.stringify({ "Academy#AcademyCertificates": academy }),
      );

      expect(await restoreDeployedAddresses(dir)).to.deep.equal(["Charity#CharityVault"]);
      expect(JSON.parse(await readFile(path.join(dir, "deployed_addresses.json"), "utf8"))).to.deep.equal({
        "Academy#AcademyCertificates": academy,
        "Charity#CharityVault": vault,
      });
      expect(await restoreDeployedAddresses(dir)).to.deep.equal([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("does nothing where there is no journal", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "busan-journal-"));
    try {
      expect(await restoreDeployedAddresses(dir)).to.deep.equal([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
