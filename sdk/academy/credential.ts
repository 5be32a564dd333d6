import { getAddress, isAddress } from "ethers";
import { z } from "zod";

import { InvalidInputError } from "../errors.js";
import { type CertificateFields, nameCommitment } from "./leaf.js";

/** The version tag of the credential format this SDK writes and reads. */
export const CREDENTIAL_VERSION = "busan-academy-credential/1";

/** Longest accepted Merkle proof (a tree of 2^32 leaves). */
export const MAX_PROOF_LENGTH = 32;

const bytes32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/, "must be 32 bytes of hex (0x + 64 digits)");
const address = z
  .string()
  .refine((value) => isAddress(value), "must be an address")
  .transform((value) => getAddress(value));
const uintString = (max: bigint, what: string) =>
  z
    .string()
    .regex(/^(0|[1-9]\d*)$/, `${what} must be a whole number written in decimal`)
    .refine((value) => BigInt(value) <= max, `${what} is too large`);
const UINT40_MAX = (1n << 40n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;
const UINT256_MAX = (1n << 256n) - 1n;

/** The zod schema of a credential (`docs/academy.md` describes every field). */
export const credentialSchema = z
  .object({
    version: z.literal(CREDENTIAL_VERSION),
    chainId: uintString(UINT64_MAX, "chainId").refine((v) => v !== "0", "chainId must not be 0"),
    registry: address,
    issuer: address,
    courseId: uintString(UINT64_MAX, "courseId").refine((v) => v !== "0", "courseId must not be 0"),
    recipient: z
      .object({
        name: z.string().min(1, "the name must not be empty").max(200, "the name is too long"),
        salt: bytes32,
        address,
      })
      .strict(),
    validFrom: uintString(UINT40_MAX, "validFrom"),
    validUntil: uintString(UINT40_MAX, "validUntil"),
    leaf: bytes32,
    tokenId: uintString(UINT256_MAX, "tokenId"),
    anchor: z.discriminatedUnion("type", [
      z.object({ type: z.literal("cohort"), root: bytes32, proof: z.array(bytes32).max(MAX_PROOF_LENGTH) }).strict(),
      z.object({ type: z.literal("token") }).strict(),
    ]),
  })
  .strict();

/** A certificate credential: everything needed to verify it against the chain. */
export type Credential = z.infer<typeof credentialSchema>;

/** Validates untrusted JSON as a credential, naming the first problem. */
export function parseCredential(json: unknown): Credential {
  const parsed = credentialSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
    throw new InvalidInputError(`The credential is invalid${where}: ${issue?.message ?? "unknown problem"}.`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** The leaf fields a credential claims. */
export function credentialFields(credential: Credential): CertificateFields {
  return {
    chainId: BigInt(credential.chainId),
    registry: credential.registry,
    courseId: BigInt(credential.courseId),
    recipient: credential.recipient.address,
    nameCommitment: nameCommitment(credential.recipient.name, credential.recipient.salt),
    validFrom: BigInt(credential.validFrom),
    validUntil: BigInt(credential.validUntil),
  };
}
