import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { setCertificateSuspended } from "../../sdk/academy/status.js";
import { cliAction } from "../common/action.js";
import { connectSuite } from "../common/connect.js";
import { parseUint, registryAddress, required } from "./shared.js";

interface Args {
  readonly tokenId: string;
  readonly lift: boolean;
  readonly address: string;
  readonly from: string;
}

/** `npx hardhat academy suspend --token-id 123 [--lift]` */
export default cliAction(async (args: Args, hre: HardhatRuntimeEnvironment) => {
  const tokenId = parseUint(required(args.tokenId, "--token-id"), "--token-id");
  const suite = await connectSuite(hre, args.from);
  const registry = await registryAddress(suite, args.address);
  const result = await setCertificateSuspended(suite.signer, registry, tokenId, !args.lift);
  console.log(
    `Certificate ${result.tokenId} is ${result.suspended ? "suspended" : "no longer suspended"} (transaction ${result.txHash}).`,
  );
});
