import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { CHAINS } from "../../sdk/chains.js";
import { cliAction } from "../common/action.js";
import { connectSuite } from "../common/connect.js";

interface InfoArgs {
  readonly json: boolean;
}

/** `npx hardhat suite info`: the network, the account in use and the suite's deployed contracts. */
export default cliAction(async ({ json }: InfoArgs, hre: HardhatRuntimeEnvironment) => {
  const suite = await connectSuite(hre);
  const deployment = await suite.deployment();
  const contracts = Object.fromEntries(deployment.addresses);
  if (json) {
    console.log(JSON.stringify({ chainId: suite.chainId.toString(), network: suite.networkName, contracts }, null, 2));
    return;
  }
  console.log(
    `Network: ${suite.networkName} (chain ${suite.chainId}, ${CHAINS.get(suite.chainId)?.name ?? "unknown chain"})`,
  );
  console.log(`Account: ${suite.signer.address}`);
  console.log(`Deployment: ${deployment.source}`);
  for (const [id, address] of deployment.addresses) console.log(`  ${id.padEnd(40)} ${address}`);
});
