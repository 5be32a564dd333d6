import { writeFile } from "node:fs/promises";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { courseIdOfToken } from "../../sdk/academy/leaf.js";
import { reissueCertificate } from "../../sdk/academy/status.js";
import { cliAction } from "../common/action.js";
import { connectSuite, parseAddress } from "../common/connect.js";
import { parseUint, registryAddress, required, validity } from "./shared.js";

interface Args {
  readonly tokenId: string;
  readonly to: string;
  readonly name: string;
  readonly validFrom: string;
  readonly validDays: string;
  readonly out: string;
  readonly address: string;
  readonly from: string;
}

/** `npx hardhat academy reissue --token-id 123 --to 0x… --name "Corrected Name" [--out new.json]` */
export default cliAction(async (args: Args, hre: HardhatRuntimeEnvironment) => {
  const oldTokenId = parseUint(required(args.tokenId, "--token-id"), "--token-id");
  const suite = await connectSuite(hre, args.from);
  const registry = await registryAddress(suite, args.address);
  const result = await reissueCertificate(suite.signer, registry, oldTokenId, {
    courseId: courseIdOfToken(oldTokenId),
    recipient: parseAddress(required(args.to, "--to"), "--to"),
    name: required(args.name, "--name"),
    ...(await validity(suite, args.validFrom, args.validDays)),
  });
  const json = `${JSON.stringify(result.credential, null, 2)}\n`;
  if (args.out === "") console.log(json);
  else await writeFile(args.out, json);
  console.log(`Certificate ${result.oldTokenId} is superseded by ${result.newTokenId} (transaction ${result.txHash}).`);
});
