import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { reportFulfilment } from "../../sdk/partnerships/actions.js";
import { cliAction } from "../common/action.js";
import { hashFromOptions, openRegistry, parseSmall, parseWhole, type RegistryArgs, required } from "./shared.js";

interface ReportArgs extends RegistryArgs {
  readonly id: string;
  readonly index: string;
  readonly evidence: string;
  readonly evidenceHash: string;
  readonly evidenceFile: string;
  readonly uri: string;
}

/**
 * `npx hardhat partnership commitment report --id N --index C (--evidence-file F | --evidence-hash H |
 * --evidence TEXT) [--uri URI]`: the responsible party reports a commitment as fulfilled. The URI
 * may point at an on-chain object, e.g. `eip155:97:0xVault…/campaign/1`.
 */
export default cliAction(async (args: ReportArgs, hre: HardhatRuntimeEnvironment) => {
  const id = parseWhole(required(args.id, "--id"), "--id");
  const index = parseSmall(required(args.index, "--index"), "--index");
  const evidenceHash = await hashFromOptions("evidence", {
    hash: args.evidenceHash,
    file: args.evidenceFile,
    text: args.evidence,
  });
  const { registry } = await openRegistry(hre, args);
  const result = await reportFulfilment(registry, id, index, evidenceHash, args.uri);
  console.log(`Reported commitment ${index} of agreement ${id} with evidence ${evidenceHash}.`);
  console.log(`Transaction: ${result.txHash}`);
});
