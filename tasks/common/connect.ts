import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { getAddress, isAddress } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { contractAddress, type Deployment } from "../../sdk/deployments.js";
import { InvalidInputError } from "../../sdk/errors.js";
import { loadDeployment } from "../../sdk/node/deployments.js";

/** A connection to the network chosen with `--network`, with the suite's deployment on it. */
export interface SuiteConnection {
  readonly ethers: HardhatEthers;
  readonly chainId: bigint;
  readonly networkName: string;
  readonly signer: HardhatEthersSigner;
  /** The deployment on this chain, loaded lazily (commands that take `--address` need none). */
  deployment(): Promise<Deployment>;
  /** The address of a suite contract: the explicit override if given, else from the deployment. */
  contract(name: string, override?: string): Promise<string>;
}

/**
 * Connects to the selected network. `from` picks the signer by address or by index into the
 * network's accounts (default: the first account).
 */
export async function connectSuite(hre: HardhatRuntimeEnvironment, from = ""): Promise<SuiteConnection> {
  const connection = await hre.network.create();
  const { ethers } = connection;
  const chainId = (await ethers.provider.getNetwork()).chainId;
  const signer = await pickSigner(ethers, from);
  let cached: Deployment | undefined;
  const deployment = async (): Promise<Deployment> => {
    cached ??= await loadDeployment(chainId, { deploymentsDir: `${hre.config.paths.ignition}/deployments` });
    return cached;
  };
  return {
    ethers,
    chainId,
    networkName: connection.networkName,
    signer,
    deployment,
    async contract(name: string, override?: string) {
      if (override !== undefined && override !== "") return parseAddress(override, "--address");
      return contractAddress(await deployment(), name);
    },
  };
}

async function pickSigner(ethers: HardhatEthers, from: string): Promise<HardhatEthersSigner> {
  const signers = await ethers.getSigners();
  if (from === "") {
    const first = signers[0];
    if (first === undefined) throw new InvalidInputError("The network has no accounts configured to sign with.");
    return first;
  }
  if (/^\d+$/.test(from)) {
    const byIndex = signers[Number(from)];
    if (byIndex === undefined) throw new InvalidInputError(`There is no account number ${from} on this network.`);
    return byIndex;
  }
  const wanted = parseAddress(from, "--from");
  const match = signers.find((s) => s.address === wanted);
  if (match === undefined) throw new InvalidInputError(`The account ${wanted} is not one this network can sign with.`);
  return match;
}

/** A checksummed address, or an `InvalidInputError` naming the option. */
export function parseAddress(value: string, option: string): string {
  const text: string = value;
  if (!isAddress(value)) throw new InvalidInputError(`${option} must be an address, not "${text}".`);
  return getAddress(value);
}
