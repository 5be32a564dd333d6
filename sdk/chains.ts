import { InvalidInputError } from "./errors.js";

/** A chain the suite is deployed to or tested on. */
export interface ChainInfo {
  readonly chainId: bigint;
  readonly name: string;
  /** Hardhat network name in hardhat.config.ts. */
  readonly network: string;
  readonly nativeSymbol: string;
  /** Block explorer base URL, when the chain has a public one. */
  readonly explorer: string | undefined;
}

/** The chains the suite supports, by chain id. */
export const CHAINS: ReadonlyMap<bigint, ChainInfo> = new Map(
  (
    [
      { chainId: 31337n, name: "Hardhat local chain", network: "localhost", nativeSymbol: "ETH", explorer: undefined },
      {
        chainId: 97n,
        name: "BNB Smart Chain testnet",
        network: "bscTestnet",
        nativeSymbol: "tBNB",
        explorer: "https://testnet.bscscan.com",
      },
      {
        chainId: 5611n,
        name: "opBNB testnet",
        network: "opBNBTestnet",
        nativeSymbol: "tBNB",
        explorer: "https://testnet.opbnbscan.com",
      },
      {
        chainId: 11155111n,
        name: "Sepolia",
        network: "sepolia",
        nativeSymbol: "SepoliaETH",
        explorer: "https://sepolia.etherscan.io",
      },
    ] satisfies ChainInfo[]
  ).map((chain) => [chain.chainId, chain]),
);

/** The chain with this id; throws an `InvalidInputError` naming the supported ones otherwise. */
export function getChain(chainId: bigint | number): ChainInfo {
  const id = BigInt(chainId);
  const chain = CHAINS.get(id);
  if (chain === undefined) {
    const known = [...CHAINS.values()].map((c) => `${c.chainId} (${c.name})`).join(", ");
    throw new InvalidInputError(`Chain id ${id} is not supported; supported chains are ${known}.`);
  }
  return chain;
}

/** A link to a transaction on the chain's explorer, or `undefined` for a local chain. */
export function explorerTxUrl(chainId: bigint | number, txHash: string): string | undefined {
  const explorer = CHAINS.get(BigInt(chainId))?.explorer;
  return explorer === undefined ? undefined : `${explorer}/tx/${txHash}`;
}
