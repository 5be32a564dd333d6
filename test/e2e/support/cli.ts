import { spawn } from "node:child_process";
import path from "node:path";

import { childEnv } from "./chain-node.js";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const HARDHAT = path.join(ROOT, "node_modules", ".bin", "hardhat");
/** A CLI command that takes longer than this is a failure of the journey. */
const COMMAND_TIMEOUT_MS = 180_000;

/** What a finished command printed and how it exited. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `npx hardhat --network <network> <args…>` as a subprocess, exactly as a user would, with
 * `BUSAN_E2E_RPC_URL` pointing the `e2e` network at the node under test.
 */
export async function hardhat(
  args: readonly string[],
  options: { rpcUrl?: string; network?: string } = {},
): Promise<CliResult> {
  const networkArgs = options.network === undefined ? [] : ["--network", options.network];
  const env = childEnv(options.rpcUrl === undefined ? {} : { BUSAN_E2E_RPC_URL: options.rpcUrl });
  const child = spawn(HARDHAT, [...networkArgs, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), COMMAND_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearTimeout(timer);
  return { code, stdout, stderr: stripNpmNoise(stderr) };
}

/** npm on some machines warns about its own config on every run; that is not our output. */
function stripNpmNoise(text: string): string {
  return text
    .split("\n")
    .filter((line) => !line.startsWith("npm warn"))
    .join("\n");
}

/** Whether text looks like a stack trace (what users must never see from the CLI). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+(\(|:\d+:\d+)/m.test(text);
}
