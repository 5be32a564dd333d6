import { getBytes, hexlify, keccak256 } from "ethers";

import { InvalidInputError } from "../errors.js";
import { fastLeafHash, type LeafValues } from "./leaf.js";

/** A cohort tree: the root, each value's leaf hash and the proof of each value. */
export interface CohortTree {
  readonly root: string;
  /** Leaf hash of each value, in input order. */
  readonly leaves: readonly string[];
  /** The Merkle proof of the value at an input index (sibling hashes, leaf to root). */
  proof(index: number): string[];
}

const NODE_BYTES = 32;

/**
 * Builds the same tree as `StandardMerkleTree.of(values, LEAF_ENCODING)` of
 * `@openzeppelin/merkle-tree` — double-hashed leaves sorted by hash, the library's array layout,
 * sorted-pair node hashing — so roots and proofs are identical (test/academy/sdk.test.ts checks it
 * against the library). It works on bytes instead of re-parsing hex on every comparison and node,
 * which keeps a 100,000-graduate cohort within seconds rather than most of a minute.
 */
export function buildCohortTree(values: readonly LeafValues[]): CohortTree {
  const count = values.length;
  if (count === 0) throw new InvalidInputError("A cohort tree needs at least one leaf.");
  const leaves = values.map(fastLeafHash);
  // Sort value indices by leaf hash: lowercase hex of equal length compares like the bytes.
  const order = leaves.map((_, index) => index);
  order.sort((a, b) => {
    const left = leaves[a] ?? "";
    const right = leaves[b] ?? "";
    return left < right ? -1 : left > right ? 1 : 0;
  });
  const size = 2 * count - 1;
  const nodes: Uint8Array[] = new Array<Uint8Array>(size);
  const treeIndexOf = new Int32Array(count);
  order.forEach((valueIndex, position) => {
    const treeIndex = size - 1 - position;
    nodes[treeIndex] = getBytes(leaves[valueIndex] ?? "");
    treeIndexOf[valueIndex] = treeIndex;
  });
  const pair = new Uint8Array(2 * NODE_BYTES);
  for (let i = size - 1 - count; i >= 0; i -= 1) {
    const left = nodes[2 * i + 1];
    const right = nodes[2 * i + 2];
    if (left === undefined || right === undefined) throw new InvalidInputError("The cohort tree is incomplete.");
    const leftFirst = compareBytes(left, right) <= 0;
    pair.set(leftFirst ? left : right, 0);
    pair.set(leftFirst ? right : left, NODE_BYTES);
    nodes[i] = getBytes(keccak256(pair));
  }
  const hexCache = new Map<number, string>();
  const hexAt = (index: number): string => {
    let hex = hexCache.get(index);
    if (hex === undefined) {
      const node = nodes[index];
      if (node === undefined) throw new InvalidInputError("The cohort tree is incomplete.");
      hex = hexlify(node);
      hexCache.set(index, hex);
    }
    return hex;
  };
  return {
    root: hexAt(0),
    leaves,
    proof(index: number): string[] {
      const start = treeIndexOf[index];
      if (start === undefined || index < 0 || index >= count) {
        throw new InvalidInputError(`There is no leaf number ${index} in the cohort.`);
      }
      const proof: string[] = [];
      let i = start;
      while (i > 0) {
        proof.push(hexAt(i % 2 === 1 ? i + 1 : i - 1));
        i = Math.floor((i - 1) / 2);
      }
      return proof;
    },
  };
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < NODE_BYTES; i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
