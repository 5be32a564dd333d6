import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { buildCohort, parseCohortCsv } from "../../sdk/academy/cohort.js";
import { anchorCohort } from "../../sdk/academy/cohortActions.js";
import { InvalidInputError } from "../../sdk/errors.js";
import { readTextFile } from "../../sdk/node/files.js";
import { writeCohortFiles } from "../../sdk/node/academy.js";
import { cliAction } from "../common/action.js";
import { connectSuite } from "../common/connect.js";
import { DEFAULT_LINK_BASE, parseUint, progress, registryAddress, required, validity } from "./shared.js";

interface Args {
  readonly course: string;
  readonly csv: string;
  readonly out: string;
  readonly validFrom: string;
  readonly validDays: string;
  readonly linkBase: string;
  readonly address: string;
  readonly from: string;
}

/** What `academy cohort` did. */
export interface CohortRun {
  readonly root: string;
  readonly graduates: number;
  readonly txHash: string;
  readonly files: readonly string[];
}

/**
 * Reads and validates the CSV, builds the cohort, anchors its root, then writes one credential
 * JSON and one QR PNG per graduate into `out`. Exported for tests, which pass their own signer.
 */
export async function runCohort(
  signer: HardhatEthersSigner,
  registry: string,
  options: {
    courseId: bigint;
    csvFile: string;
    outDir: string;
    validFrom: bigint;
    validUntil: bigint;
    linkBase: string;
  },
): Promise<CohortRun> {
  const graduates = parseCohortCsv(await readTextFile(options.csvFile, "cohort CSV"), options.courseId);
  console.log(`Read ${graduates.length.toLocaleString("en-US")} graduates from ${options.csvFile}.`);
  const network = await signer.provider?.getNetwork();
  if (network === undefined) throw new InvalidInputError("The signing account is not connected to a network.");
  const { chainId } = network;
  const cohort = buildCohort(graduates, {
    chainId,
    registry,
    courseId: options.courseId,
    issuer: signer.address,
    validFrom: options.validFrom,
    validUntil: options.validUntil,
    onProgress: progress("Credentials built"),
    progressEvery: 1_000,
  });
  console.log(`Cohort root ${cohort.root}; anchoring it…`);
  const anchored = await anchorCohort(signer, registry, cohort);
  console.log(`Anchored in transaction ${anchored.txHash}.`);
  const files = await writeCohortFiles(options.outDir, cohort.credentials, options.linkBase, progress("Files written"));
  return { root: cohort.root, graduates: graduates.length, txHash: anchored.txHash, files: files.map((f) => f.json) };
}

/** `npx hardhat academy cohort --course 1 --csv graduates.csv --out credentials/ [--valid-days 730]` */
export default cliAction(async (args: Args, hre: HardhatRuntimeEnvironment) => {
  const suite = await connectSuite(hre, args.from);
  const registry = await registryAddress(suite, args.address);
  const run = await runCohort(suite.signer, registry, {
    courseId: parseUint(required(args.course, "--course"), "--course"),
    csvFile: required(args.csv, "--csv"),
    outDir: required(args.out, "--out"),
    ...(await validity(suite, args.validFrom, args.validDays)),
    linkBase: args.linkBase === "" ? DEFAULT_LINK_BASE : args.linkBase,
  });
  console.log(`Wrote ${run.graduates} credentials and QR codes to ${args.out}.`);
});
