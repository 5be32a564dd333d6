import { Contract, type InterfaceAbi } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { cliAction } from "../common/action.js";
import { connectSuite, parseAddress } from "../common/connect.js";

interface RolesArgs {
  readonly account: string;
}

/** The suite's contracts and the artifact each is an instance of. */
const SUITE_CONTRACTS = ["PartnershipRegistry", "AcademyCertificates", "CharityVault", "EventTickets"] as const;

/**
 * `npx hardhat suite roles --account 0x…`: which roles an account holds in each deployed contract
 * (role constants are read from each contract's ABI). Use it after a deployment to check that the
 * multisigs hold the roles and the deployer holds none.
 */
export default cliAction(async ({ account }: RolesArgs, hre: HardhatRuntimeEnvironment) => {
  const suite = await connectSuite(hre);
  const who = account === "" ? suite.signer.address : parseAddress(account, "--account");
  console.log(`Roles of ${who} on chain ${suite.chainId}:`);
  for (const name of SUITE_CONTRACTS) {
    const address = await suite.contract(name);
    const { abi } = await hre.artifacts.readArtifact(name);
    const contract = new Contract(address, abi as InterfaceAbi, suite.ethers.provider);
    const roleNames: string[] = [];
    contract.interface.forEachFunction((fragment) => {
      if (fragment.inputs.length === 0 && fragment.name.endsWith("_ROLE")) roleNames.push(fragment.name);
    });
    roleNames.sort();
    const held: string[] = [];
    for (const roleName of roleNames) {
      const role = (await contract.getFunction(roleName)()) as string;
      if ((await contract.getFunction("hasRole")(role, who)) as boolean) held.push(roleName);
    }
    console.log(`  ${name.padEnd(22)} ${address}  ${held.length === 0 ? "(none)" : held.join(", ")}`);
  }
});
