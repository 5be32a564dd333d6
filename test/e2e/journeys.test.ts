import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";
import { getAddress, id, parseEther } from "ethers";

import { type ChainNode, E2E_CHAINS, freePort, type NodeKind, startNode } from "./support/chain-node.js";
import {
  CONFIRM_DEPLOYMENT,
  type CliResult,
  deploymentDir,
  ensureBuilt,
  hardhat,
  hasStackTrace,
} from "./support/cli.js";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const MOU = path.join(FIXTURES, "mou.json");
const GRADUATES_CSV = path.join(FIXTURES, "graduates.csv");
const VETTING = path.join(FIXTURES, "vetting.txt");
const INVOICE = path.join(FIXTURES, "invoice.txt");

/** The charity vault's challenge window (CharityVault.CHALLENGE_PERIOD) plus a minute. */
const CHALLENGE_WINDOW_SECONDS = 2 * 86_400 + 60;
/** Past the campaign's donation deadline (`--deadline +30d`). */
const PAST_DEADLINE_SECONDS = 31 * 86_400;

/** The roles of the node's well-known accounts in the journeys (`--from <index>`). */
const ACCOUNT = {
  deployer: 0, // every admin, registrar, operator, organiser and gate role of a local deployment
  citySigner: 1, // signs for the City of Busan; also the academy's issuer
  exchangeSigner: 2, // signs for Binance; also graduate Park Ji-woo
  beneficiary: 3, // the vetted school; also graduate Kim Min-jun
  donor: 4, // donates, buys tickets
  outsider: 5, // holds no role; the second donor
  relayer: 6, // relays the MOU signature packet
} as const;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The one line a failing command prints: `Error: <sentence>`, and nothing like a stack trace. */
function expectOneSentenceFailure(result: CliResult, message: RegExp): void {
  expect(result.code, result.stdout + result.stderr).to.equal(1);
  const lines = result.stderr.trim().split("\n");
  expect(lines, result.stderr).to.have.length(1);
  expect(lines[0]).to.match(/^Error: [^\n]+\.$/);
  expect(lines[0]).to.match(message);
  expect(hasStackTrace(result.stdout + result.stderr)).to.equal(false);
}

for (const kind of ["hardhat", "anvil"] as const satisfies readonly NodeKind[]) {
  describe(`e2e: user journeys through the command line on a ${kind} node`, function () {
    this.timeout(240_000);
    const { chainId } = E2E_CHAINS[kind];
    let started: ChainNode | undefined;
    /** The node under test (started in `before`). */
    const node = (): ChainNode => {
      if (started === undefined) throw new Error("The node is not running.");
      return started;
    };
    let accounts: string[] = [];
    let work = "";
    let startedAt = 0;
    let timings = "";

    /** Runs `npx hardhat --network e2e <args>` against this node. */
    const cli = (args: readonly string[]): Promise<CliResult> => hardhat(args, { network: "e2e", rpcUrl: node().url });
    /** Runs a command that must succeed and returns what it printed. */
    const ok = async (args: readonly string[]): Promise<string> => {
      const result = await cli(args);
      expect(result.code, `${args.join(" ")}\n${result.stdout}\n${result.stderr}`).to.equal(0);
      expect(hasStackTrace(result.stdout + result.stderr)).to.equal(false);
      return result.stdout;
    };
    const account = (index: number): string => {
      const address = accounts[index];
      if (address === undefined) throw new Error(`The node has no account ${index}.`);
      return address;
    };
    const advanceTime = async (seconds: number): Promise<void> => {
      await node().rpc("evm_increaseTime", [seconds]);
      await node().rpc("evm_mine", []);
    };

    before(async function () {
      startedAt = Date.now();
      await rm(deploymentDir(chainId), { recursive: true, force: true });
      await ensureBuilt();
      work = await mkdtemp(path.join(os.tmpdir(), `busan-e2e-${kind}-`));
      const nodeStarting = Date.now();
      started = await startNode(kind, await freePort(), chainId);
      const deploying = Date.now();
      accounts = (await node().rpc<string[]>("eth_accounts")).map((a) => getAddress(a));
      const deployed = await hardhat(["suite", "deploy"], {
        network: "e2e",
        rpcUrl: node().url,
        env: CONFIRM_DEPLOYMENT,
      });
      expect(deployed.code, deployed.stdout + deployed.stderr).to.equal(0);
      expect(deployed.stdout).to.include("[ BusanSuite ] successfully deployed");
      timings = `build ${seconds(nodeStarting - startedAt)}, node start ${seconds(deploying - nodeStarting)}, deployment ${seconds(Date.now() - deploying)}`;
    });

    after(async function () {
      await started?.stop();
      await rm(deploymentDir(chainId), { recursive: true, force: true });
      if (work !== "") await rm(work, { recursive: true, force: true });
      console.log(`      (${kind} node: ${seconds(Date.now() - startedAt)} in all; ${timings})`);
    });

    it("lists the deployed suite for the node's chain", async () => {
      const info = JSON.parse(await ok(["suite", "info", "--json"])) as {
        chainId: string;
        contracts: Record<string, string>;
      };
      expect(info.chainId).to.equal(String(chainId));
      expect(Object.keys(info.contracts).sort()).to.deep.equal([
        "Academy#AcademyCertificates",
        "BusanSuite#EventTickets",
        "Charity#CharityVault",
        "Partnerships#PartnershipRegistry",
      ]);
    });

    describe("the city signs an MOU with an exchange", () => {
      it("registers the city and the exchange with their signers", async () => {
        const city = await ok([
          "partnership", "org", "add", "--name", "City of Busan", "--kind", "city",
          "--signers", account(ACCOUNT.citySigner),
        ]); // prettier-ignore
        expect(city).to.match(/^Registered organisation 1 "City of Busan" \(city\) with 1 signer\(s\)\.$/m);
        const exchange = await ok([
          "partnership", "org", "add", "--name", "Binance", "--kind", "exchange",
          "--signers", account(ACCOUNT.exchangeSigner),
        ]); // prettier-ignore
        expect(exchange).to.match(/^Registered organisation 2 "Binance" \(exchange\) with 1 signer\(s\)\.$/m);
      });

      it("proposes the MOU from its file", async () => {
        const out = await ok(["partnership", "propose", "--file", MOU]);
        expect(out).to.include(
          "Document SHA-256: 5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef (check with sha256sum)",
        );
        expect(out).to.include(
          'Proposed agreement 1 "Blockchain industry development MOU" between organisations 1, 2.',
        );
      });

      it("collects each party's signature offline in one packet and relays it", async () => {
        const packet = path.join(work, "packet.json");
        const first = await ok([
          "partnership",
          "sign",
          "--id",
          "1",
          "--out",
          packet,
          "--from",
          `${ACCOUNT.citySigner}`,
        ]);
        expect(first).to.include(
          `Organisation 1 signed version 1 of agreement 1 offline; 1 of 2 signature(s) in ${packet}.`,
        );
        const second = await ok([
          "partnership", "sign", "--id", "1", "--out", packet, "--from", `${ACCOUNT.exchangeSigner}`,
        ]); // prettier-ignore
        expect(second).to.include(
          `Organisation 2 signed version 1 of agreement 1 offline; 2 of 2 signature(s) in ${packet}.`,
        );
        const submitted = await ok(["partnership", "submit", "--packet", packet, "--from", `${ACCOUNT.relayer}`]);
        expect(submitted).to.include("Recorded 2 signature(s) on agreement 1 version 1.");
        expect(submitted).to.include("Every party has signed: version 1 is in force.");
      });

      it("shows the agreement Active with both signatures and the commitments", async () => {
        const out = await ok(["partnership", "show", "--id", "1"]);
        expect(out).to.match(/^Agreement 1: Active$/m);
        expect(out).to.include("signed by City of Busan, Binance");
        expect(out).to.include("#0 charity by Binance, due 2027-06-30T00:00:00Z: Open");
        expect(out).to.include("#2 office by City of Busan, due 2027-03-31T00:00:00Z: Open");
      });
    });

    describe("a graduate claims a certificate and an employer verifies it", () => {
      let credential = "";

      it("registers the academy as an issuer and its course", async () => {
        const issuer = await ok([
          "academy", "issuer", "add", "--account", account(ACCOUNT.citySigner),
          "--name", "Busan Blockchain Academy", "--uri", "ipfs://academy.json",
        ]); // prettier-ignore
        expect(issuer).to.include(`Registered issuer 1 (${account(ACCOUNT.citySigner)})`);
        const course = await ok([
          "academy", "course", "add", "--uri", "ipfs://course.json", "--max-validity-days", "730",
          "--from", `${ACCOUNT.citySigner}`,
        ]); // prettier-ignore
        expect(course).to.match(/^Created course 1 in transaction 0x[0-9a-f]{64}\.$/m);
      });

      it("anchors a cohort from a CSV and writes a credential and QR code per graduate", async () => {
        const out = path.join(work, "credentials");
        const printed = await ok([
          "academy", "cohort", "--course", "1", "--csv", GRADUATES_CSV, "--out", out, "--valid-days", "365",
          "--from", `${ACCOUNT.citySigner}`,
        ]); // prettier-ignore
        expect(printed).to.include(`Read 3 graduates from ${GRADUATES_CSV}.`);
        expect(printed).to.include(`Wrote 3 credentials and QR codes to ${out}.`);
        credential = path.join(out, `1-${account(ACCOUNT.exchangeSigner)}.json`);
        expect((await stat(credential)).isFile()).to.equal(true);
        expect((await stat(credential.replace(/\.json$/, ".png"))).size).to.be.greaterThan(0);
      });

      it("lets the graduate claim the certificate from their own account", async () => {
        const out = await ok(["academy", "claim", "--credential", credential, "--from", `${ACCOUNT.exchangeSigner}`]);
        expect(out).to.match(
          new RegExp(`^Claimed certificate \\d+ for ${account(ACCOUNT.exchangeSigner)} in transaction`, "m"),
        );
      });

      it("verifies the credential step by step and exits 0", async () => {
        const out = await ok(["academy", "verify", "--credential", credential]);
        for (const step of ["format", "leaf-hash", "proof", "anchor", "status", "expiry"]) {
          expect(out).to.match(new RegExp(`^PASS {2}${step} `, "m"));
        }
        expect(out).to.match(/^The credential is valid\.$/m);
      });

      it("rejects a credential whose name was edited, naming the failing step", async () => {
        const forged = JSON.parse(await readFile(credential, "utf8")) as { recipient: { name: string } };
        forged.recipient.name = "Park Ji-woo (forged)";
        const forgedFile = path.join(work, "forged.json");
        await writeFile(forgedFile, JSON.stringify(forged, null, 2));
        const result = await cli(["academy", "verify", "--credential", forgedFile]);
        expect(result.stdout).to.match(/^PASS {2}format /m);
        expect(result.stdout).to.match(/^FAIL {2}leaf-hash /m);
        expectOneSentenceFailure(result, /^Error: The credential is NOT valid: step "leaf-hash" failed/);
      });
    });

    describe("an attendee buys a ticket and is checked in at the gate", () => {
      let pass = "";

      it("adds a tier and sells a ticket", async () => {
        const tier = await ok([
          "tickets", "tier", "add", "--name", "General", "--image", "ipfs://general.png",
          "--price", "0.1", "--supply", "100", "--refundable",
        ]); // prettier-ignore
        expect(tier).to.match(/^Added tier 1 "General" at 0\.1 ETH/m);
        const bought = await ok(["tickets", "buy", "--tier", "1", "--from", `${ACCOUNT.donor}`]);
        expect(bought).to.include("Buying 1 ticket(s) of tier 1 for 0.1 ETH");
        expect(bought).to.match(/^Bought ticket\(s\) 1000001 /m);
      });

      it("signs a pass as the holder and writes its QR code as a PNG", async () => {
        const png = path.join(work, "pass.png");
        const out = await ok(["tickets", "pass", "--token-id", "1000001", "--out", png, "--from", `${ACCOUNT.donor}`]);
        pass = /^(BWT1\.\S+)$/m.exec(out)?.[1] ?? "";
        expect(pass).to.not.equal("");
        expect(out).to.include(`QR code written to ${png}.`);
        const header = (await readFile(png)).subarray(0, 8);
        expect(header.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).to.equal(true);
      });

      it("refuses to check in from an account without the gate role, before admitting anyone", async () => {
        const result = await cli(["tickets", "checkin", "--pass", pass, "--from", `${ACCOUNT.outsider}`]);
        expect(result.stdout).to.not.include("ADMIT");
        expectOneSentenceFailure(
          result,
          new RegExp(
            `^Error: The account ${account(ACCOUNT.outsider)} does not hold the gate role, so it cannot record`,
          ),
        );
      });

      it("admits and records the check-in from the gate account", async () => {
        const out = await ok(["tickets", "checkin", "--pass", pass, "--from", `${ACCOUNT.deployer}`]);
        expect(out).to.include(`ADMIT ticket 1000001 (holder ${account(ACCOUNT.donor)}).`);
        expect(out).to.match(/^Check-in recorded \(tx 0x[0-9a-f]{64}\)\.$/m);
      });

      it("shows the ticket checked in and refuses the same pass twice", async () => {
        const out = await ok(["tickets", "show", "--token-id", "1000001"]);
        expect(out).to.include(`holder: ${account(ACCOUNT.donor)}`);
        expect(out).to.include("checked in: true");
        const again = await cli(["tickets", "checkin", "--pass", pass]);
        expectOneSentenceFailure(again, /already checked in/);
      });
    });

    describe("a donor donates and traces where the money went", () => {
      it("registers and verifies the beneficiary with its vetting document", async () => {
        const beneficiary = account(ACCOUNT.beneficiary);
        const added = await ok(["charity", "beneficiary", "add", "--account", beneficiary, "--document", VETTING]);
        expect(added).to.include(`Beneficiary ${beneficiary} registered (Pending)`);
        const verified = await ok([
          "charity",
          "beneficiary",
          "verify",
          "--account",
          beneficiary,
          "--document",
          VETTING,
        ]);
        expect(verified).to.include(`Beneficiary ${beneficiary} verified`);
      });

      it("creates a campaign and takes donations from two donors", async () => {
        const created = await ok([
          "charity", "campaign", "create", "--goal", "2", "--deadline", "+30d", "--disbursement-deadline", "+365d",
          "--beneficiaries", account(ACCOUNT.beneficiary),
        ]); // prettier-ignore
        expect(created).to.match(/^Created campaign 1 in transaction/m);
        const first = await ok([
          "charity",
          "donate",
          "--campaign",
          "1",
          "--amount",
          "1.5",
          "--from",
          `${ACCOUNT.donor}`,
        ]);
        expect(first).to.include(`Donation 1 to campaign 1: 1.5 ETH credited to ${account(ACCOUNT.donor)}`);
        const second = await ok([
          "charity",
          "donate",
          "--campaign",
          "1",
          "--amount",
          "0.7",
          "--from",
          `${ACCOUNT.outsider}`,
        ]);
        expect(second).to.include(`Donation 2 to campaign 1: 0.7 ETH credited to ${account(ACCOUNT.outsider)}`);
      });

      it("pays the beneficiary's invoice after the deadline and the challenge window", async () => {
        await advanceTime(PAST_DEADLINE_SECONDS);
        const proposed = await ok([
          "charity", "disburse", "propose", "--campaign", "1", "--payee", account(ACCOUNT.beneficiary),
          "--amount", "1.1", "--invoice", INVOICE, "--evidence", "ipfs://invoice-2027-001.pdf",
        ]); // prettier-ignore
        expect(proposed).to.include(`Proposed disbursement 1: 1.1 ETH to ${account(ACCOUNT.beneficiary)}`);
        const early = await cli(["charity", "disburse", "execute", "--id", "1"]);
        expectOneSentenceFailure(
          early,
          /^Error: The transaction reverted with CharityVaultChallengeWindowOpen\(1, \d+\)\.$/,
        );
        await advanceTime(CHALLENGE_WINDOW_SECONDS);
        const executed = await ok(["charity", "disburse", "execute", "--id", "1"]);
        expect(executed).to.include(
          `Executed disbursement 1 of campaign 1: ${account(ACCOUNT.beneficiary)} can now withdraw 1.1 ETH`,
        );
      });

      it("traces the donor's money to the wei: spent, refunded and held add up to what was given", async () => {
        const donor = account(ACCOUNT.donor);
        const trace = JSON.parse(await ok(["charity", "trace", "--donor", donor, "--json"])) as DonorTrace;
        expect(trace.chainId).to.equal(String(chainId));
        expect(trace.donor).to.equal(donor);
        expect(trace.campaigns).to.have.length(1);
        const [campaign] = trace.campaigns;
        if (campaign === undefined) throw new Error("no campaign in the trace");
        const given = parseEther("1.5");
        // 1.1 ETH paid out of 2.2 ETH raised: the donor's 1.5 ETH carries exactly 0.75 ETH of it.
        const spent = (parseEther("1.1") * given) / parseEther("2.2");
        expect(BigInt(campaign.contributed)).to.equal(given);
        expect(BigInt(campaign.spent)).to.equal(spent);
        expect(BigInt(campaign.refunded)).to.equal(0n);
        expect(BigInt(campaign.held)).to.equal(given - spent);
        expect(BigInt(campaign.spent) + BigInt(campaign.refunded) + BigInt(campaign.held)).to.equal(
          BigInt(campaign.contributed),
        );
        const [donation] = campaign.donations;
        if (donation === undefined) throw new Error("no donation in the trace");
        expect(BigInt(donation.amount)).to.equal(given);
        expect(donation.allocations.map((a) => a.beneficiary)).to.deep.equal([account(ACCOUNT.beneficiary)]);
        expect(donation.allocations.reduce((sum, a) => sum + BigInt(a.amount), 0n)).to.equal(BigInt(donation.spent));
        expect(BigInt(donation.spent)).to.equal(spent);
        const [total] = trace.totals;
        expect(total?.contributed).to.equal(given.toString());
        expect(total?.held).to.equal((given - spent).toString());
      });
    });

    describe("bad input: one sentence, a non-zero exit, no stack trace", () => {
      it("names a missing file", async () => {
        const missing = path.join(work, "no-such-mou.json");
        const result = await cli(["partnership", "propose", "--file", missing]);
        expectOneSentenceFailure(
          result,
          new RegExp(`^Error: The MOU file ${missing} does not exist or cannot be read\\.$`),
        );
      });

      it("names a file that is not valid JSON", async () => {
        const malformed = path.join(work, "malformed.json");
        await writeFile(malformed, '{ "format": "busan-mou/1", "title": "Cut short",\n');
        const result = await cli(["partnership", "propose", "--file", malformed]);
        expectOneSentenceFailure(result, new RegExp(`^Error: The MOU file ${malformed} is not valid JSON`));
      });

      it("decodes a caller without the role to AccessControlUnauthorizedAccount", async () => {
        const result = await cli([
          "charity", "campaign", "create", "--goal", "1", "--deadline", "+30d", "--disbursement-deadline", "+365d",
          "--beneficiaries", account(ACCOUNT.beneficiary), "--from", `${ACCOUNT.outsider}`,
        ]); // prettier-ignore
        expectOneSentenceFailure(
          result,
          new RegExp(
            `^Error: The transaction reverted with AccessControlUnauthorizedAccount\\(${account(ACCOUNT.outsider)}, ${id("CAMPAIGN_MANAGER_ROLE")}\\)\\.$`,
          ),
        );
      });

      it("decodes a revert to the contract's custom error with its values", async () => {
        const result = await cli(["tickets", "buy", "--tier", "9", "--from", `${ACCOUNT.donor}`]);
        expectOneSentenceFailure(result, /^Error: The transaction reverted with EventTicketsUnknownTier\(9\)\.$/);
      });
    });
  });
}

/** The parts of `charity trace --json` (sdk/charity trace report, version 1) the journey checks. */
interface DonorTrace {
  readonly chainId: string;
  readonly donor: string;
  readonly campaigns: readonly {
    readonly contributed: string;
    readonly spent: string;
    readonly refunded: string;
    readonly held: string;
    readonly donations: readonly {
      readonly amount: string;
      readonly spent: string;
      readonly allocations: readonly { readonly beneficiary: string; readonly amount: string }[];
    }[];
  }[];
  readonly totals: readonly { readonly contributed: string; readonly held: string }[];
}
