import { access } from "node:fs/promises";
import path from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { FileNotFoundError, InvalidInputError } from "../../sdk/errors.js";
import { readJsonFile } from "../../sdk/node/files.js";
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
  const placeholders = findPlaceholders(await readJsonFile(file, "parameters file"));
  if (placeholders.length > 0) {
    throw new InvalidInputError(
      `${file} still has placeholders for ${placeholders.join(", ")}; put the real role holders' addresses there first (see docs/deploying.md).`,
    );
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

/** Marker of a value the deployer must fill in before deploying to a public network. */
const PLACEHOLDER_PREFIX = "REPLACE_WITH_";

/** The dotted paths of every placeholder value in a parameters object. */
export function findPlaceholders(value: unknown, path = ""): string[] {
  if (typeof value === "string") return value.startsWith(PLACEHOLDER_PREFIX) ? [path] : [];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => findPlaceholders(inner, path === "" ? key : `${path}.${key}`));
}
