import { emptyTask, task } from "hardhat/config";

/** `npx hardhat suite …`: commands about the deployment as a whole. */
export const suiteTasks = [
  emptyTask("suite", "The Busan suite as a whole: network, account and deployed contracts").build(),
  task(["suite", "info"], "Show the network, the signing account and the suite's deployed contracts")
    .addFlag({ name: "json", description: "Print JSON instead of text" })
    .setAction(() => import("./info.js"))
    .build(),
];
