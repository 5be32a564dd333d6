import path from "node:path";

import { dataSlice, getAddress, keccak256, sha256, toUtf8Bytes } from "ethers";

import { anchorCohort, claimCertificate } from "../../sdk/academy/cohortActions.js";
import { buildCohort, parseCohortCsv } from "../../sdk/academy/cohort.js";
import { createCourse } from "../../sdk/academy/courses.js";
import type { Credential } from "../../sdk/academy/credential.js";
import { registerIssuer } from "../../sdk/academy/issuers.js";
import { revokeCertificates } from "../../sdk/academy/status.js";
import { verifyCredential } from "../../sdk/academy/verify.js";
import { writeCredentialFiles } from "../../sdk/node/academy.js";
import { chainNow, type DemoContext, expectFact, receiptOf, recordArtifact, writeArtifact } from "./context.js";

/** The cohort the academy certifies. */
export const COHORT_SIZE = 1_000;
const YEAR = 365n * 86_400n;
/** Certificates of the course are valid for three years; the course allows five. */
const CERTIFICATE_VALIDITY = 3n * YEAR;
const COURSE_MAX_VALIDITY = 5n * YEAR;
/** Where a credential's QR code points (the web portal of `npm run web`). */
const LINK_BASE = "http://127.0.0.1:5173/";
/** Revocation reason code for academic misconduct (issuer-defined). */
const REVOCATION_MISCONDUCT = 2;

/** What the academy chapter leaves for the tickets chapter. */
export interface AcademyOutcome {
  readonly courseId: bigint;
  readonly credentials: { readonly alice: Credential; readonly bob: Credential; readonly carol: Credential };
}

/** A made-up graduate address for cohort line `index` (no key: these graduates only appear in the tree). */
function cohortAddress(index: number): string {
  return getAddress(dataSlice(keccak256(toUtf8Bytes(`busan-demo-graduate-${index}`)), 12));
}

/** Chapter 2: a cohort of 1,000 graduates anchored by one Merkle root; claims, a revocation, checks. */
export async function academyChapter(context: DemoContext): Promise<AcademyOutcome> {
  const { actors, report, contracts, facts, ethers } = context;
  report.chapter("2. Academy: a cohort of 1,000 graduates");
  report.note(
    "Under its MOU, Binance backs an academy in Busan",
    "one Merkle root on chain stands for the whole cohort; names stay off chain",
  );
  const issuer = await registerIssuer(actors.operator, contracts.academy, {
    account: actors.academy.address,
    name: "Busan Blockchain Academy",
    metadataURI: "ipfs://busan-demo/academy/issuer.json",
  });
  await report.tx(
    `Busan Blockchain Academy registered as issuer ${issuer.issuerId}`,
    actors.operator.address,
    receiptOf(context, issuer.txHash),
  );
  const courseText = "Blockchain Developer Course — Busan cohort 2026";
  const course = await createCourse(actors.academy, contracts.academy, {
    metadataURI: "ipfs://busan-demo/academy/blockchain-developer-2026.json",
    metadataHash: sha256(toUtf8Bytes(courseText)),
    maxValidity: COURSE_MAX_VALIDITY,
    revocable: true,
  });
  await report.tx(
    `Course ${course.courseId} created: "${courseText}"`,
    actors.academy.address,
    receiptOf(context, course.txHash),
  );

  const named = [
    ["Alice Kim", actors.alice.address],
    ["Bob Park", actors.bob.address],
    ["Carol Lee", actors.carol.address],
  ] as const;
  const lines = ["name,address,course"];
  for (const [name, address] of named) lines.push(`${name},${address},${course.courseId}`);
  // The rest of the cohort: generated names and addresses (lines 4 to 1,000).
  for (let i = lines.length - 1; i < COHORT_SIZE; i += 1) {
    lines.push(`Graduate ${String(i + 1).padStart(4, "0")},${cohortAddress(i)},${course.courseId}`);
  }
  const csv = `${lines.join("\n")}\n`;
  await writeArtifact(context, "academy/cohort.csv", csv);
  const graduates = parseCohortCsv(csv, course.courseId);
  const validFrom = await chainNow(context);
  const cohort = buildCohort(graduates, {
    chainId: facts.chainId,
    registry: contracts.academy,
    courseId: course.courseId,
    issuer: actors.academy.address,
    validFrom,
    validUntil: validFrom + CERTIFICATE_VALIDITY,
  });
  report.note(
    `Cohort built off-chain: ${graduates.length.toLocaleString("en-US")} credentials`,
    `Merkle root ${cohort.root.slice(0, 10)}…, proofs of ${cohort.credentials[0]?.anchor.type === "cohort" ? cohort.credentials[0].anchor.proof.length : 0} hashes`,
  );
  const anchored = await anchorCohort(actors.academy, contracts.academy, cohort);
  await report.tx(
    `The academy anchored the cohort's root for ${graduates.length.toLocaleString("en-US")} graduates`,
    actors.academy.address,
    receiptOf(context, anchored.txHash),
  );
  facts.courseId = course.courseId;
  facts.cohortRoot = cohort.root;
  facts.graduates = graduates.length;

  const [alice, bob, carol, unclaimed] = cohort.credentials;
  expectFact(
    alice !== undefined && bob !== undefined && carol !== undefined && unclaimed !== undefined,
    "The cohort lost its first graduates.",
  );
  const tokens = new Map<string, bigint>();
  for (const [signer, credential] of [
    [actors.alice, alice],
    [actors.bob, bob],
    [actors.carol, carol],
  ] as const) {
    const claimed = await claimCertificate(signer, credential);
    tokens.set(signer.address, claimed.tokenId);
    await report.tx(
      `${report.who(signer.address)} claimed a soulbound certificate with the Merkle proof`,
      signer.address,
      receiptOf(context, claimed.txHash),
    );
  }
  facts.claimed = tokens.size;

  const bobToken = tokens.get(actors.bob.address) ?? 0n;
  const revoked = await revokeCertificates(actors.academy, contracts.academy, [bobToken], {
    code: REVOCATION_MISCONDUCT,
    hash: sha256(toUtf8Bytes("Plagiarism in the final project, found after graduation.")),
  });
  facts.revokedTokenIds = revoked.revoked;
  await report.tx(
    "The academy revoked Bob's certificate (plagiarism in the final project)",
    actors.academy.address,
    receiptOf(context, revoked.txHash),
  );

  // Credentials are written for the named graduates and one who has not claimed yet, not all 1,000.
  const dir = path.join(context.outDir, "academy", "credentials");
  const written: [string, Credential][] = [
    ["alice", alice],
    ["bob", bob],
    ["carol", carol],
    ["graduate-0004-unclaimed", unclaimed],
  ];
  for (const [stem, credential] of written) {
    const files = await writeCredentialFiles(dir, stem, credential, LINK_BASE);
    recordArtifact(context, files.json);
    recordArtifact(context, files.qr);
  }
  // A forgery: Alice's credential with another name, the proof left as it was.
  const forged: Credential = { ...alice, recipient: { ...alice.recipient, name: "Mallory Choi" } };
  await writeArtifact(context, "academy/credentials/forged.json", `${JSON.stringify(forged, null, 2)}\n`);
  report.note("Credentials written (JSON + QR)", "Alice, Bob, Carol, one unclaimed graduate, and a forgery");

  // An employer checks three credentials.
  for (const [who, credential] of [
    ["Alice's credential", alice],
    ["Bob's credential", bob],
    ["a forged credential (Alice's proof, another name)", forged],
    ["an unclaimed graduate's credential", unclaimed],
  ] as const) {
    const result = await verifyCredential(ethers.provider, credential);
    const failed = result.steps.find((step) => !step.ok);
    const detail =
      failed === undefined
        ? `valid — ${result.steps.map((s) => s.step).join(" → ")} all pass`
        : `REJECTED at step "${failed.step}": ${shortenHashes(failed.detail)}`;
    facts.verifications.push({ who, valid: result.valid, failedStep: failed?.step, detail });
    report.note(`An employer verifies ${who}`, detail);
  }
  const [aliceCheck, bobCheck, forgedCheck] = facts.verifications;
  expectFact(aliceCheck?.valid === true, "Alice's credential should verify.");
  expectFact(bobCheck?.failedStep === "status", "Bob's revoked credential should fail at the status step.");
  expectFact(forgedCheck?.failedStep === "leaf-hash", "The forged credential should fail at the leaf-hash step.");
  return { courseId: course.courseId, credentials: { alice, bob, carol } };
}

/** Long hashes shortened for the reader (`0x1234abcd…`); the full values are in the written files. */
function shortenHashes(text: string): string {
  return text.replace(/0x[0-9a-fA-F]{64}/g, (hash) => `${hash.slice(0, 10)}…`);
}
