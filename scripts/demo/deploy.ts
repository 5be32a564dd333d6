import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { DeploymentParameters } from "@nomicfoundation/ignition-core";

import BusanSuiteModule from "../../deploy/modules/BusanSuite.js";
import {
  AcademyCertificates__factory,
  CharityVault__factory,
  EventTickets__factory,
  MockERC20__factory,
  PartnershipRegistry__factory,
} from "../../typechain-types/index.js";
import { day, type DemoActors, type DemoConnection, type DemoContracts, DemoError, USDT_DECIMALS } from "./context.js";
import type { DemoReport } from "./report.js";

const PARAMETERS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "deploy", "parameters");

/** The network's parameters file, or the local one (the in-process network has none of its own). */
async function networkParameters(networkName: string): Promise<DeploymentParameters> {
  for (const name of [networkName, "localhost"]) {
    try {
      return JSON.parse(await readFile(path.join(PARAMETERS_DIR, `${name}.json`), "utf8")) as DeploymentParameters;
    } catch {
      // try the next file
    }
  }
  return {};
}

/**
 * Deploys the suite with Ignition, giving the story's actors their roles: Binance Charity runs the
 * vault, a guardian can veto payouts, the organiser runs Blockchain Week and receives its proceeds.
 * Then deploys the test stablecoin ("USDT", 6 decimals) and allowlists it in the vault.
 */
export async function deploySuite(
  connection: Pick<DemoConnection, "ethers" | "ignition" | "networkName">,
  actors: DemoActors,
  report: DemoReport,
): Promise<DemoContracts> {
  const { ethers, ignition } = connection;
  report.chapter("0. Deployment with Ignition");
  const fromBlock = await ethers.provider.getBlockNumber();
  const base = await networkParameters(connection.networkName);
  const parameters: DeploymentParameters = {
    ...base,
    Charity: { ...base["Charity"], operator: actors.charity.address, guardian: actors.guardian.address },
    BusanSuite: {
      ...base["BusanSuite"],
      organiser: actors.organiser.address,
      treasury: actors.organiser.address,
    },
  };
  const deployed = await ignition.deploy(BusanSuiteModule, { parameters });
  const registry = PartnershipRegistry__factory.connect(await deployed.registry.getAddress(), actors.operator);
  const academy = AcademyCertificates__factory.connect(
    await deployed.academyCertificates.getAddress(),
    actors.operator,
  );
  const vault = CharityVault__factory.connect(await deployed.vault.getAddress(), actors.operator);
  const tickets = EventTickets__factory.connect(await deployed.tickets.getAddress(), actors.operator);
  const addresses = {
    registry: await registry.getAddress(),
    academy: await academy.getAddress(),
    vault: await vault.getAddress(),
    tickets: await tickets.getAddress(),
  };
  for (const address of Object.values(addresses)) {
    if ((await ethers.provider.getCode(address)) === "0x") {
      const chainId = (await ethers.provider.getNetwork()).chainId;
      throw new DemoError(
        `Ignition's record in deploy/deployments/chain-${chainId} names contracts this node does not have (it was restarted); delete that folder and run the demo again.`,
      );
    }
  }
  report.name(addresses.registry, "PartnershipRegistry");
  report.name(addresses.academy, "AcademyCertificates");
  report.name(addresses.vault, "CharityVault");
  report.name(addresses.tickets, "EventTickets");

  // Ignition sent the transactions; record each one (a rerun against a node sends none).
  const labels = new Map(Object.entries(addresses).map(([key, value]) => [value.toLowerCase(), key]));
  const toBlock = await ethers.provider.getBlockNumber();
  for (let number = fromBlock + 1; number <= toBlock; number += 1) {
    const block = await ethers.provider.getBlock(number);
    for (const hash of block?.transactions ?? []) {
      const receipt = await ethers.provider.getTransactionReceipt(hash);
      if (receipt === null) continue;
      const created = receipt.contractAddress?.toLowerCase();
      const label = created === undefined ? undefined : labels.get(created);
      const what = label === undefined ? "Ignition wired the suite" : `Ignition deployed ${report.who(created ?? "")}`;
      await report.tx(what, receipt.from, receipt);
    }
  }
  if (toBlock === fromBlock) {
    report.note("Ignition found the suite already deployed on this chain and reused it");
  }

  const info = await tickets.eventInfo();
  if (info.charityCampaignId !== 1n) {
    throw new DemoError(
      `The demo expects Blockchain Week to donate to charity campaign 1, but it is configured for campaign ${info.charityCampaignId}.`,
    );
  }
  report.name(info.passVerifier, "TicketPassVerifier");
  const now = BigInt((await ethers.provider.getBlock("latest"))?.timestamp ?? 0);
  if (now >= info.start) {
    throw new DemoError(
      `This chain's clock is already past the start of Blockchain Week (${day(info.start)}), so an earlier demo ran here; restart the node and run the demo again.`,
    );
  }

  const token = await new MockERC20__factory(actors.operator).deploy("Tether USD (test)", "USDT", USDT_DECIMALS);
  const deployTx = token.deploymentTransaction();
  if (deployTx === null) throw new DemoError("The test stablecoin's deployment transaction is missing.");
  await report.tx("Deployed the test stablecoin USDT (6 decimals)", actors.operator.address, deployTx);
  const usdt = await token.getAddress();
  report.name(usdt, "USDT");
  await report.tx(
    "Allowlisted USDT for donations in the charity vault",
    actors.operator.address,
    vault.setTokenAllowed(usdt, true),
  );
  return { ...addresses, passVerifier: info.passVerifier, usdt };
}
