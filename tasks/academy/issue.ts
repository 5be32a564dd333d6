import { writeFile } from "node:fs/promises";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { issueCertificate } from "../../sdk/academy/issueCertificate.js";
import { credentialToLink } from "../../sdk/academy/link.js";
import { cliAction } from "../common/action.js";
import { connectSuite, parseAddress } from "../common/connect.js";
import { DEFAULT_LINK_BASE, parseUint, registryAddress, required, validity } from "./shared.js";

interface Args {
  readonly to: string;
  readonly course: string;
  readonly name: string;
  readonly validFrom: string;
  readonly validDays: string;
  readonly out: string;
  readonly linkBase: string;
  readonly address: string;
  readonly from: string;
}

/** `npx hardhat academy issue --to 0x… --course 1 --name "…" [--valid-days 365] [--out credential.json]` */
export default cliAction(async (args: Args, hre: HardhatRuntimeEnvironment) => {
  const suite = await connectSuite(hre, args.from);
  const registry = await registryAddress(suite, args.address);
  const window = await validity(suite, args.validFrom, args.validDays);
  const result = await issueCertificate(suite.signer, registry, {
    courseId: parseUint(required(args.course, "--course"), "--course"),
    recipient: parseAddress(required(args.to, "--to"), "--to"),
    name: required(args.name, "--name"),
    ...window,
  });
  const json = `${JSON.stringify(result.credential, null, 2)}\n`;
  if (args.out === "") console.log(json);
  else await writeFile(args.out, json);
  console.log(`Issued certificate ${result.tokenId} in transaction ${result.txHash}.`);
  if (args.out !== "") console.log(`Credential written to ${args.out}.`);
  console.log(
    `Verification link: ${credentialToLink(args.linkBase === "" ? DEFAULT_LINK_BASE : args.linkBase, result.credential)}`,
  );
});
