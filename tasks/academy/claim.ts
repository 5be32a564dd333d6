import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { claimCertificate } from "../../sdk/academy/cohortActions.js";
import { InvalidInputError } from "../../sdk/errors.js";
import { readCredentialFile } from "../../sdk/node/academy.js";
import { cliAction } from "../common/action.js";
import { connectSuite } from "../common/connect.js";
import { required } from "./shared.js";

interface Args {
  readonly credential: string;
  readonly from: string;
}

/** `npx hardhat academy claim --credential alice.json [--from <graduate account>]` */
export default cliAction(async (args: Args, hre: HardhatRuntimeEnvironment) => {
  const credential = await readCredentialFile(required(args.credential, "--credential"));
  const suite = await connectSuite(hre, args.from === "" ? credential.recipient.address : args.from);
  if (suite.chainId !== BigInt(credential.chainId)) {
    throw new InvalidInputError(
      `The credential is for chain ${credential.chainId}, not this network (chain ${suite.chainId}).`,
    );
  }
  const result = await claimCertificate(suite.signer, credential);
  console.log(`Claimed certificate ${result.tokenId} for ${result.holder} in transaction ${result.txHash}.`);
});
