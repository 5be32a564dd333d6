import { emptyTask, task } from "hardhat/config";

/** `npx hardhat suite …`: commands about the deployment as a whole. */
export const suiteTasks = [
  emptyTask("suite", "The Busan suite as a whole: network, account and deployed contracts").build(),
  task(["suite", "info"], "Show the network, the signing account and the suite's deployed contracts")
    .addFlag({ name: "json", description: "Print JSON instead of text" })
    .setAction(() => import("./info.js"))
    .build(),
  task(["suite", "roles"], "Show which roles an account holds in each of the suite's contracts")
    .addOption({
      name: "account",
      description: "The account to check (default: the signing account)",
      defaultValue: "",
    })
    .setAction(() => import("./roles.js"))
    .build(),
  task(["suite", "deploy"], "Deploy the whole suite with Ignition, using deploy/parameters/<network>.json")
    .addOption({
      name: "parameters",
      description: "Parameters file (default: deploy/parameters/<network>.json)",
      defaultValue: "",
    })
    .addFlag({ name: "verify", description: "Verify the contracts on the network's block explorer" })
    .addFlag({ name: "reset", description: "Discard the recorded deployment on this chain and start again" })
    .setAction(() => import("./deploy.js"))
    .build(),
];
