import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { acknowledgeFulfilment } from "../../sdk/partnerships/actions.js";
import { cliAction } from "../common/action.js";
import { openRegistry, parseSmall, parseWhole, type RegistryArgs, required, resolveParty } from "./shared.js";

interface AckArgs extends RegistryArgs {
  readonly id: string;
  readonly index: string;
  readonly party: string;
}

/** `npx hardhat partnership commitment ack --id N --index C [--party I]`: a counterparty acknowledges. */
export default cliAction(async (args: AckArgs, hre: HardhatRuntimeEnvironment) => {
  const id = parseWhole(required(args.id, "--id"), "--id");
  const index = parseSmall(required(args.index, "--index"), "--index");
  const { suite, registry } = await openRegistry(hre, args);
  const { partyIndex, orgId } = await resolveParty(registry, id, suite.signer.address, args.party);
  const result = await acknowledgeFulfilment(registry, id, index, partyIndex);
  console.log(`Organisation ${orgId} acknowledged commitment ${index} of agreement ${id}.`);
  console.log(`Transaction: ${result.txHash}`);
});
