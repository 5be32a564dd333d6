import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { InvalidInputError } from "../../sdk/errors.js";
import {
  rotateOrganisationSigner,
  setOrganisationActive,
  setOrganisationSigner,
} from "../../sdk/partnerships/actions.js";
import { cliAction } from "../common/action.js";
import { parseAddress } from "../common/connect.js";
import { openRegistry, parseSmall, type RegistryArgs, required } from "./shared.js";

interface OrgSignerArgs extends RegistryArgs {
  readonly org: string;
  readonly add: string;
  readonly remove: string;
  readonly rotate: string;
  readonly to: string;
  readonly deactivate: boolean;
  readonly reactivate: boolean;
}

/**
 * `npx hardhat partnership org signer --org N (--add ADDR | --remove ADDR | --rotate OLD --to NEW |
 * --deactivate | --reactivate)`: manages an organisation's signers and its active flag.
 */
export default cliAction(async (args: OrgSignerArgs, hre: HardhatRuntimeEnvironment) => {
  const orgId = parseSmall(required(args.org, "--org"), "--org");
  const chosen = [args.add !== "", args.remove !== "", args.rotate !== "", args.deactivate, args.reactivate].filter(
    Boolean,
  ).length;
  if (chosen !== 1) {
    throw new InvalidInputError(
      "Choose exactly one of --add, --remove, --rotate (with --to), --deactivate or --reactivate.",
    );
  }
  const { registry } = await openRegistry(hre, args);
  if (args.add !== "") {
    const result = await setOrganisationSigner(registry, orgId, parseAddress(args.add, "--add"), true);
    console.log(`Authorised ${args.add} to sign for organisation ${orgId}. Transaction: ${result.txHash}`);
  } else if (args.remove !== "") {
    const result = await setOrganisationSigner(registry, orgId, parseAddress(args.remove, "--remove"), false);
    console.log(`Removed signer ${args.remove} of organisation ${orgId}. Transaction: ${result.txHash}`);
  } else if (args.rotate !== "") {
    const oldSigner = parseAddress(args.rotate, "--rotate");
    const newSigner = parseAddress(required(args.to, "--to"), "--to");
    const result = await rotateOrganisationSigner(registry, orgId, oldSigner, newSigner);
    console.log(`Rotated signer ${oldSigner} to ${newSigner} for organisation ${orgId}. Transaction: ${result.txHash}`);
  } else {
    const result = await setOrganisationActive(registry, orgId, args.reactivate);
    console.log(
      `Organisation ${orgId} is now ${args.reactivate ? "active" : "inactive"}. Transaction: ${result.txHash}`,
    );
  }
});
