import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { listOrganisations } from "../../sdk/partnerships/registry.js";
import { cliAction } from "../common/action.js";
import { openRegistry, type RegistryArgs } from "./shared.js";

interface OrgListArgs extends RegistryArgs {
  readonly json: boolean;
}

/** `npx hardhat partnership org list [--json]`: every organisation with its signers. */
export default cliAction(async (args: OrgListArgs, hre: HardhatRuntimeEnvironment) => {
  const { registry } = await openRegistry(hre, args);
  const orgs = await listOrganisations(registry);
  if (args.json) {
    console.log(JSON.stringify(orgs, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2));
    return;
  }
  if (orgs.length === 0) console.log("No organisations are registered.");
  for (const org of orgs) {
    console.log(`${org.id}. ${org.name} (${org.kind})${org.active ? "" : " [inactive]"} ${org.metadataURI}`);
    for (const signer of org.signers) console.log(`     signer ${signer}`);
  }
});
