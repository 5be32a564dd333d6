import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { listCourses } from "../../sdk/academy/courses.js";
import { cliAction } from "../common/action.js";
import { connectSuite } from "../common/connect.js";
import { registryAddress } from "./shared.js";

interface Args {
  readonly address: string;
  readonly json: boolean;
}

/** `npx hardhat academy course list` */
export default cliAction(async (args: Args, hre: HardhatRuntimeEnvironment) => {
  const suite = await connectSuite(hre);
  const courses = await listCourses(suite.ethers.provider, await registryAddress(suite, args.address));
  if (args.json) {
    console.log(JSON.stringify(courses, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2));
    return;
  }
  if (courses.length === 0) console.log("No courses exist.");
  for (const course of courses) {
    const maxDays = course.maxValidity === 0n ? "no maximum" : `at most ${course.maxValidity / 86_400n} days`;
    const revocable = course.revocable ? "revocable" : "irrevocable";
    console.log(`${course.courseId}  issuer ${course.issuerId}  ${maxDays}  ${revocable}  ${course.metadataURI}`);
  }
});
