import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { giveTerminationNotice } from "../../sdk/partnerships/actions.js";
import { cliAction } from "../common/action.js";
import {
  hashFromOptions,
  isoDate,
  openRegistry,
  parseWhole,
  type RegistryArgs,
  required,
  resolveParty,
} from "./shared.js";

interface TerminateArgs extends RegistryArgs {
  readonly id: string;
  readonly party: string;
  readonly reason: string;
  readonly reasonHash: string;
  readonly reasonFile: string;
  readonly reasonUri: string;
}

/**
 * `npx hardhat partnership terminate --id N (--reason TEXT | --reason-file F | --reason-hash H)
 * [--reason-uri URI] [--party I]`: gives one party's notice; the agreement ends after the notice
 * period of the version in force.
 */
export default cliAction(async (args: TerminateArgs, hre: HardhatRuntimeEnvironment) => {
  const id = parseWhole(required(args.id, "--id"), "--id");
  const reasonHash = await hashFromOptions("reason", {
    hash: args.reasonHash,
    file: args.reasonFile,
    text: args.reason,
  });
  const { suite, registry } = await openRegistry(hre, args);
  const { partyIndex, orgId } = await resolveParty(registry, id, suite.signer.address, args.party);
  const result = await giveTerminationNotice(registry, id, partyIndex, reasonHash, args.reasonUri);
  console.log(`Organisation ${orgId} gave notice on agreement ${id}; it ends at ${isoDate(result.effectiveAt)}.`);
  console.log(`Transaction: ${result.txHash}`);
});
