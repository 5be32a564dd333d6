import { emptyTask } from "hardhat/config";

/** `npx hardhat partnership …` */
export const partnershipTasks = [
  emptyTask("partnership", "Partnership registry: organisations, MOUs, signatures and commitments").build(),
];
