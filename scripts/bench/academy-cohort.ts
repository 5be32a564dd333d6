/**
 * Times the SDK building a 100,000-graduate cohort (root + every credential with its proof) and
 * fails when it takes 60 s or more.
 *
 *   npx hardhat run scripts/bench/academy-cohort.ts
 */
import { Wallet } from "ethers";

import { buildCohort, type Graduate } from "../../sdk/academy/cohort.js";

const GRADUATES = 100_000;
const LIMIT_MS = 60_000;

function graduates(count: number): Graduate[] {
  const list: Graduate[] = [];
  for (let i = 0; i < count; i += 1) {
    // Distinct, valid addresses without the cost of key generation.
    const address = `0x${(i + 1).toString(16).padStart(40, "0")}`;
    list.push({ name: `Graduate ${i + 1}`, address, courseId: 1n });
  }
  return list;
}

async function main(): Promise<void> {
  const list = graduates(GRADUATES);
  const registry = Wallet.createRandom().address;
  const started = performance.now();
  const cohort = buildCohort(list, {
    chainId: 97n,
    registry,
    courseId: 1n,
    issuer: registry,
    validFrom: 1_700_000_000n,
    validUntil: 0n,
    onProgress: (done, total) => {
      process.stdout.write(`  ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} credentials\r`);
    },
    progressEvery: 20_000,
  });
  const elapsed = performance.now() - started;
  process.stdout.write("\n");
  console.log(
    `Built a ${cohort.credentials.length.toLocaleString("en-US")}-graduate cohort (root ${cohort.root}) in ${(elapsed / 1000).toFixed(1)} s (limit ${LIMIT_MS / 1000} s).`,
  );
  if (elapsed >= LIMIT_MS) {
    console.error("The cohort build is over its time limit.");
    process.exitCode = 1;
  }
  await Promise.resolve();
}

await main();
