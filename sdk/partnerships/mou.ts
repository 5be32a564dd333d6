import { sha256, toUtf8Bytes } from "ethers";
import { z } from "zod";

import { InvalidInputError } from "../errors.js";
import { COMMITMENT_CATEGORIES, type AgreementCommitmentInput, type AgreementTermsInput } from "./typedData.js";

/** The `format` tag of an MOU file. */
export const MOU_FORMAT = "busan-mou/1";

/** Seconds in a day, for `noticePeriodDays`. */
const SECONDS_PER_DAY = 86_400n;

const hash32 = z
  .string()
  .regex(/^(0x)?[0-9a-fA-F]{64}$/, "must be a 32-byte hex hash (64 hex digits, as printed by sha256sum)")
  .transform((value) => (value.startsWith("0x") ? value : `0x${value}`).toLowerCase());

/** A date as ISO 8601 text ("2026-03-01" or "2026-03-01T09:00:00Z") or unix seconds. */
const date = z.union([
  z.number().int("must be whole unix seconds").nonnegative(),
  z.string().refine((text) => /^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(Date.parse(text)), {
    message: 'must be an ISO 8601 date such as "2026-03-01" or "2026-03-01T09:00:00Z"',
  }),
]);

const commitmentSchema = z
  .object({
    party: z.number().int().positive().describe("organisation id of the responsible party"),
    category: z.enum(COMMITMENT_CATEGORIES),
    due: date,
    description: z.string().min(1, "must not be empty").optional(),
    descriptionHash: hash32.optional(),
    descriptionURI: z.string().default(""),
  })
  .strict()
  .refine((c) => (c.description === undefined) !== (c.descriptionHash === undefined), {
    message: "needs exactly one of description (text, hashed with SHA-256) or descriptionHash",
  });

/** The zod schema of an MOU file (format `busan-mou/1`), documented in docs/partnerships.md. */
export const mouSchema = z
  .object({
    format: z.literal(MOU_FORMAT),
    title: z.string().min(1, "must not be empty"),
    parties: z
      .array(z.number().int().positive())
      .min(2, "needs at least two parties")
      .max(8, "allows at most 8 parties"),
    document: z
      .object({
        sha256: hash32.optional(),
        file: z.string().min(1).optional(),
        uri: z.string().default(""),
      })
      .strict()
      .refine((d) => d.sha256 !== undefined || d.file !== undefined, {
        message: "needs sha256 (the document's hash) or file (a path to hash)",
      }),
    effectiveAt: date,
    expiresAt: date.nullable().default(null),
    signingDeadline: date,
    noticePeriodDays: z.number().int().nonnegative().max(730),
    commitments: z.array(commitmentSchema).max(64, "allows at most 64 commitments").default([]),
  })
  .strict();

export type MouFile = z.infer<typeof mouSchema>;

/** Unix seconds of a date from an MOU file. */
export function mouDateToUnixSeconds(value: number | string): bigint {
  if (typeof value === "number") return BigInt(value);
  return BigInt(Math.floor(Date.parse(value) / 1000));
}

/** Validates parsed JSON as an MOU file; the error names the first problem and where it is. */
export function parseMou(json: unknown, source = "MOU file"): MouFile {
  const parsed = mouSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
    throw new InvalidInputError(`The ${source} is invalid${where}: ${issue?.message ?? "unknown problem"}.`, {
      cause: parsed.error,
    });
  }
  const mou = parsed.data;
  const seen = new Set<number>();
  for (const party of mou.parties) {
    if (seen.has(party)) throw new InvalidInputError(`The ${source} lists organisation ${party} twice.`);
    seen.add(party);
  }
  mou.commitments.forEach((c, i) => {
    if (!seen.has(c.party)) {
      throw new InvalidInputError(
        `The ${source} is invalid at commitments.${i}.party: organisation ${c.party} is not one of the parties.`,
      );
    }
  });
  return mou;
}

/** SHA-256 of a commitment's description text (UTF-8), as stored in its description hash. */
export function hashCommitmentDescription(text: string): string {
  return sha256(toUtf8Bytes(text));
}

/**
 * The contract's terms for an MOU file. `documentHash` is the document's SHA-256; pass it when the
 * file names a `document.file` (hash it with `hashAgreementDocumentFile` from `sdk/node/partnerships.ts`).
 */
export function mouToTerms(mou: MouFile, documentHash?: string): AgreementTermsInput {
  const hash = documentHash ?? mou.document.sha256;
  if (hash === undefined) {
    throw new InvalidInputError("The MOU names a document file; hash it first and pass the hash.");
  }
  const commitments: AgreementCommitmentInput[] = mou.commitments.map((c) => ({
    responsibleParty: mou.parties.indexOf(c.party),
    category: COMMITMENT_CATEGORIES.indexOf(c.category),
    dueDate: mouDateToUnixSeconds(c.due),
    descriptionHash: c.descriptionHash ?? hashCommitmentDescription(c.description ?? ""),
    descriptionURI: c.descriptionURI,
  }));
  return {
    documentHash: hash,
    documentURI: mou.document.uri,
    effectiveAt: mouDateToUnixSeconds(mou.effectiveAt),
    expiresAt: mou.expiresAt === null ? 0n : mouDateToUnixSeconds(mou.expiresAt),
    signingDeadline: mouDateToUnixSeconds(mou.signingDeadline),
    noticePeriod: BigInt(mou.noticePeriodDays) * SECONDS_PER_DAY,
    commitments,
  };
}
