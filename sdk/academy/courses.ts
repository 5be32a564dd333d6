import type { Provider, Signer } from "ethers";

import { academyContract } from "./abi.js";
import { academyEvent, sendAcademyTx } from "./transaction.js";

/** A course. */
export interface CourseInfo {
  readonly courseId: bigint;
  readonly issuerId: bigint;
  readonly metadataURI: string;
  readonly metadataHash: string;
  /** Seconds; 0 = no maximum. */
  readonly maxValidity: bigint;
  readonly revocable: boolean;
}

/** Creates a course of the signer's issuer. */
export async function createCourse(
  signer: Signer,
  registry: string,
  course: { metadataURI: string; metadataHash: string; maxValidity: bigint; revocable: boolean },
): Promise<{ courseId: bigint; txHash: string }> {
  const academy = academyContract(registry, signer);
  const tx = await sendAcademyTx(registry, () =>
    academy.getFunction("createCourse")(course.metadataURI, course.metadataHash, course.maxValidity, course.revocable),
  );
  return { courseId: academyEvent(tx, "CourseCreated").args[0] as bigint, txHash: tx.hash };
}

/** One course (two calls, in parallel). */
export async function getCourse(provider: Provider, registry: string, courseId: bigint): Promise<CourseInfo> {
  const academy = academyContract(registry, provider);
  const [record, uri] = await Promise.all([
    academy.getFunction("course")(courseId) as Promise<{
      issuerId: bigint;
      maxValidity: bigint;
      revocable: boolean;
      metadataHash: string;
    }>,
    academy.getFunction("courseMetadataURI")(courseId) as Promise<string>,
  ]);
  return {
    courseId,
    issuerId: record.issuerId,
    metadataURI: uri,
    metadataHash: record.metadataHash,
    maxValidity: record.maxValidity,
    revocable: record.revocable,
  };
}

/** Every course (ids run from 1). */
export async function listCourses(provider: Provider, registry: string): Promise<CourseInfo[]> {
  const count = (await academyContract(registry, provider).getFunction("courseCount")()) as bigint;
  const courses: CourseInfo[] = [];
  for (let id = 1n; id <= count; id += 1n) courses.push(await getCourse(provider, registry, id));
  return courses;
}
