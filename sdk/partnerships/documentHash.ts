import { sha256 } from "ethers";

/**
 * SHA-256 of a document's bytes as a 0x-prefixed hex string: the same digits `sha256sum` prints.
 * Browser-safe; to hash a file on disk use `hashAgreementDocumentFile` from `sdk/node/partnerships.ts`.
 */
export function hashAgreementDocument(bytes: Uint8Array): string {
  return sha256(bytes);
}

/** The `sha256sum` form of a document hash (64 hex digits, no 0x). */
export function documentHashToSha256sum(hash: string): string {
  return hash.replace(/^0x/, "").toLowerCase();
}
