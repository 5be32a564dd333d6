import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { disputeFulfilment } from "../../sdk/partnerships/actions.js";
import { cliAction } from "../common/action.js";
import {
  hashFromOptions,
  openRegistry,
  parseSmall,
  parseWhole,
  type RegistryArgs,
  required,
  resolveParty,
} from "./shared.js";

interface DisputeArgs extends RegistryArgs {
  readonly id: string;
  readonly index: string;
  readonly party: string;
  readonly reason: string;
  readonly reasonHash: string;
  readonly reasonFile: string;
  readonly reasonUri: string;
}

/**
 * `npx hardhat partnership commitment dispute --id N --index C (--reason TEXT | --reason-file F |
 * --reason-hash H) [--reason-uri URI] [--party I]`: a counterparty disputes a report.
 */
export default cliAction(async (args: DisputeArgs, hre: HardhatRuntimeEnvironment) => {
  const id = parseWhole(required(args.id, "--id"), "--id");
  const index = parseSmall(required(args.index, "--index"), "--index");
  const reasonHash = await hashFromOptions("reason", {
    hash: args.reasonHash,
    file: args.reasonFile,
    text: args.reason,
  });
  const { suite, registry } = await openRegistry(hre, args);
  const { partyIndex, orgId } = await resolveParty(registry, id, suite.signer.address, args.party);
  const result = await disputeFulfilment(registry, id, index, partyIndex, reasonHash, args.reasonUri);
  console.log(`Organisation ${orgId} disputed commitment ${index} of agreement ${id} (reason ${reasonHash}).`);
  console.log(`Transaction: ${result.txHash}`);
});
