import { emptyTask, task } from "hardhat/config";

const ADDRESS = {
  name: "address",
  description: "Registry address (default: from the deployment)",
  defaultValue: "",
} as const;
const FROM = {
  name: "from",
  description: "Account to act as: address or index (default: the first)",
  defaultValue: "",
} as const;
const ID = { name: "id", description: "Agreement id", defaultValue: "" } as const;
const PARTY = {
  name: "party",
  description: "Party index to act for (default: the first party the account signs for)",
  defaultValue: "",
} as const;

/** `npx hardhat partnership …` */
export const partnershipTasks = [
  emptyTask("partnership", "Partnership registry: organisations, MOUs, signatures and commitments").build(),
  emptyTask(["partnership", "org"], "Organisations and their signers").build(),
  task(["partnership", "org", "add"], "Register an organisation (registrar)")
    .addOption({ name: "name", description: "Display name", defaultValue: "" })
    .addOption({ name: "kind", description: "city, exchange, university, foundation or company", defaultValue: "" })
    .addOption({ name: "metadata", description: "Metadata URI", defaultValue: "" })
    .addOption({ name: "signers", description: "Comma-separated signer addresses", defaultValue: "" })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./org-add.js"))
    .build(),
  task(["partnership", "org", "list"], "List organisations with their signers")
    .addFlag({ name: "json", description: "Print JSON instead of text" })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./org-list.js"))
    .build(),
  task(["partnership", "org", "signer"], "Add, remove or rotate a signer; deactivate or reactivate (registrar)")
    .addOption({ name: "org", description: "Organisation id", defaultValue: "" })
    .addOption({ name: "add", description: "Signer to authorise", defaultValue: "" })
    .addOption({ name: "remove", description: "Signer to remove", defaultValue: "" })
    .addOption({ name: "rotate", description: "Signer to replace (with --to)", defaultValue: "" })
    .addOption({ name: "to", description: "Replacement signer for --rotate", defaultValue: "" })
    .addFlag({ name: "deactivate", description: "Deactivate the organisation (suspends its signers)" })
    .addFlag({ name: "reactivate", description: "Reactivate the organisation" })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./org-signer.js"))
    .build(),
  task(["partnership", "propose"], "Propose an MOU from a JSON file (format busan-mou/1)")
    .addOption({ name: "file", description: "MOU JSON file", defaultValue: "" })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./propose.js"))
    .build(),
  task(["partnership", "sign"], "Sign the version awaiting signatures: by call, or offline into a packet with --out")
    .addOption(ID)
    .addOption(PARTY)
    .addOption({
      name: "out",
      description: "Write (or add to) a signature packet instead of calling",
      defaultValue: "",
    })
    .addOption({
      name: "validHours",
      description: "Hours an offline signature stays valid (default 72)",
      defaultValue: "",
    })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./sign.js"))
    .build(),
  task(["partnership", "submit"], "Check a signature packet off-chain and relay it in one transaction")
    .addOption({ name: "packet", description: "Signature packet file", defaultValue: "" })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./submit.js"))
    .build(),
  task(["partnership", "show"], "Show an agreement: status, parties, signatures, commitments, timeline")
    .addOption(ID)
    .addOption({ name: "fromBlock", description: "First block of the timeline scan (default 0)", defaultValue: "" })
    .addFlag({ name: "json", description: "Print JSON instead of text" })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./show.js"))
    .build(),
  emptyTask(["partnership", "commitment"], "Report, acknowledge or dispute commitments").build(),
  task(["partnership", "commitment", "report"], "Report a commitment fulfilled, with evidence")
    .addOption(ID)
    .addOption({ name: "index", description: "Commitment index", defaultValue: "" })
    .addOption({ name: "evidence", description: "Evidence text (hashed with SHA-256)", defaultValue: "" })
    .addOption({ name: "evidenceHash", description: "Evidence hash (32 bytes hex)", defaultValue: "" })
    .addOption({ name: "evidenceFile", description: "Evidence file (hashed with SHA-256)", defaultValue: "" })
    .addOption({ name: "uri", description: "Evidence URI, e.g. eip155:97:0xVault…/campaign/1", defaultValue: "" })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./commitment-report.js"))
    .build(),
  task(["partnership", "commitment", "ack"], "Acknowledge a reported commitment (counterparty)")
    .addOption(ID)
    .addOption({ name: "index", description: "Commitment index", defaultValue: "" })
    .addOption(PARTY)
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./commitment-ack.js"))
    .build(),
  task(["partnership", "commitment", "dispute"], "Dispute a reported commitment (counterparty)")
    .addOption(ID)
    .addOption({ name: "index", description: "Commitment index", defaultValue: "" })
    .addOption(PARTY)
    .addOption({ name: "reason", description: "Reason text (hashed with SHA-256)", defaultValue: "" })
    .addOption({ name: "reasonHash", description: "Reason hash (32 bytes hex)", defaultValue: "" })
    .addOption({ name: "reasonFile", description: "Reason file (hashed with SHA-256)", defaultValue: "" })
    .addOption({ name: "reasonUri", description: "Where the reason is published", defaultValue: "" })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./commitment-dispute.js"))
    .build(),
  task(["partnership", "amend"], "Propose a new version of an active agreement from an MOU file")
    .addOption(ID)
    .addOption({ name: "file", description: "MOU JSON file with the new terms", defaultValue: "" })
    .addOption(PARTY)
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./amend.js"))
    .build(),
  task(
    ["partnership", "terminate"],
    "Give notice of termination, or sign/relay every party's consent to end it at once",
  )
    .addOption(ID)
    .addOption(PARTY)
    .addOption({ name: "reason", description: "Reason text (hashed with SHA-256)", defaultValue: "" })
    .addOption({ name: "reasonHash", description: "Reason hash (32 bytes hex)", defaultValue: "" })
    .addOption({ name: "reasonFile", description: "Reason file (hashed with SHA-256)", defaultValue: "" })
    .addOption({ name: "reasonUri", description: "Where the reason is published", defaultValue: "" })
    .addOption({
      name: "out",
      description: "Sign consent to end it at once into a termination packet",
      defaultValue: "",
    })
    .addOption({ name: "packet", description: "Relay a termination packet signed by every party", defaultValue: "" })
    .addOption({
      name: "validHours",
      description: "Hours an offline consent stays valid (default 72)",
      defaultValue: "",
    })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./terminate.js"))
    .build(),
];
