/**
 * Lists every custom error declared in contracts/ (mocks excluded) that no test expects by name,
 * and exits non-zero when there is one. EDR reports no branch coverage, so this is how the gate
 * knows that every revert path is reached by a named test.
 *
 *   npm run security:errors
 *
 * A test "expects" an error when a Mocha test names it in
 * `revertedWithCustomError(contract, "Name")` (test/**\/*.ts) or a Solidity test uses
 * `Name.selector` (test/**\/*.sol). Runs with Node's built-in TypeScript support; imports only
 * `node:*`.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

const root = process.cwd();
const contractsDir = path.join(root, "contracts");
const testsDir = path.join(root, "test");
const EXCLUDED_DIRS = new Set([path.join(contractsDir, "mocks")]);

async function filesUnder(dir: string, extension: string, excluded: ReadonlySet<string>): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!excluded.has(full)) files.push(...(await filesUnder(full, extension, excluded)));
    } else if (entry.name.endsWith(extension)) {
      files.push(full);
    }
  }
  return files.sort();
}

/** Strips `//` and `/* … *\/` comments so commented-out declarations do not count. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");
}

async function declaredErrors(): Promise<Map<string, string>> {
  const declared = new Map<string, string>();
  for (const file of await filesUnder(contractsDir, ".sol", EXCLUDED_DIRS)) {
    const source = withoutComments(await readFile(file, "utf8"));
    for (const match of source.matchAll(/\berror\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)) {
      const name = match[1];
      if (name !== undefined && !declared.has(name)) declared.set(name, path.relative(root, file));
    }
  }
  return declared;
}

async function expectedErrors(): Promise<Set<string>> {
  const expected = new Set<string>();
  for (const file of await filesUnder(testsDir, ".ts", new Set())) {
    const source = await readFile(file, "utf8");
    for (const match of source.matchAll(
      /revertedWithCustomError\(\s*[^,()]+(?:\([^()]*\))?[^,()]*,\s*["'`]([A-Za-z0-9_]+)["'`]/g,
    )) {
      if (match[1] !== undefined) expected.add(match[1]);
    }
  }
  for (const file of await filesUnder(testsDir, ".sol", new Set())) {
    const source = withoutComments(await readFile(file, "utf8"));
    for (const match of source.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\.selector\b/g)) {
      if (match[1] !== undefined) expected.add(match[1]);
    }
  }
  return expected;
}

async function main(): Promise<void> {
  const declared = await declaredErrors();
  const expected = await expectedErrors();
  const missing = [...declared].filter(([name]) => !expected.has(name));
  if (missing.length > 0) {
    console.error(
      `${missing.length} of ${declared.size} custom errors in contracts/ are never expected by name in a test:\n` +
        missing.map(([name, file]) => `- ${name} (${file})`).join("\n"),
    );
    process.exitCode = 1;
    return;
  }
  console.log(`Every one of the ${declared.size} custom errors in contracts/ is expected by name in a test.`);
}

await main();
