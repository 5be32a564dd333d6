import { mkdir } from "node:fs/promises";
import path from "node:path";

import { academyChapter } from "./academy.js";
import { charityChapter } from "./charity.js";
import { commitmentsChapter } from "./commitments.js";
import {
  ACTOR_NAMES,
  type DemoActors,
  type DemoConnection,
  type DemoContext,
  type DemoContracts,
  type DemoFacts,
  demoActors,
  toJson,
  writeArtifact,
} from "./context.js";
import { deploySuite } from "./deploy.js";
import { partnershipsChapter } from "./partnerships.js";
import { DemoReport } from "./report.js";
import { ticketsChapter } from "./tickets.js";

/** Where the demo writes its files unless `BUSAN_DEMO_OUT` or `outDir` says otherwise. */
export const DEFAULT_DEMO_OUT = path.join("out", "demo");

export interface DemoOptions {
  /** The output folder; the files of an earlier run are overwritten, nothing else is touched. */
  readonly outDir?: string;
  /** Where the report's lines go (default: the console). */
  readonly print?: (line: string) => void;
}

/** The demo's result: what `summary.json` holds, plus the report's steps. */
export interface DemoSummary {
  readonly network: string;
  readonly chainId: string;
  readonly contracts: DemoContracts & { readonly city: string };
  readonly actors: Record<string, { readonly name: string; readonly address: string }>;
  readonly chapters: readonly { chapter: string; transactions: number; gas: string }[];
  readonly totalGas: string;
  readonly facts: DemoFacts;
  readonly outDir: string;
  readonly seconds: number;
}

function emptyFacts(): DemoFacts {
  return {
    chainId: 0n,
    organisations: 0,
    agreements: [],
    binanceAgreementId: 0n,
    courseId: 0n,
    cohortRoot: "",
    graduates: 0,
    claimed: 0,
    revokedTokenIds: [],
    verifications: [],
    ticketsSold: 0,
    ticketsAirdropped: 0,
    ticketsCheckedIn: 0,
    checkInBatches: 0,
    resales: 0,
    campaignIds: [],
    settlementDonation: 0n,
    campaignOneDonated: 0n,
    traceBalanced: false,
    commitments: [],
    artifacts: [],
  };
}

/**
 * Plays the Busan story on a network connection: deploys the suite with Ignition, then runs the
 * five chapters through the SDK, printing each step, and writes the artifacts and `summary.json`.
 */
export async function runDemo(connection: DemoConnection, options: DemoOptions = {}): Promise<DemoSummary> {
  const started = Date.now();
  const outDir = path.resolve(options.outDir ?? DEFAULT_DEMO_OUT);
  await mkdir(outDir, { recursive: true });
  const print =
    options.print ??
    ((line: string) => {
      console.log(line);
    });
  const report = new DemoReport(print);
  const { ethers, networkHelpers } = connection;
  const chainId = (await ethers.provider.getNetwork()).chainId;
  const actors = await demoActors(ethers);
  for (const [key, signer] of Object.entries(actors) as [keyof DemoActors, { address: string }][]) {
    report.name(signer.address, ACTOR_NAMES[key]);
  }
  print(`The Busan Blockchain Suite, played as a story on network "${connection.networkName}" (chain ${chainId}).`);
  print("In 2022 the City of Busan signed MOUs with Binance and other exchanges and with three universities:");
  print(
    "charity, an academy, Blockchain Week and an office. Here every promise is kept on chain, where anyone can check it.",
  );

  const contracts = await deploySuite(connection, actors, report);
  const facts = emptyFacts();
  facts.chainId = chainId;
  const context: DemoContext = {
    ethers,
    networkHelpers,
    networkName: connection.networkName,
    actors,
    contracts,
    report,
    outDir,
    facts,
  };

  const partnerships = await partnershipsChapter(context);
  const academy = await academyChapter(context);
  const event = await ticketsChapter(context, academy.courseId);
  const charity = await charityChapter(context, event);
  await commitmentsChapter(context, {
    city: partnerships.city,
    agreementId: partnerships.binanceAgreementId,
    courseId: academy.courseId,
    cohortRoot: facts.cohortRoot,
    campaignId: charity.campaignId,
  });

  const chapters = report.gasByChapter();
  const summary: DemoSummary = {
    network: connection.networkName,
    chainId: chainId.toString(),
    contracts: { ...contracts, city: partnerships.city.address },
    actors: Object.fromEntries(
      (Object.entries(actors) as [keyof DemoActors, { address: string }][]).map(([key, signer]) => [
        key,
        { name: ACTOR_NAMES[key], address: signer.address },
      ]),
    ),
    chapters: chapters.map((c) => ({ chapter: c.chapter, transactions: c.transactions, gas: c.gas.toString() })),
    totalGas: chapters.reduce((sum, c) => sum + c.gas, 0n).toString(),
    facts,
    outDir,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  facts.artifacts.push("summary.json");
  await writeArtifact(context, "summary.json", toJson(summary));
  facts.artifacts.pop();
  print("");
  print(
    `Artifacts (${facts.artifacts.length + 1} files: credentials, cohort CSV, pass QR codes, MOU packets, Dave's trace, summary.json) are in ${shownDir(outDir)}.`,
  );
  report.printSummary();
  return summary;
}

/** The output folder as the reader typed it: relative when inside the working folder. */
function shownDir(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? dir : relative;
}
