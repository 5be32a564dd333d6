import { BrowserProvider, type Eip1193Provider, JsonRpcProvider, Network, type Provider, type Signer } from "ethers";

import { getChainName } from "./chains.js";
import { deploymentFor, logsFromBlock } from "./deployments.js";
import type { Deployment } from "../../sdk/deployments.js";
import { BusanError } from "../../sdk/errors.js";

/** Where the portal reads the chain from when no wallet is connected. */
export const DEFAULT_RPC_URL = "http://127.0.0.1:8545";
const RPC_STORAGE_KEY = "busan.rpcUrl";
/** How long the first request to an RPC endpoint may take before it counts as down. */
const RPC_TIMEOUT_MS = 5_000;

/** A live connection to a chain: read through a provider, write through a wallet's signer. */
export interface Connection {
  readonly provider: Provider;
  readonly chainId: bigint;
  readonly chainName: string;
  readonly deployment: Deployment | undefined;
  /** Where event scans start: the suite's deployment block on this chain (0 when unknown). */
  readonly fromBlock: number;
  readonly source: "rpc" | "wallet";
  readonly rpcUrl: string | undefined;
  readonly account: string | undefined;
  /** The wallet's signer; throws a `BusanError` asking to connect a wallet in read-only mode. */
  signer(): Promise<Signer>;
}

declare global {
  interface Window {
    ethereum?: Eip1193Provider & {
      on?: (event: string, listener: (...args: unknown[]) => void) => void;
    };
  }
}

/** The RPC URL to use: `?rpc=` in the address, then the last one used, then the local node. */
export function preferredRpcUrl(): string {
  const fromQuery = new URLSearchParams(window.location.search).get("rpc");
  if (fromQuery !== null && fromQuery !== "") return fromQuery;
  return window.localStorage.getItem(RPC_STORAGE_KEY) ?? DEFAULT_RPC_URL;
}

/** Connects read-only through a JSON-RPC URL. Fails fast with a clear message when it is down. */
export async function connectRpc(url: string): Promise<Connection> {
  let chainHex: string;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(RPC_TIMEOUT_MS),
    });
    const body = (await response.json()) as { result?: unknown };
    if (typeof body.result !== "string") throw new Error("no chain id in the answer");
    chainHex = body.result;
  } catch (error) {
    throw new BusanError(`The chain's RPC endpoint ${url} is not answering; check the URL or start the node.`, {
      cause: error,
    });
  }
  window.localStorage.setItem(RPC_STORAGE_KEY, url);
  const chainId = BigInt(chainHex);
  const network = Network.from(chainId);
  const provider = new JsonRpcProvider(url, network, { staticNetwork: network });
  return {
    provider,
    chainId,
    chainName: getChainName(chainId),
    deployment: deploymentFor(chainId),
    fromBlock: logsFromBlock(chainId),
    source: "rpc",
    rpcUrl: url,
    account: undefined,
    signer: () =>
      Promise.reject(new BusanError("Connect a wallet to sign transactions; the portal is reading the chain only.")),
  };
}

/** Whether the browser has an injected EIP-1193 wallet. */
export function hasWallet(): boolean {
  return window.ethereum !== undefined;
}

/** Connects through the injected wallet, asking the user for an account. */
export async function connectWallet(): Promise<Connection> {
  const ethereum = window.ethereum;
  if (ethereum === undefined)
    throw new BusanError("No wallet was found in this browser; install one or keep reading through RPC.");
  const provider = new BrowserProvider(ethereum);
  let account: string;
  try {
    const accounts = (await ethereum.request({ method: "eth_requestAccounts", params: [] })) as unknown;
    if (!Array.isArray(accounts) || typeof accounts[0] !== "string") throw new Error("no account");
    account = accounts[0];
  } catch (error) {
    throw new BusanError("The wallet did not share an account.", { cause: error });
  }
  const chainId = (await provider.getNetwork()).chainId;
  return {
    provider,
    chainId,
    chainName: getChainName(chainId),
    deployment: deploymentFor(chainId),
    fromBlock: logsFromBlock(chainId),
    source: "wallet",
    rpcUrl: undefined,
    account,
    signer: () => provider.getSigner(account),
  };
}
