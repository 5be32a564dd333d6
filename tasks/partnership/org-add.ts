import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { InvalidInputError } from "../../sdk/errors.js";
import { registerOrganisation } from "../../sdk/partnerships/actions.js";
import { ORGANISATION_KINDS, type OrganisationKindName } from "../../sdk/partnerships/typedData.js";
import { cliAction } from "../common/action.js";
import { parseAddress } from "../common/connect.js";
import { openRegistry, type RegistryArgs, required } from "./shared.js";

interface OrgAddArgs extends RegistryArgs {
  readonly name: string;
  readonly kind: string;
  readonly metadata: string;
  readonly signers: string;
}

/** `npx hardhat partnership org add --name … --kind … [--metadata URI] [--signers a,b]` (registrar). */
export default cliAction(async (args: OrgAddArgs, hre: HardhatRuntimeEnvironment) => {
  const name = required(args.name, "--name");
  const kind = args.kind.trim().toLowerCase();
  if (!(ORGANISATION_KINDS as readonly string[]).includes(kind)) {
    throw new InvalidInputError(`--kind must be one of ${ORGANISATION_KINDS.join(", ")}, not "${args.kind}".`);
  }
  const signers = args.signers
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => parseAddress(s, "--signers"));
  const { registry } = await openRegistry(hre, args);
  const result = await registerOrganisation(registry, name, kind as OrganisationKindName, args.metadata, signers);
  console.log(`Registered organisation ${result.orgId} "${name}" (${kind}) with ${signers.length} signer(s).`);
  console.log(`Transaction: ${result.txHash}`);
});
