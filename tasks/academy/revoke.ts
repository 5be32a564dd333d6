import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { revokeCertificates } from "../../sdk/academy/status.js";
import { InvalidInputError } from "../../sdk/errors.js";
import { cliAction } from "../common/action.js";
import { connectSuite } from "../common/connect.js";
import { hashOrHex, parseTokenIds, parseUint, registryAddress, required } from "./shared.js";

interface Args {
  readonly tokenId: string;
  readonly reasonCode: string;
  readonly reason: string;
  readonly address: string;
  readonly from: string;
}

const MAX_REASON_CODE = 255n;

/** `npx hardhat academy revoke --token-id 123[,456] --reason-code 1 --reason "text or 0x… hash"` */
export default cliAction(async (args: Args, hre: HardhatRuntimeEnvironment) => {
  const tokenIds = parseTokenIds(args.tokenId);
  const code = parseUint(args.reasonCode === "" ? "0" : args.reasonCode, "--reason-code");
  if (code > MAX_REASON_CODE) throw new InvalidInputError("--reason-code must be between 0 and 255.");
  const suite = await connectSuite(hre, args.from);
  const registry = await registryAddress(suite, args.address);
  const result = await revokeCertificates(suite.signer, registry, tokenIds, {
    code: Number(code),
    hash: hashOrHex(required(args.reason, "--reason")),
  });
  console.log(`Revoked ${result.revoked.length} certificate(s) in transaction ${result.txHash}.`);
});
