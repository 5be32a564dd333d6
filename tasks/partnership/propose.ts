import path from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { readJsonFile } from "../../sdk/node/files.js";
import { hashAgreementDocumentFile } from "../../sdk/node/partnerships.js";
import { proposeAgreement } from "../../sdk/partnerships/actions.js";
import { documentHashToSha256sum } from "../../sdk/partnerships/documentHash.js";
import { mouToTerms, parseMou } from "../../sdk/partnerships/mou.js";
import { cliAction } from "../common/action.js";
import { isoDate, openRegistry, type RegistryArgs, required } from "./shared.js";

interface ProposeArgs extends RegistryArgs {
  readonly file: string;
}

/** Reads, validates and hashes an MOU file (format busan-mou/1, see docs/partnerships.md). */
export async function loadMou(file: string) {
  const mou = parseMou(await readJsonFile(file, "MOU file"), `MOU file ${file}`);
  const documentHash =
    mou.document.sha256 ??
    (mou.document.file === undefined
      ? undefined
      : await hashAgreementDocumentFile(path.resolve(path.dirname(file), mou.document.file)));
  return { mou, terms: mouToTerms(mou, documentHash) };
}

/** `npx hardhat partnership propose --file MOU.json`: proposes an agreement (version 1). */
export default cliAction(async (args: ProposeArgs, hre: HardhatRuntimeEnvironment) => {
  const file = required(args.file, "--file");
  const { mou, terms } = await loadMou(file);
  console.log(`Document SHA-256: ${documentHashToSha256sum(terms.documentHash)} (check with sha256sum)`);
  const { registry } = await openRegistry(hre, args);
  const result = await proposeAgreement(registry, mou.title, mou.parties, terms);
  console.log(
    `Proposed agreement ${result.agreementId} "${mou.title}" between organisations ${mou.parties.join(", ")}.`,
  );
  console.log(
    `Every party must sign by ${isoDate(terms.signingDeadline)}: npx hardhat partnership sign --id ${result.agreementId}`,
  );
  console.log(`Transaction: ${result.txHash}`);
});
