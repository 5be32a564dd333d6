import { readFile } from "node:fs/promises";
import path from "node:path";

import { type Deployment, parseDeployedAddresses } from "../deployments.js";
import { DeploymentNotFoundError } from "../errors.js";

/** Where Ignition writes deployments in this repository (`paths.ignition` is `deploy/`). */
export const DEFAULT_DEPLOYMENTS_DIR = path.join("deploy", "deployments");

/**
 * Loads the deployed addresses of the suite on a chain from Ignition's journal folder
 * `<deploymentsDir>/chain-<chainId>/deployed_addresses.json`.
 */
export async function loadDeployment(
  chainId: bigint | number,
  options: { deploymentsDir?: string; deploymentId?: string } = {},
): Promise<Deployment> {
  const id = BigInt(chainId);
  const dir = options.deploymentsDir ?? DEFAULT_DEPLOYMENTS_DIR;
  const file = path.join(dir, options.deploymentId ?? `chain-${id}`, "deployed_addresses.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new DeploymentNotFoundError(
      `No deployment of the suite is recorded for chain ${id} (expected ${file}); deploy it first with \`npm run deploy\`.`,
      { cause: error },
    );
  }
  return parseDeployedAddresses(text, id, file);
}
