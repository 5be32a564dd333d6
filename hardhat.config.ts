import { createRequire } from "node:module";

import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";

import { academyTasks } from "./tasks/academy/index.js";
import { charityTasks } from "./tasks/charity/index.js";
import { partnershipTasks } from "./tasks/partnership/index.js";
import { suiteTasks } from "./tasks/suite/index.js";
import { ticketsTasks } from "./tasks/tickets/index.js";

const require = createRequire(import.meta.url);

/**
 * The compiler is the npm `solc` package (solc-js), pinned in package.json to exactly this
 * version. Hardhat never downloads a compiler, so builds work offline and every machine
 * produces byte-identical artifacts.
 */
const SOLC_VERSION = "0.8.30";
const SOLC_PATH = require.resolve("solc/soljson.js");

/** Cancun is supported by BNB Smart Chain testnet, opBNB testnet and Sepolia alike. */
const EVM_VERSION = "cancun";

const OPTIMIZER_RUNS = 10_000;

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
  tasks: [...suiteTasks, ...partnershipTasks, ...ticketsTasks, ...charityTasks, ...academyTasks],
  paths: {
    ignition: "deploy",
  },
  solidity: {
    profiles: {
      default: {
        version: SOLC_VERSION,
        path: SOLC_PATH,
        settings: {
          evmVersion: EVM_VERSION,
          optimizer: { enabled: true, runs: OPTIMIZER_RUNS },
        },
      },
      production: {
        version: SOLC_VERSION,
        path: SOLC_PATH,
        settings: {
          evmVersion: EVM_VERSION,
          optimizer: { enabled: true, runs: OPTIMIZER_RUNS },
          metadata: { bytecodeHash: "ipfs" },
        },
      },
    },
  },
  typechain: {
    outDir: "typechain-types",
  },
  test: {
    solidity: {
      profiles: {
        // Quick feedback while developing.
        default: {
          fuzz: { runs: 256 },
          invariant: { runs: 64, depth: 32, failOnRevert: false },
        },
        // Deeper search for CI: `hardhat test --test-profile ci`.
        ci: {
          fuzz: { runs: 2_000 },
          invariant: { runs: 256, depth: 64, failOnRevert: false },
        },
      },
    },
    mocha: {
      timeout: 120_000,
    },
  },
  chainDescriptors: {
    5611: {
      name: "opBNB Testnet",
      blockExplorers: {
        etherscan: {
          name: "opBNBScan",
          url: "https://testnet.opbnbscan.com",
          apiUrl: "https://api.etherscan.io/v2/api",
        },
      },
    },
  },
  networks: {
    hardhatMainnet: {
      type: "edr-simulated",
      chainType: "l1",
    },
    localhost: {
      type: "http",
      chainType: "l1",
      url: "http://127.0.0.1:8545",
    },
    // A node started by the end-to-end tests (test/e2e), on its own port and chain id.
    e2e: {
      type: "http",
      chainType: "l1",
      url: process.env["BUSAN_E2E_RPC_URL"] ?? "http://127.0.0.1:18545",
    },
    bscTestnet: {
      type: "http",
      chainType: "l1",
      chainId: 97,
      url: configVariable("BSC_TESTNET_RPC_URL"),
      accounts: [configVariable("DEPLOYER_PRIVATE_KEY")],
    },
    opBNBTestnet: {
      type: "http",
      chainType: "l1",
      chainId: 5611,
      url: configVariable("OPBNB_TESTNET_RPC_URL"),
      accounts: [configVariable("DEPLOYER_PRIVATE_KEY")],
    },
    sepolia: {
      type: "http",
      chainType: "l1",
      chainId: 11155111,
      url: configVariable("SEPOLIA_RPC_URL"),
      accounts: [configVariable("DEPLOYER_PRIVATE_KEY")],
    },
  },
  verify: {
    etherscan: {
      apiKey: configVariable("ETHERSCAN_API_KEY"),
    },
  },
});
