import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { concat, getAddress, getBytes, hexlify, keccak256, randomBytes, toUtf8Bytes } from "ethers";

import { InvalidInputError } from "../errors.js";

/**
 * The ABI types of a certificate leaf, in order, as `@openzeppelin/merkle-tree`'s
 * StandardMerkleTree encodes them: `keccak256(keccak256(abi.encode(...values)))`. The contract's
 * `leafOf` computes the same value with `block.chainid` and its own address.
 */
export const LEAF_ENCODING = ["uint256", "address", "uint64", "address", "bytes32", "uint40", "uint40"] as const;

/** The fields of a certificate that the leaf commits to. */
export interface CertificateFields {
  readonly chainId: bigint;
  /** The AcademyCertificates contract. */
  readonly registry: string;
  readonly courseId: bigint;
  /** The graduate's wallet. */
  readonly recipient: string;
  /** `keccak256(salt ‖ utf8(NFC(name)))`. */
  readonly nameCommitment: string;
  /** Unix seconds. */
  readonly validFrom: bigint;
  /** Unix seconds, exclusive; 0 = does not expire. */
  readonly validUntil: bigint;
}

/** The leaf values in `LEAF_ENCODING` order, for StandardMerkleTree. */
export type LeafValues = [bigint, string, bigint, string, string, bigint, bigint];

/** The low 64 bits of a token id carry the course id. */
const COURSE_ID_BITS = 64n;
const COURSE_ID_MASK = (1n << COURSE_ID_BITS) - 1n;

/** The leaf values of certificate fields, in `LEAF_ENCODING` order. */
export function leafValues(fields: CertificateFields): LeafValues {
  return [
    fields.chainId,
    getAddress(fields.registry),
    fields.courseId,
    getAddress(fields.recipient),
    fields.nameCommitment,
    fields.validFrom,
    fields.validUntil,
  ];
}

/** The double-hashed StandardMerkleTree leaf of certificate fields. */
export function certificateLeaf(fields: CertificateFields): string {
  return leafHashOf(leafValues(fields));
}

/** The StandardMerkleTree leaf hash of leaf values (double keccak of the ABI encoding). */
export function leafHashOf(values: LeafValues): string {
  // A one-leaf tree's root is its leaf hash: the library's own leaf hashing, no re-implementation.
  return StandardMerkleTree.of([values], [...LEAF_ENCODING]).root;
}

/** The token id a leaf becomes: the leaf's high 192 bits followed by the 64-bit course id. */
export function certificateTokenId(leaf: string, courseId: bigint): bigint {
  return (BigInt(leaf) & ~COURSE_ID_MASK) | (courseId & COURSE_ID_MASK);
}

/** The course id carried in a token id. */
export function courseIdOfToken(tokenId: bigint): bigint {
  return tokenId & COURSE_ID_MASK;
}

/** A fresh random 32-byte salt, hex. */
export function randomSalt(): string {
  return hexlify(randomBytes(32));
}

/** The salted commitment to a graduate's name: `keccak256(salt ‖ utf8(NFC(name)))`. */
export function nameCommitment(name: string, salt: string): string {
  return keccak256(concat([salt, toUtf8Bytes(name.normalize("NFC"))]));
}

const UINT_BITS: Readonly<Record<string, bigint>> = { uint256: 256n, uint64: 64n, uint40: 40n };

/**
 * The ABI encoding of leaf values (`abi.encode` of the seven static words in `LEAF_ENCODING`),
 * written directly as hex: every field is one 32-byte word, so no general ABI coder is needed.
 * Identical to `AbiCoder.encode(LEAF_ENCODING, values)`; the tests check that.
 */
export function encodeLeafValues(values: LeafValues): string {
  let hex = "0x";
  LEAF_ENCODING.forEach((type, index) => {
    const value = values[index];
    if (type === "address" || type === "bytes32") {
      const text = typeof value === "string" ? value : "";
      const width = type === "address" ? 40 : 64;
      if (!new RegExp(`^0x[0-9a-fA-F]{${width}}$`).test(text)) {
        throw new InvalidInputError(`Leaf field ${index} must be a ${type}, not "${String(value)}".`);
      }
      hex += text.slice(2).toLowerCase().padStart(64, "0");
      return;
    }
    const bits = UINT_BITS[type] ?? 256n;
    if (typeof value !== "bigint" || value < 0n || value >> bits !== 0n) {
      throw new InvalidInputError(`Leaf field ${index} must be a ${type}, not ${String(value)}.`);
    }
    hex += value.toString(16).padStart(64, "0");
  });
  return hex;
}

/** The double-hashed leaf of leaf values, computed without the general ABI coder. */
export function fastLeafHash(values: LeafValues): string {
  return keccak256(getBytes(keccak256(encodeLeafValues(values))));
}
