import { expect } from "chai";
import { Wallet } from "ethers";
import hre from "hardhat";
import { createHardhatRuntimeEnvironment, importUserConfig, resolveHardhatConfigPath } from "hardhat/hre";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { JsonRpcServer } from "hardhat/types/network";

import { parseDonationTrace } from "../../sdk/charity/schema.js";
import { CharityVault__factory } from "../../typechain-types/index.js";

const DAY = 86_400;

/**
 * The command line driven in-process against a JSON-RPC server (so that every command's fresh
 * connection sees the same chain), with its output captured.
 */
describe("charity command line", function () {
  let server: JsonRpcServer;
  let cli: HardhatRuntimeEnvironment;
  let vault: string;
  let accounts: string[];

  before(async function () {
    server = await hre.network.createServer("default", "127.0.0.1", 0);
    const { port } = await server.listen();
    const userConfig = await importUserConfig(await resolveHardhatConfigPath());
    cli = await createHardhatRuntimeEnvironment(
      {
        ...userConfig,
        networks: {
          ...userConfig.networks,
          charityCli: { type: "http", chainType: "l1", url: `http://127.0.0.1:${port}` },
        },
      },
      { network: "charityCli" },
      process.cwd(),
    );
    const { ethers } = await cli.network.create();
    const signers = await ethers.getSigners();
    accounts = signers.map((s) => s.address);
    const deployer = signers[0];
    if (deployer === undefined) throw new Error("no accounts");
    const contract = await new CharityVault__factory(deployer).deploy(
      deployer.address,
      deployer.address,
      deployer.address,
    );
    await contract.waitForDeployment();
    vault = await contract.getAddress();
  });

  after(async function () {
    await server.close();
  });

  /** Runs a command, returning what it printed and whether it failed. */
  async function run(
    name: string[],
    args: Record<string, unknown>,
  ): Promise<{ out: string; err: string; failed: boolean }> {
    const out: string[] = [];
    const err: string[] = [];
    const log = console.log;
    const error = console.error;
    const write = process.stderr.write.bind(process.stderr);
    console.log = (...parts: unknown[]) => out.push(parts.map(String).join(" "));
    console.error = (...parts: unknown[]) => err.push(parts.map(String).join(" "));
    process.stderr.write = (chunk: string | Uint8Array) => {
      err.push(String(chunk));
      return true;
    };
    process.exitCode = undefined;
    try {
      await cli.tasks.getTask(name).run({ address: vault, ...args });
    } finally {
      console.log = log;
      console.error = error;
      process.stderr.write = write;
    }
    // Read through Reflect: the command sets it while TypeScript still sees the reset above.
    const failed = Reflect.get(process, "exitCode") === 1;
    process.exitCode = undefined;
    return { out: out.join("\n"), err: err.join("\n"), failed };
  }

  async function increaseTime(seconds: number): Promise<void> {
    const { ethers } = await cli.network.create();
    await ethers.provider.send("evm_increaseTime", [seconds]);
    await ethers.provider.send("evm_mine", []);
  }

  it("runs a campaign from beneficiaries to a trace that sums to the wei", async function () {
    const [, alice, school, clinic, shelter] = accounts;
    if (alice === undefined || school === undefined || clinic === undefined || shelter === undefined) {
      throw new Error("accounts");
    }
    for (const beneficiary of [school, clinic, shelter]) {
      const hash = Wallet.createRandom().privateKey; // any 32-byte value stands for a document hash
      expect((await run(["charity", "beneficiary", "add"], { account: beneficiary, hash })).failed).to.equal(false);
      const verified = await run(["charity", "beneficiary", "verify"], { account: beneficiary, hash });
      expect(verified.out).to.contain("verified");
    }
    const created = await run(["charity", "campaign", "create"], {
      goal: "5",
      deadline: "+10d",
      disbursementDeadline: "+100d",
      beneficiaries: [school, clinic, shelter].join(","),
    });
    expect(created.out).to.contain("Created campaign 1");
    const donated = await run(["charity", "donate"], { campaign: "1", amount: "6.000000000000000001", from: "1" });
    expect(donated.out).to.contain("Donation 1 to campaign 1");
    const shown = await run(["charity", "campaign", "show"], { campaign: "1", json: true });
    expect((JSON.parse(shown.out) as { donated: string }).donated).to.equal("6000000000000000001");
    await increaseTime(11 * DAY);
    const amounts = ["1.1", "2.000000000000000003", "0.333333333333333333"];
    for (const [i, payee] of [school, clinic, shelter].entries()) {
      const proposed = await run(["charity", "disburse", "propose"], {
        campaign: "1",
        payee,
        amount: amounts[i],
        purposeHash: Wallet.createRandom().privateKey,
        evidence: `ipfs://invoice-${i}`,
      });
      expect(proposed.out).to.contain(`Proposed disbursement ${i + 1}`);
    }
    await increaseTime(2 * DAY);
    for (const id of ["1", "2", "3"]) {
      expect((await run(["charity", "disburse", "execute"], { id })).out).to.contain(`Executed disbursement ${id}`);
    }
    const json = parseDonationTrace(JSON.parse((await run(["charity", "trace"], { donor: alice, json: true })).out));
    const campaign = json.campaigns[0];
    if (campaign === undefined) throw new Error("no campaign in the trace");
    const allocations = campaign.donations.flatMap((d) => d.allocations);
    expect(allocations.map((a) => a.beneficiary)).to.deep.equal([school, clinic, shelter]);
    const sum = allocations.reduce((total, a) => total + BigInt(a.amount), 0n);
    expect(sum).to.equal(BigInt(campaign.contributed) - BigInt(campaign.held) - BigInt(campaign.refunded));
    // Alice is the only donor, so she funded every wei of the three payments.
    expect(sum).to.equal(3_433_333_333_333_333_336n);

    const text = await run(["charity", "trace"], { donor: alice });
    for (const payee of [school, clinic, shelter]) expect(text.out).to.contain(`to ${payee}`);
    expect(text.out).to.contain("Rounding:");
    const csv = (await run(["charity", "trace"], { donor: alice, csv: true })).out;
    expect(csv.split("\n").filter((line) => line.includes(",allocation,"))).to.have.length(3);

    const report = await run(["charity", "report"], { campaign: "1", json: true });
    const parsed = JSON.parse(report.out) as { donors: number; disbursed: string; held: string };
    expect(parsed.donors).to.equal(1);
    expect(parsed.disbursed).to.equal("3433333333333333336");
    expect((await run(["charity", "campaign", "list"], {})).out).to.contain("#1 Succeeded");
    const withdrawn = await run(["charity", "withdraw"], { from: "2" });
    expect(withdrawn.out).to.contain("Withdrew 1.1 ETH");
  });

  it("funds matching, vetoes a proposal, suspends a beneficiary and pays a refund", async function () {
    const [, alice, school, clinic, shelter] = accounts;
    if (alice === undefined || school === undefined || clinic === undefined || shelter === undefined) {
      throw new Error("accounts");
    }
    const proposed = await run(["charity", "disburse", "propose"], {
      campaign: "1",
      payee: clinic,
      amount: "0.1",
      purposeHash: Wallet.createRandom().privateKey,
    });
    expect(proposed.out).to.contain("Proposed disbursement 4");
    expect((await run(["charity", "disburse", "veto"], { id: "4", reason: "duplicate invoice" })).out).to.contain(
      "Vetoed disbursement 4",
    );
    const suspended = await run(["charity", "beneficiary", "suspend"], {
      account: shelter,
      hash: Wallet.createRandom().privateKey,
    });
    expect(suspended.out).to.contain("suspended");
    const created = await run(["charity", "campaign", "create"], {
      goal: "100",
      deadline: "+10d",
      disbursementDeadline: "+100d",
      beneficiaries: school,
    });
    expect(created.out).to.contain("Created campaign 2");
    const funded = await run(["charity", "match", "fund"], { campaign: "2", amount: "1", ratio: "5000" });
    expect(funded.out).to.contain("Matching pool of 1.0 ETH at 50% funded for campaign 2");
    const donated = await run(["charity", "donate"], { campaign: "2", amount: "2", from: "1" });
    expect(donated.out).to.contain("matched with 1.0 ETH");
    await increaseTime(11 * DAY);
    const refunded = await run(["charity", "refund"], { campaign: "2", from: "1" });
    expect(refunded.out).to.contain(`Refunded 2.0 ETH to ${alice}`);
    const report = JSON.parse((await run(["charity", "report"], { campaign: "2", json: true })).out) as {
      status: string;
      refunded: string;
      matched: string;
    };
    expect(report.status).to.equal("Failed");
    expect(report.refunded).to.equal("2000000000000000000");
    expect(report.matched).to.equal("1000000000000000000");
  });

  it("fails with one sentence on bad input and names contract errors", async function () {
    const badId = await run(["charity", "donate"], { campaign: "abc", amount: "1" });
    expect(badId.failed).to.equal(true);
    expect(badId.err).to.equal('Error: --campaign must be a positive whole number, not "abc".');
    const badAmount = await run(["charity", "donate"], { campaign: "1", amount: "lots" });
    expect(badAmount.err).to.contain("--amount must be an amount");
    const badDonor = await run(["charity", "trace"], { donor: "nobody" });
    expect(badDonor.err).to.equal('Error: --donor must be an address, not "nobody".');
    const missing = await run(["charity", "beneficiary", "add"], {
      account: accounts[9],
      document: "no/such/file.pdf",
    });
    expect(missing.err).to.equal("Error: The document no/such/file.pdf does not exist or cannot be read.");
    const reverted = await run(["charity", "refund"], { campaign: "1", from: "1" });
    expect(reverted.failed).to.equal(true);
    expect(reverted.err).to.contain("CharityVaultWrongCampaignStatus(1, 2)");
  });
});
