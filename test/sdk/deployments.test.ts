import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";

import { getChain, explorerTxUrl } from "../../sdk/chains.js";
import { contractAddress, deploymentStartBlock, parseDeployedAddresses } from "../../sdk/deployments.js";
import { DeploymentNotFoundError, FileNotFoundError, InvalidInputError } from "../../sdk/errors.js";
import { loadDeployment } from "../../sdk/node/deployments.js";
import { readJsonFile } from "../../sdk/node/files.js";

const VAULT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const TICKETS_A = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const TICKETS_B = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";

async function deploymentsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "busan-deployments-"));
  for (const [relative, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await writeFile(path.join(dir, relative), text);
  }
  return dir;
}

describe("sdk/deployments", () => {
  it("loads Ignition's deployed addresses for a chain id", async () => {
    const dir = await deploymentsDir({
      "chain-97/deployed_addresses.json": JSON.stringify({ "CharityModule#CharityVault": VAULT.toLowerCase() }),
    });
    const deployment = await loadDeployment(97n, { deploymentsDir: dir });
    expect(deployment.chainId).to.equal(97n);
    expect(contractAddress(deployment, "CharityVault")).to.equal(VAULT);
    expect(contractAddress(deployment, "CharityModule#CharityVault")).to.equal(VAULT);
  });

  it("says clearly when no deployment exists for a chain", async () => {
    const dir = await deploymentsDir({});
    try {
      await loadDeployment(12345, { deploymentsDir: dir });
      expect.fail("expected an error");
    } catch (error) {
      expect(error).to.be.instanceOf(DeploymentNotFoundError);
      expect((error as DeploymentNotFoundError).shortMessage).to.contain(
        "No deployment of the suite is recorded for chain 12345",
      );
    }
  });

  it("rejects a deployment file that is not JSON or has a bad address", async () => {
    const dir = await deploymentsDir({
      "chain-1/deployed_addresses.json": "{ not json",
      "chain-2/deployed_addresses.json": JSON.stringify({ "M#Vault": "0x1234" }),
      "chain-3/deployed_addresses.json": "[]",
    });
    for (const [chain, message] of [
      [1, "is not valid JSON"],
      [2, "has no valid address for M#Vault"],
      [3, "must be a JSON object"],
    ] as const) {
      try {
        await loadDeployment(chain, { deploymentsDir: dir });
        expect.fail("expected an error");
      } catch (error) {
        expect(error).to.be.instanceOf(InvalidInputError);
        expect((error as InvalidInputError).shortMessage).to.contain(message);
      }
    }
  });

  it("refuses an ambiguous or unknown contract name", () => {
    const deployment = parseDeployedAddresses(
      JSON.stringify({ "Week#EventTickets": TICKETS_A, "Summit#EventTickets": TICKETS_B }),
      31337n,
      "memory",
    );
    expect(() => contractAddress(deployment, "EventTickets")).to.throw(InvalidInputError, /More than one contract/);
    expect(contractAddress(deployment, "Summit#EventTickets")).to.equal(TICKETS_B);
    expect(() => contractAddress(deployment, "CharityVault")).to.throw(
      DeploymentNotFoundError,
      /no contract named CharityVault/,
    );
  });
});

describe("sdk/chains", () => {
  it("knows the supported testnets and rejects unknown chain ids", () => {
    expect(getChain(97).name).to.equal("BNB Smart Chain testnet");
    expect(getChain(5611n).network).to.equal("opBNBTestnet");
    expect(() => getChain(1234)).to.throw(InvalidInputError, /Chain id 1234 is not supported/);
    expect(explorerTxUrl(11155111, "0xabc")).to.equal("https://sepolia.etherscan.io/tx/0xabc");
    expect(explorerTxUrl(31337, "0xabc")).to.equal(undefined);
  });
});

describe("sdk/node/files", () => {
  it("names a missing file and malformed JSON", async () => {
    const dir = await deploymentsDir({ "bad.json": '{"a": 1,,}' });
    try {
      await readJsonFile(path.join(dir, "missing.json"), "credential");
      expect.fail("expected an error");
    } catch (error) {
      expect(error).to.be.instanceOf(FileNotFoundError);
      expect((error as FileNotFoundError).shortMessage).to.match(/^The credential .*missing\.json does not exist/);
    }
    try {
      await readJsonFile(path.join(dir, "bad.json"), "MOU file");
      expect.fail("expected an error");
    } catch (error) {
      expect(error).to.be.instanceOf(InvalidInputError);
      expect((error as InvalidInputError).shortMessage).to.match(/^The MOU file .*bad\.json is not valid JSON/);
    }
  });
});

describe("sdk/deployments deploymentStartBlock", () => {
  it("takes the lowest confirmed block of the journal and skips other and broken lines", () => {
    const journal = [
      JSON.stringify({ type: "DEPLOYMENT_INITIALIZE", chainId: 97 }),
      JSON.stringify({ type: "TRANSACTION_CONFIRM", futureId: "A", receipt: { blockNumber: 1207 } }),
      JSON.stringify({ type: "TRANSACTION_CONFIRM", futureId: "B", receipt: { blockNumber: 1205 } }),
      '{"type":"TRANSACTION_CONFIRM","futureId":"C","rec',
    ].join("\n");
    expect(deploymentStartBlock(journal)).to.equal(1205);
    expect(deploymentStartBlock(JSON.stringify({ type: "DEPLOYMENT_INITIALIZE" }))).to.equal(undefined);
  });
});
