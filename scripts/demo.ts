/**
 * The Busan demo: deploys the suite with Ignition on the in-process network and plays the whole
 * story — MOUs, the academy's cohort, Blockchain Week, the charity and the commitments — printing
 * each step with its transaction and gas, and writing its artifacts to `out/demo/`
 * (`BUSAN_DEMO_OUT` overrides the folder).
 *
 *   npm run demo
 *   npx hardhat run scripts/demo.ts --network localhost     # after `npm run node`
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { network } from "hardhat";

import { BusanError } from "../sdk/errors.js";
import { DemoError } from "./demo/context.js";
import { DEFAULT_DEMO_OUT, runDemo } from "./demo/run.js";

export { runDemo, type DemoOptions, type DemoSummary } from "./demo/run.js";

/** One sentence for a failure: the SDK's short message, the demo's own, or the first line of another. */
export function describeFailure(error: unknown): string {
  if (error instanceof BusanError) return error.shortMessage;
  if (error instanceof DemoError) return error.message;
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? "unknown error";
}

async function main(): Promise<void> {
  try {
    const connection = await network.create();
    await runDemo(connection, { outDir: process.env["BUSAN_DEMO_OUT"] ?? DEFAULT_DEMO_OUT });
  } catch (error) {
    console.error(`\nThe demo failed: ${describeFailure(error)}`);
    process.exitCode = 1;
  }
}

const thisFile = fileURLToPath(import.meta.url);
// `hardhat run scripts/demo.ts` names this file on the command line; an import (a test) does not.
if (process.argv.some((arg) => path.resolve(arg) === thisFile)) await main();
