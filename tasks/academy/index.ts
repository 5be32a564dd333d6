import { emptyTask } from "hardhat/config";

/** `npx hardhat academy …` */
export const academyTasks = [
  emptyTask("academy", "Academy certificates: issuers, courses, cohorts, claims and verification").build(),
];
