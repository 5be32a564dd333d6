import { parse } from "csv-parse/sync";
import { getAddress, isAddress } from "ethers";

import { InvalidInputError } from "../errors.js";
import { CREDENTIAL_VERSION, type Credential } from "./credential.js";
import { type LeafValues, nameCommitment, randomSalt, certificateTokenId } from "./leaf.js";
import { buildCohortTree } from "./tree.js";

/** Most graduates one cohort may hold; a proof then has at most 20 hashes. */
export const MAX_COHORT_SIZE = 1_000_000;
/** Longest accepted graduate name, in characters. */
export const MAX_NAME_LENGTH = 200;

/** One graduate of a cohort. */
export interface Graduate {
  readonly name: string;
  readonly address: string;
  readonly courseId: bigint;
  /** 1-based line in the CSV file, for error messages. */
  readonly line?: number;
}

/** A problem with one CSV row. */
export interface CohortRowProblem {
  readonly line: number;
  readonly message: string;
}

/** Thrown when a cohort CSV has bad rows; `problems` names every one with its line number. */
export class CohortCsvError extends InvalidInputError {
  override name = "CohortCsvError";
  readonly problems: readonly CohortRowProblem[];
  constructor(problems: readonly CohortRowProblem[]) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more bad rows)` : "";
    super(`The cohort CSV has bad rows: line ${first?.line ?? 0}: ${first?.message ?? "invalid"}${more}.`, {
      details: problems.map((p) => `line ${p.line}: ${p.message}`).join("\n"),
    });
    this.problems = problems;
  }
}

/**
 * Parses a cohort CSV with the header `name,address,course` (any column order, extra columns
 * ignored). Every row is validated; all bad rows are reported together with their line numbers.
 * Duplicate addresses are rejected (a holder has one certificate per course).
 * `expectedCourseId`, when given, must be the course of every row.
 */
export function parseCohortCsv(text: string, expectedCourseId?: bigint): Graduate[] {
  let records: { record: Record<string, string>; line: number }[];
  try {
    const parsed: unknown = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    });
    const rows = parsed as { record: Record<string, string>; info: { lines: number } }[];
    records = rows.map((row) => ({ record: row.record, line: row.info.lines }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError(`The cohort CSV cannot be parsed: ${message}.`, { cause: error });
  }
  const problems: CohortRowProblem[] = [];
  const graduates: Graduate[] = [];
  const seen = new Map<string, number>();
  for (const { record, line } of records) {
    const name = record["name"];
    const address = record["address"];
    const course = record["course"];
    if (name === undefined || address === undefined || course === undefined) {
      throw new InvalidInputError("The cohort CSV must have the columns name, address and course.");
    }
    const rowProblems: string[] = [];
    const shownAddress: string = address;
    if (name.length === 0) rowProblems.push("the name is empty");
    else if (name.length > MAX_NAME_LENGTH) rowProblems.push(`the name is longer than ${MAX_NAME_LENGTH} characters`);
    if (!isAddress(address)) rowProblems.push(`"${shownAddress}" is not an address`);
    let courseId: bigint | undefined;
    if (!/^[1-9]\d{0,18}$/.test(course)) rowProblems.push(`"${course}" is not a course id`);
    else {
      courseId = BigInt(course);
      if (expectedCourseId !== undefined && courseId !== expectedCourseId) {
        rowProblems.push(`course ${courseId} is not the cohort's course ${expectedCourseId}`);
      }
    }
    if (isAddress(address)) {
      const key = getAddress(address);
      const earlier = seen.get(key);
      if (earlier !== undefined) rowProblems.push(`the address ${key} is already on line ${earlier}`);
      else seen.set(key, line);
    }
    if (rowProblems.length > 0 || courseId === undefined) {
      problems.push({ line, message: rowProblems.join("; ") });
      continue;
    }
    graduates.push({ name, address: getAddress(address), courseId, line });
  }
  if (problems.length > 0) throw new CohortCsvError(problems);
  if (graduates.length === 0) throw new InvalidInputError("The cohort CSV has no graduates.");
  return graduates;
}

/** Where and how a cohort is certified. */
export interface CohortOptions {
  readonly chainId: bigint;
  readonly registry: string;
  readonly courseId: bigint;
  /** The issuer's acting account, recorded in each credential. */
  readonly issuer: string;
  readonly validFrom: bigint;
  /** 0 = does not expire. */
  readonly validUntil: bigint;
  /** Salt source (default: 32 random bytes per graduate); tests inject a deterministic one. */
  readonly salt?: (index: number) => string;
  /** Called every `progressEvery` credentials with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly progressEvery?: number;
}

/** A built cohort: the root to anchor and one credential per graduate, in input order. */
export interface Cohort {
  readonly root: string;
  readonly courseId: bigint;
  readonly credentials: Credential[];
}

const DEFAULT_PROGRESS_EVERY = 10_000;

/**
 * Builds a cohort: a salted name commitment per graduate, the StandardMerkleTree-compatible tree of
 * their leaves (`buildCohortTree`),
 * and a credential per graduate with its proof (taken by tree index, in O(log n) each).
 */
export function buildCohort(graduates: readonly Graduate[], options: CohortOptions): Cohort {
  if (graduates.length === 0) throw new InvalidInputError("A cohort needs at least one graduate.");
  if (graduates.length > MAX_COHORT_SIZE) {
    throw new InvalidInputError(`A cohort holds at most ${MAX_COHORT_SIZE} graduates, not ${graduates.length}.`);
  }
  if (options.validUntil !== 0n && options.validUntil <= options.validFrom) {
    throw new InvalidInputError("The end of validity must be after its start.");
  }
  const registry = getAddress(options.registry);
  const issuer = getAddress(options.issuer);
  const salts: string[] = [];
  const values: LeafValues[] = graduates.map((graduate, index) => {
    if (graduate.courseId !== options.courseId) {
      throw new InvalidInputError(
        `Graduate ${index + 1} (${graduate.address}) is of course ${graduate.courseId}, not ${options.courseId}.`,
      );
    }
    const salt = options.salt?.(index) ?? randomSalt();
    salts.push(salt);
    return [
      options.chainId,
      registry,
      options.courseId,
      getAddress(graduate.address),
      nameCommitment(graduate.name, salt),
      options.validFrom,
      options.validUntil,
    ];
  });
  const tree = buildCohortTree(values);
  const every = options.progressEvery ?? DEFAULT_PROGRESS_EVERY;
  const credentials: Credential[] = graduates.map((graduate, index) => {
    const salt = salts[index];
    const leaf = tree.leaves[index];
    if (leaf === undefined || salt === undefined) throw new InvalidInputError("The cohort tree is incomplete.");
    const credential: Credential = {
      version: CREDENTIAL_VERSION,
      chainId: options.chainId.toString(),
      registry,
      issuer,
      courseId: options.courseId.toString(),
      recipient: { name: graduate.name, salt, address: getAddress(graduate.address) },
      validFrom: options.validFrom.toString(),
      validUntil: options.validUntil.toString(),
      leaf,
      tokenId: certificateTokenId(leaf, options.courseId).toString(),
      anchor: { type: "cohort", root: tree.root, proof: tree.proof(index) },
    };
    if (options.onProgress !== undefined && ((index + 1) % every === 0 || index + 1 === graduates.length)) {
      options.onProgress(index + 1, graduates.length);
    }
    return credential;
  });
  return { root: tree.root, courseId: options.courseId, credentials };
}
