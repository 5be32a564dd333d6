import { expect } from "chai";

import { type ChainNode, E2E_CHAINS, freePort, startNode } from "./support/chain-node.js";
import { hardhat, hasStackTrace } from "./support/cli.js";

describe("e2e: the command line on bad input", function () {
  this.timeout(300_000);

  it("names an unknown network in one sentence and exits non-zero", async () => {
    const result = await hardhat(["suite", "info"], { network: "atlantis" });
    expect(result.code).to.not.equal(0);
    expect(result.stderr + result.stdout).to.match(/The network "atlantis" is not defined/);
    expect(hasStackTrace(result.stderr + result.stdout)).to.equal(false);
  });

  it("asks for the keystore variable on a public network with no key configured", async () => {
    const result = await hardhat(["suite", "info"], { network: "bscTestnet" });
    expect(result.code).to.not.equal(0);
    expect(result.stderr + result.stdout).to.match(/Configuration Variable "BSC_TESTNET_RPC_URL" not found/);
    expect(hasStackTrace(result.stderr + result.stdout)).to.equal(false);
  });

  for (const kind of ["hardhat", "anvil"] as const) {
    describe(`against a ${kind} node`, () => {
      let node: ChainNode;
      before(async () => {
        node = await startNode(kind, await freePort(), E2E_CHAINS[kind].chainId);
      });
      after(async () => {
        await node.stop();
      });

      it("says there is no deployment for the node's chain yet", async () => {
        const result = await hardhat(["suite", "info"], { network: "e2e", rpcUrl: node.url });
        expect(result.code).to.equal(1);
        expect(result.stderr.trim()).to.equal(
          `Error: No deployment of the suite is recorded for chain ${node.chainId} (expected ${process.cwd()}/deploy/deployments/chain-${node.chainId}/deployed_addresses.json); deploy it first with \`npm run deploy\`.`,
        );
      });
    });
  }
});
