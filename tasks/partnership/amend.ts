import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { InvalidInputError } from "../../sdk/errors.js";
import { proposeAmendment } from "../../sdk/partnerships/actions.js";
import { cliAction } from "../common/action.js";
import { loadMou } from "./propose.js";
import { openRegistry, parseWhole, type RegistryArgs, required, resolveParty } from "./shared.js";

interface AmendArgs extends RegistryArgs {
  readonly id: string;
  readonly file: string;
  readonly party: string;
}

/**
 * `npx hardhat partnership amend --id N --file MOU.json [--party I]`: proposes a new version of an
 * active agreement. The file lists the same parties; every party must sign the new version.
 */
export default cliAction(async (args: AmendArgs, hre: HardhatRuntimeEnvironment) => {
  const id = parseWhole(required(args.id, "--id"), "--id");
  const { mou, terms } = await loadMou(required(args.file, "--file"));
  const { suite, registry } = await openRegistry(hre, args);
  const parties = (await registry.agreement(id)).parties.map(Number);
  if (parties.join(",") !== mou.parties.join(",")) {
    throw new InvalidInputError(
      `The MOU file lists parties ${mou.parties.join(", ")} but agreement ${id} is between ${parties.join(", ")}.`,
    );
  }
  const { partyIndex } = await resolveParty(registry, id, suite.signer.address, args.party);
  const result = await proposeAmendment(registry, id, partyIndex, terms);
  console.log(
    `Proposed version ${result.version} of agreement ${id}; the version in force stays until every party signs.`,
  );
  console.log(`Transaction: ${result.txHash}`);
});
