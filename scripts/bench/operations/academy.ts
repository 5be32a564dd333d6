import { id, ZeroHash } from "ethers";

import { buildCohort, type Graduate } from "../../../sdk/academy/cohort.js";
import { type LeafValues, nameCommitment } from "../../../sdk/academy/leaf.js";
import { buildCohortTree } from "../../../sdk/academy/tree.js";
import { AcademyCertificates__factory } from "../../../typechain-types/index.js";
import { type BenchContext, gasOf, type Measurement } from "../types.js";

const CLAIM_COHORT_SIZE = 1_024;
const LARGE_COHORT_SIZE = 100_000;
const SMALL_COHORT_SIZE = 10;
const YEAR = 365n * 24n * 3600n;
const VALID_FROM = 1_767_225_600n; // 2026-01-01T00:00:00Z

/** Distinct valid addresses, cheap to make in bulk. */
function addressAt(i: number): string {
  return `0x${(i + 0x1000).toString(16).padStart(40, "0")}`;
}

/** The real root of an n-leaf cohort tree (leaf values only; credentials are not needed to anchor). */
function cohortRoot(n: number, chainId: bigint, registry: string, courseId: bigint): string {
  const values: LeafValues[] = [];
  for (let i = 0; i < n; i += 1) {
    values.push([chainId, registry, courseId, addressAt(i), nameCommitment(`Graduate ${i}`, ZeroHash), 0n, 0n]);
  }
  return buildCohortTree(values).root;
}

/** Academy: anchoring cohort roots, direct issue, claim with proof, revoke. */
export async function measure({ ethers }: BenchContext): Promise<Measurement[]> {
  const [admin, issuer, graduate] = await ethers.getSigners();
  if (admin === undefined || issuer === undefined || graduate === undefined) {
    throw new Error("The benchmark needs three accounts.");
  }
  const deployed = await ethers.deployContract("AcademyCertificates", [admin.address]);
  const academy = AcademyCertificates__factory.connect(await deployed.getAddress(), admin);
  const registry = await academy.getAddress();
  const { chainId } = await ethers.provider.getNetwork();
  await (await academy.registerIssuer(issuer.address, "Busan Blockchain Academy", "ipfs://issuer")).wait();
  const asIssuer = academy.connect(issuer);
  await (await asIssuer.createCourse("ipfs://course", ZeroHash, 0, true)).wait();
  const courseId = 1n;
  const measurements: Measurement[] = [];

  const small = cohortRoot(SMALL_COHORT_SIZE, chainId, registry, courseId);
  measurements.push({
    operation: "academy: anchor cohort root (10 graduates)",
    gas: await gasOf(await asIssuer.anchorCohort(small, courseId, SMALL_COHORT_SIZE)),
    items: 1,
  });
  const large = cohortRoot(LARGE_COHORT_SIZE, chainId, registry, courseId);
  measurements.push({
    operation: "academy: anchor cohort root (100,000 graduates)",
    gas: await gasOf(await asIssuer.anchorCohort(large, courseId, LARGE_COHORT_SIZE)),
    items: 1,
  });

  // Fixed validity (not the block time) keeps every leaf, proof and so every figure reproducible.
  const validFrom = VALID_FROM;
  const direct = {
    courseId,
    recipient: addressAt(LARGE_COHORT_SIZE + 1),
    nameCommitment: nameCommitment("Direct Graduate", ZeroHash),
    validFrom,
    validUntil: validFrom + YEAR,
  };
  const issueTx = await asIssuer.issue(direct);
  measurements.push({ operation: "academy: direct issue", gas: await gasOf(issueTx), items: 1 });

  const graduates: Graduate[] = [];
  for (let i = 0; i < CLAIM_COHORT_SIZE; i += 1) {
    graduates.push({ name: `Claimer ${i}`, address: i === 0 ? graduate.address : addressAt(i), courseId });
  }
  const cohort = buildCohort(graduates, {
    chainId,
    registry,
    courseId,
    issuer: issuer.address,
    validFrom,
    validUntil: validFrom + YEAR,
    // Fixed salts keep the proof bytes, and so the calldata gas, the same on every run.
    salt: (i) => id(`bench salt ${i}`),
  });
  await (await asIssuer.anchorCohort(cohort.root, courseId, CLAIM_COHORT_SIZE)).wait();
  const credential = cohort.credentials[0];
  if (credential?.anchor.type !== "cohort") throw new Error("The claim cohort has no credential.");
  const fields = {
    courseId,
    recipient: graduate.address,
    nameCommitment: nameCommitment(credential.recipient.name, credential.recipient.salt),
    validFrom,
    validUntil: validFrom + YEAR,
  };
  measurements.push({
    operation: "academy: claim with proof (1,024-graduate cohort)",
    gas: await gasOf(await academy.connect(graduate).claim(cohort.root, fields, credential.anchor.proof)),
    items: 1,
  });

  const issuedId = await academy.tokenIdOf(await academy.leafOf(direct), courseId);
  measurements.push({
    operation: "academy: revoke",
    gas: await gasOf(await asIssuer.revoke([issuedId], 1, ZeroHash)),
    items: 1,
  });
  return measurements;
}
