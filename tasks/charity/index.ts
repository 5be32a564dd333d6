import { emptyTask } from "hardhat/config";

/** `npx hardhat charity …` */
export const charityTasks = [
  emptyTask("charity", "Charity vault: beneficiaries, campaigns, donations, disbursements and traces").build(),
];
