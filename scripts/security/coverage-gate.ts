/**
 * The coverage gate: runs every test with Hardhat's coverage (`hardhat test --coverage`), then
 * fails when the production contracts (contracts/, mocks excluded) are below the threshold.
 *
 *   npm run coverage                      (the gate, then the unexpected-errors check)
 *   node scripts/security/coverage-gate.ts [extra `hardhat test` arguments]
 *
 * Hardhat writes `coverage/lcov.info` (executed lines per file) and prints a table with each
 * file's line and statement percentages; statement counts are not written anywhere. So the gate
 * checks lines exactly from lcov (per file and in total) and statements per file from the table.
 * Every file at or above the threshold implies the total is too, so the total for statements is
 * never overstated. Runs with Node's built-in TypeScript support; imports only `node:*`.
 */
import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** Minimum percentage of lines and of statements of every production contract. */
const THRESHOLD_PERCENT = 98;
/** Files the gate measures: production contracts only. */
const INCLUDED_PREFIX = "contracts/";
const EXCLUDED_PREFIX = "contracts/mocks/";

const root = process.cwd();
const lcovPath = path.join(root, "coverage", "lcov.info");
const summaryPath = path.join(root, "coverage", "summary.txt");

interface FileCoverage {
  file: string;
  linesFound: number;
  linesHit: number;
  uncovered: number[];
  statementPercent: number | undefined;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Runs `hardhat test --coverage`, echoing its output, and returns the output and exit code. */
async function runCoverage(extraArgs: readonly string[]): Promise<{ output: string; code: number }> {
  const child = spawn("npx", ["hardhat", "test", "--coverage", ...extraArgs], {
    stdio: ["ignore", "pipe", "inherit"],
    env: process.env,
  });
  let output = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    output += chunk;
    process.stdout.write(chunk);
  });
  const code = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exit) => {
      resolve(exit ?? 1);
    });
  });
  return { output, code };
}

function isProduction(file: string): boolean {
  return file.startsWith(INCLUDED_PREFIX) && !file.startsWith(EXCLUDED_PREFIX);
}

/** Executed lines per file from an lcov tracefile. */
function parseLcov(text: string): Map<string, FileCoverage> {
  const files = new Map<string, FileCoverage>();
  let current: FileCoverage | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("SF:")) {
      current = { file: line.slice(3), linesFound: 0, linesHit: 0, uncovered: [], statementPercent: undefined };
    } else if (line.startsWith("DA:") && current !== undefined) {
      const [lineNo, count] = line.slice(3).split(",");
      current.linesFound += 1;
      if (Number(count) > 0) current.linesHit += 1;
      else current.uncovered.push(Number(lineNo));
    } else if (line === "end_of_record" && current !== undefined) {
      files.set(current.file, current);
      current = undefined;
    }
  }
  return files;
}

/** Statement percentage per file from the printed table (`║ file │ line % │ statement % │ … ║`). */
function parseStatementPercents(output: string): Map<string, number> {
  const percents = new Map<string, number>();
  for (const raw of output.replace(ANSI, "").split("\n")) {
    const cells = raw
      .split(/[║│|]/)
      .map((cell) => cell.trim())
      .filter((cell) => cell.length > 0);
    const [file, , statements] = cells;
    if (file === undefined || statements === undefined || !file.endsWith(".sol")) continue;
    const value = Number(statements);
    if (!Number.isNaN(value)) percents.set(file, value);
  }
  return percents;
}

/** Most uncovered-line ranges listed per file; the HTML report under coverage/html has them all. */
const MAX_RANGES_LISTED = 12;

/** "3, 7-9, 12" from [3, 7, 8, 9, 12], cut after MAX_RANGES_LISTED ranges. */
function ranges(lines: readonly number[]): string {
  const out: string[] = [];
  let start: number | undefined;
  let end = 0;
  for (const line of [...lines].sort((a, b) => a - b)) {
    if (start !== undefined && line === end + 1) {
      end = line;
      continue;
    }
    if (start !== undefined) out.push(start === end ? `${start}` : `${start}-${end}`);
    start = line;
    end = line;
  }
  if (start !== undefined) out.push(start === end ? `${start}` : `${start}-${end}`);
  return out.length > MAX_RANGES_LISTED ? `${out.slice(0, MAX_RANGES_LISTED).join(", ")}, …` : out.join(", ");
}

function percent(hit: number, found: number): number {
  return found === 0 ? 100 : (hit * 100) / found;
}

async function main(): Promise<void> {
  const { output, code } = await runCoverage(process.argv.slice(2));
  await mkdir(path.dirname(summaryPath), { recursive: true });
  await writeFile(summaryPath, output.replace(ANSI, ""));
  if (code !== 0) {
    console.error(`Coverage gate failed: the test run exited with code ${code}, so coverage was not measured.`);
    process.exitCode = 1;
    return;
  }

  let lcov: string;
  try {
    lcov = await readFile(lcovPath, "utf8");
  } catch {
    console.error(`Coverage gate failed: ${path.relative(root, lcovPath)} was not written by the test run.`);
    process.exitCode = 1;
    return;
  }
  const statementPercents = parseStatementPercents(output);
  const files = [...parseLcov(lcov).values()].filter((f) => isProduction(f.file));
  if (files.length === 0) {
    console.error(`Coverage gate failed: the report lists no file under ${INCLUDED_PREFIX}.`);
    process.exitCode = 1;
    return;
  }

  const problems: string[] = [];
  let totalFound = 0;
  let totalHit = 0;
  for (const f of files.sort((a, b) => a.file.localeCompare(b.file))) {
    f.statementPercent = statementPercents.get(f.file);
    totalFound += f.linesFound;
    totalHit += f.linesHit;
    const lines = percent(f.linesHit, f.linesFound);
    if (lines < THRESHOLD_PERCENT) {
      problems.push(`${f.file}: lines ${lines.toFixed(2)}% (uncovered lines ${ranges(f.uncovered)})`);
    }
    if (f.statementPercent === undefined) {
      problems.push(`${f.file}: no statement figure in the coverage table`);
    } else if (f.statementPercent < THRESHOLD_PERCENT) {
      problems.push(`${f.file}: statements ${f.statementPercent.toFixed(2)}% (uncovered lines ${ranges(f.uncovered)})`);
    }
  }
  const totalLines = percent(totalHit, totalFound);
  if (totalLines < THRESHOLD_PERCENT) {
    problems.push(`all production contracts: lines ${totalLines.toFixed(2)}% (${totalHit} of ${totalFound})`);
  }

  console.log(`\nCoverage of ${files.length} production contracts (mocks excluded), threshold ${THRESHOLD_PERCENT}%:`);
  for (const f of files) {
    const lines = percent(f.linesHit, f.linesFound).toFixed(2);
    const statements = f.statementPercent === undefined ? "?" : f.statementPercent.toFixed(2);
    console.log(`  ${f.file}: lines ${lines}%, statements ${statements}%`);
  }
  console.log(`  total lines: ${totalLines.toFixed(2)}% (${totalHit} of ${totalFound})`);

  if (problems.length > 0) {
    console.error(`\nCoverage gate failed, below ${THRESHOLD_PERCENT}%:\n- ${problems.join("\n- ")}`);
    process.exitCode = 1;
    return;
  }
  console.log(`Coverage gate passed: every production contract is at or above ${THRESHOLD_PERCENT}%.`);
}

await main();
