import { emptyTask } from "hardhat/config";

/** `npx hardhat tickets …` */
export const ticketsTasks = [
  emptyTask("tickets", "Blockchain Week tickets: tiers, sales, passes, check-in, refunds and resale").build(),
];
