import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { registerIssuer } from "../../sdk/academy/issuers.js";
import { cliAction } from "../common/action.js";
import { connectSuite, parseAddress } from "../common/connect.js";
import { registryAddress, required } from "./shared.js";

interface Args {
  readonly account: string;
  readonly name: string;
  readonly uri: string;
  readonly address: string;
  readonly from: string;
}

/** `npx hardhat academy issuer add --account 0x… --name "…" --uri ipfs://…` */
export default cliAction(async (args: Args, hre: HardhatRuntimeEnvironment) => {
  const suite = await connectSuite(hre, args.from);
  const registry = await registryAddress(suite, args.address);
  const account = parseAddress(required(args.account, "--account"), "--account");
  const result = await registerIssuer(suite.signer, registry, {
    account,
    name: required(args.name, "--name"),
    metadataURI: args.uri,
  });
  console.log(`Registered issuer ${result.issuerId} (${account}) in transaction ${result.txHash}.`);
});
