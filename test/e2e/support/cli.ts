import { type ChildProcessByStdio, spawn } from "node:child_process";
import type { Readable } from "node:stream";
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

/** How a command is run: the network, the node behind the `e2e` network, extra environment. */
export interface CliOptions {
  readonly rpcUrl?: string;
  readonly network?: string;
  /** Extra environment variables, e.g. `HARDHAT_IGNITION_CONFIRM_DEPLOYMENT`. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Runs `npx hardhat --network <network> <args…>` as a subprocess, exactly as a user would, with
 * `BUSAN_E2E_RPC_URL` pointing the `e2e` network at the node under test.
 */
export async function hardhat(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const child = spawnHardhat(args, options);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), COMMAND_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearTimeout(timer);
  return { code, stdout, stderr: stripNpmNoise(stderr) };
}

/**
 * Starts `npx hardhat …` without waiting for it, in its own process group (so that a test can
 * kill it, and only it, half-way). Its output is piped and left to the caller.
 */
export function spawnHardhat(
  args: readonly string[],
  options: CliOptions = {},
): ChildProcessByStdio<null, Readable, Readable> {
  const networkArgs = options.network === undefined ? [] : ["--network", options.network];
  const env = childEnv({
    ...(options.rpcUrl === undefined ? {} : { BUSAN_E2E_RPC_URL: options.rpcUrl }),
    ...options.env,
  });
  return spawn(HARDHAT, [...networkArgs, ...args], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
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

/** Where Ignition records the suite's deployment on a chain (and where the CLI finds it). */
export function deploymentDir(chainId: number): string {
  return path.join(ROOT, "deploy", "deployments", `chain-${chainId}`);
}

/** Ignition asks before deploying to a chain other than 31337; this answers yes. */
export const CONFIRM_DEPLOYMENT = { HARDHAT_IGNITION_CONFIRM_DEPLOYMENT: "1" } as const;

let built: Promise<void> | undefined;

/**
 * Compiles the contracts once, before any node or command starts, with the build profile that
 * `ignition deploy` uses (production), so that no deployment compiles while a test waits on it
 * and no two processes compile into the same artifacts folder at the same time. (`hardhat test`
 * builds with the default profile, so the first e2e run after it compiles once here.)
 */
export function ensureBuilt(): Promise<void> {
  built ??= hardhat(["--build-profile", "production", "build", "--quiet"]).then((result) => {
    if (result.code !== 0) throw new Error(`hardhat build failed:\n${result.stdout}\n${result.stderr}`);
  });
  return built;
}
