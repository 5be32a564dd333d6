import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";

/** The two independent node implementations the end-to-end journeys run against. */
export type NodeKind = "hardhat" | "anvil";

/** A chain node running as a separate process, reachable over JSON-RPC on loopback. */
export interface ChainNode {
  readonly kind: NodeKind;
  readonly url: string;
  readonly chainId: number;
  /** Sends a JSON-RPC request to the node. */
  rpc<T = unknown>(method: string, params?: unknown[]): Promise<T>;
  stop(): Promise<void>;
}

/**
 * A TCP port on loopback that nothing listens on right now. The machine may run other nodes (a
 * developer's `npm run node`, another checkout's tests), so the e2e nodes never assume a fixed port.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  if (address === null || typeof address === "string") throw new Error("Could not find a free port.");
  return address.port;
}

/**
 * Chain ids of the e2e nodes: distinct from the developer's local chain (31337). The ports are
 * defaults only; the tests ask `freePort()` for one.
 */
export const E2E_CHAINS: Readonly<Record<NodeKind, { port: number; chainId: number }>> = {
  hardhat: { port: 18545, chainId: 31401 },
  anvil: { port: 18546, chainId: 31402 },
};

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const BIN = path.join(ROOT, "node_modules", ".bin");
/** How long a node may take to answer its first request. */
const START_TIMEOUT_MS = 60_000;
const POLL_MS = 200;

/** How the node mines. */
export interface NodeOptions {
  /**
   * Mine a block every this many seconds instead of one per transaction, so that a deployment
   * takes several blocks (anvil `--block-time`; Hardhat's node `evm_setIntervalMining`).
   */
  readonly blockTimeSeconds?: number;
}

/**
 * Starts a node process on `port` with its own chain id (so its Ignition journal folder,
 * `deploy/deployments/chain-<id>`, never collides with a developer's local chain 31337). Both
 * implementations serve the same well-known test mnemonic, so the accounts are identical.
 */
export async function startNode(
  kind: NodeKind,
  port: number,
  chainId: number,
  options: NodeOptions = {},
): Promise<ChainNode> {
  const blockTime = options.blockTimeSeconds;
  const args =
    kind === "hardhat"
      ? ["node", "--port", String(port), "--chain-id", String(chainId)]
      : [
          "--port",
          String(port),
          "--chain-id",
          String(chainId),
          "--silent",
          "--hardfork",
          "cancun",
          ...(blockTime === undefined ? [] : ["--block-time", String(blockTime)]),
        ];
  const command = kind === "hardhat" ? path.join(BIN, "hardhat") : path.join(BIN, "anvil");
  const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], detached: true, env: childEnv() });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  let nextId = 1;
  const rpc = async <T>(method: string, params: unknown[] = []): Promise<T> => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
    });
    const body = (await response.json()) as { result?: T; error?: { message: string } };
    if (body.error !== undefined) throw new Error(`${method}: ${body.error.message}`);
    return body.result as T;
  };
  const exited = (): boolean => child.exitCode !== null;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited()) throw new Error(`The ${kind} node exited early:\n${output}`);
    try {
      const id = await rpc<string>("eth_chainId");
      if (Number(id) !== chainId) throw new Error(`The ${kind} node reports chain ${Number(id)}, expected ${chainId}.`);
      // Another process on the same port would answer too; ours must still be running.
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (exited()) throw new Error(`The ${kind} node exited early:\n${output}`);
      break;
    } catch (error) {
      if (error instanceof Error && /reports chain|exited early/.test(error.message)) throw error;
      if (Date.now() > deadline)
        throw new Error(`The ${kind} node did not start within ${START_TIMEOUT_MS} ms:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  const node: ChainNode = { kind, url, chainId, rpc, stop: () => stopProcess(child) };
  if (kind === "hardhat" && blockTime !== undefined) {
    try {
      await rpc("evm_setAutomine", [false]);
      await rpc("evm_setIntervalMining", [blockTime * 1_000]);
    } catch (error) {
      await node.stop();
      throw error;
    }
  }
  return node;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = once(child, "exit");
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The environment for child processes: the user's, minus what marks a CI server or a test run
 * (Hardhat prints stack traces on CI servers and switches the keystore to its development copy
 * while testing; the journeys check what a person at a terminal sees). `extra` is added last.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["CI", "GITHUB_ACTIONS", "HH_TEST", "NODE_ENV"]) Reflect.deleteProperty(env, name);
  // `hardhat test` exports its own global options (HARDHAT_CONFIG, HARDHAT_COVERAGE, …) to the
  // environment; a command typed at a terminal has none of them.
  for (const name of Object.keys(env)) if (name.startsWith("HARDHAT_")) Reflect.deleteProperty(env, name);
  return { ...env, ...extra };
}
