import { access } from "node:fs/promises";
import path from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { FileNotFoundError } from "../../sdk/errors.js";
import { cliAction } from "../common/action.js";
import { restoreDeployedAddresses } from "./journal.js";

interface DeployArgs {
  readonly parameters: string;
  readonly verify: boolean;
  readonly reset: boolean;
}

/** The Ignition module that deploys and wires the whole suite. */
export const SUITE_MODULE = path.join("deploy", "modules", "BusanSuite.ts");

/**
 * `npx hardhat --network <name> suite deploy` (`npm run deploy -- --network <name>`): deploys the
 * suite with Ignition using `deploy/parameters/<network>.json`. Ignition records every step in
 * `deploy/deployments/chain-<id>/`, so running it again after an interruption resumes where it
 * stopped instead of deploying twice.
 */
export default cliAction(async ({ parameters, verify, reset }: DeployArgs, hre: HardhatRuntimeEnvironment) => {
  const networkName = hre.globalOptions.network === "" ? "default" : hre.globalOptions.network;
  const file = parameters !== "" ? parameters : path.join("deploy", "parameters", `${networkName}.json`);
  try {
    await access(file);
  } catch (error) {
    throw new FileNotFoundError(file, `parameters file for network "${networkName}"`, { cause: error });
  }
  await hre.tasks.getTask(["ignition", "deploy"]).run({
    modulePath: SUITE_MODULE,
    parameters: file,
    verify,
    reset,
  });
  if (process.exitCode !== undefined && process.exitCode !== 0) return;
  const { provider } = await hre.network.create();
  const chainId = BigInt((await provider.request({ method: "eth_chainId" })) as string);
  const deploymentDir = path.join(hre.config.paths.ignition, "deployments", `chain-${chainId}`);
  const restored = await restoreDeployedAddresses(deploymentDir);
  if (restored.length > 0) {
    console.log(
      `Recorded ${restored.join(", ")} in ${path.join(deploymentDir, "deployed_addresses.json")} (an earlier run stopped before writing it).`,
    );
  }
});
