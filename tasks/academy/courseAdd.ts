import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { createCourse } from "../../sdk/academy/courses.js";
import { cliAction } from "../common/action.js";
import { connectSuite } from "../common/connect.js";
import { hashOrHex, parseUint, registryAddress, required } from "./shared.js";

interface Args {
  readonly uri: string;
  readonly hash: string;
  readonly maxValidityDays: string;
  readonly irrevocable: boolean;
  readonly address: string;
  readonly from: string;
}

/** `npx hardhat academy course add --uri ipfs://… [--hash 0x…] [--max-validity-days 730] [--irrevocable]` */
export default cliAction(async (args: Args, hre: HardhatRuntimeEnvironment) => {
  const suite = await connectSuite(hre, args.from);
  const registry = await registryAddress(suite, args.address);
  const uri = required(args.uri, "--uri");
  const days = parseUint(args.maxValidityDays === "" ? "0" : args.maxValidityDays, "--max-validity-days");
  const result = await createCourse(suite.signer, registry, {
    metadataURI: uri,
    metadataHash: hashOrHex(args.hash === "" ? uri : args.hash),
    maxValidity: days * 86_400n,
    revocable: !args.irrevocable,
  });
  console.log(`Created course ${result.courseId} in transaction ${result.txHash}.`);
});
