import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { listIssuers } from "../../sdk/academy/issuers.js";
import { cliAction } from "../common/action.js";
import { connectSuite } from "../common/connect.js";
import { registryAddress } from "./shared.js";

interface Args {
  readonly address: string;
  readonly json: boolean;
}

/** `npx hardhat academy issuer list` */
export default cliAction(async (args: Args, hre: HardhatRuntimeEnvironment) => {
  const suite = await connectSuite(hre);
  const issuers = await listIssuers(suite.ethers.provider, await registryAddress(suite, args.address));
  if (args.json) {
    console.log(JSON.stringify(issuers, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2));
    return;
  }
  if (issuers.length === 0) console.log("No issuers are registered.");
  for (const issuer of issuers) {
    const state =
      issuer.retiredAt !== 0n ? `retired at ${issuer.retiredAt}` : issuer.suspended ? "suspended" : "active";
    console.log(`${issuer.issuerId}  ${issuer.account}  ${state}  ${issuer.name}  ${issuer.metadataURI}`);
  }
});
