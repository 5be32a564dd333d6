import { emptyTask, task } from "hardhat/config";

const ADDRESS = {
  name: "address",
  description: "The vault's address (default: from the deployment)",
  defaultValue: "",
} as const;
const FROM = {
  name: "from",
  description: "Signing account: an address or an index (default: 0)",
  defaultValue: "",
} as const;

const BENEFICIARY_ACTIONS = {
  add: () => import("./beneficiary-add.js"),
  verify: () => import("./beneficiary-verify.js"),
  suspend: () => import("./beneficiary-suspend.js"),
} as const;

/** `npx hardhat charity …` */
export const charityTasks = [
  emptyTask("charity", "Charity vault: beneficiaries, campaigns, donations, disbursements and traces").build(),

  emptyTask(["charity", "beneficiary"], "Register, verify and suspend beneficiaries").build(),
  ...(["add", "verify", "suspend"] as const).map((action) =>
    task(
      ["charity", "beneficiary", action],
      action === "add"
        ? "Register a beneficiary as Pending with the hash of its vetting documents"
        : action === "verify"
          ? "Mark a beneficiary Verified (it can then be paid)"
          : "Suspend a beneficiary (it cannot be paid until verified again)",
    )
      .addOption({ name: "account", description: "The beneficiary's payout address", defaultValue: "" })
      .addOption({
        name: "document",
        description:
          action === "suspend"
            ? "File stating the reason (hashed with SHA-256)"
            : "Vetting document (hashed with SHA-256)",
        defaultValue: "",
      })
      .addOption({ name: "hash", description: "The 32-byte hash instead of --document", defaultValue: "" })
      .addOption(ADDRESS)
      .addOption(FROM)
      .setAction(BENEFICIARY_ACTIONS[action])
      .build(),
  ),

  emptyTask(["charity", "campaign"], "Create and inspect campaigns").build(),
  task(["charity", "campaign", "create"], "Create a campaign")
    .addOption({ name: "token", description: "ERC-20 address, or ETH for the native coin", defaultValue: "ETH" })
    .addOption({ name: "goal", description: "Goal in whole units (e.g. 10 or 2500.50)", defaultValue: "" })
    .addOption({ name: "cap", description: "Hard cap in whole units (default: none)", defaultValue: "" })
    .addOption({
      name: "deadline",
      description: "Donation deadline: ISO date, unix seconds or +<days>d",
      defaultValue: "",
    })
    .addOption({
      name: "disbursementDeadline",
      description: "Disbursement deadline: ISO date, unix seconds or +<days>d",
      defaultValue: "",
    })
    .addFlag({ name: "keep", description: "Keep what is raised even below the goal (default: all-or-nothing)" })
    .addOption({ name: "beneficiaries", description: "Comma-separated beneficiary addresses", defaultValue: "" })
    .addOption({ name: "details", description: "File describing the campaign (hashed with SHA-256)", defaultValue: "" })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./campaign-create.js"))
    .build(),
  task(["charity", "campaign", "show"], "Show a campaign's status and books")
    .addOption({ name: "campaign", description: "Campaign id", defaultValue: "" })
    .addFlag({ name: "json", description: "Print JSON" })
    .addOption(ADDRESS)
    .setAction(() => import("./campaign-show.js"))
    .build(),
  task(["charity", "campaign", "list"], "List every campaign")
    .addFlag({ name: "json", description: "Print JSON" })
    .addOption(ADDRESS)
    .setAction(() => import("./campaign-list.js"))
    .build(),

  task(["charity", "donate"], "Donate to a campaign (ERC-20: approves the vault first)")
    .addOption({ name: "campaign", description: "Campaign id", defaultValue: "" })
    .addOption({ name: "amount", description: "Amount in whole units (e.g. 0.5)", defaultValue: "" })
    .addOption({ name: "donor", description: "Credit this address instead of the signer", defaultValue: "" })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./donate.js"))
    .build(),

  emptyTask(["charity", "match"], "Matching pools").build(),
  task(["charity", "match", "fund"], "Fund a campaign's matching pool")
    .addOption({ name: "campaign", description: "Campaign id", defaultValue: "" })
    .addOption({ name: "amount", description: "Pool (the matching cap) in whole units", defaultValue: "" })
    .addOption({
      name: "ratio",
      description: "Matching per donated unit in basis points (10000 = 1:1)",
      defaultValue: "10000",
    })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./match-fund.js"))
    .build(),

  emptyTask(["charity", "disburse"], "Propose, veto and execute disbursements").build(),
  task(["charity", "disburse", "propose"], "Propose paying a verified beneficiary of a succeeded campaign")
    .addOption({ name: "campaign", description: "Campaign id", defaultValue: "" })
    .addOption({ name: "payee", description: "Beneficiary address", defaultValue: "" })
    .addOption({ name: "amount", description: "Amount in whole units", defaultValue: "" })
    .addOption({
      name: "invoice",
      description: "Invoice or purchase order file (hashed with SHA-256)",
      defaultValue: "",
    })
    .addOption({ name: "purposeHash", description: "The 32-byte purpose hash instead of --invoice", defaultValue: "" })
    .addOption({ name: "evidence", description: "Where the evidence is published (URI)", defaultValue: "" })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./disburse-propose.js"))
    .build(),
  task(["charity", "disburse", "veto"], "Veto a proposed disbursement during its challenge window")
    .addOption({ name: "id", description: "Disbursement id", defaultValue: "" })
    .addOption({ name: "reason", description: "Reason (its keccak-256 hash goes on chain)", defaultValue: "" })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./disburse-veto.js"))
    .build(),
  task(["charity", "disburse", "execute"], "Execute a disbursement after its challenge window")
    .addOption({ name: "id", description: "Disbursement id", defaultValue: "" })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./disburse-execute.js"))
    .build(),

  task(["charity", "withdraw"], "Withdraw what the signing beneficiary is owed")
    .addOption({ name: "token", description: "ERC-20 address, or ETH for the native coin", defaultValue: "ETH" })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./withdraw.js"))
    .build(),
  task(["charity", "refund"], "Claim a refund (failed or cancelled campaign) or a dormant reclaim (closed campaign)")
    .addOption({ name: "campaign", description: "Campaign id", defaultValue: "" })
    .addOption(ADDRESS)
    .addOption(FROM)
    .setAction(() => import("./refund.js"))
    .build(),
  task(["charity", "trace"], "Where a donor's money went, to the wei (the donor's verification report)")
    .addOption({ name: "donor", description: "Donor address", defaultValue: "" })
    .addFlag({ name: "json", description: "Print the versioned JSON report" })
    .addFlag({ name: "csv", description: "Print CSV, one row per destination" })
    .addOption({ name: "fromBlock", description: "First block to scan (default 0)", defaultValue: "0" })
    .addOption(ADDRESS)
    .setAction(() => import("./trace.js"))
    .build(),
  task(["charity", "report"], "A campaign's raised, matched, refunded, disbursed and held amounts and donors")
    .addOption({ name: "campaign", description: "Campaign id", defaultValue: "" })
    .addFlag({ name: "json", description: "Print JSON" })
    .addOption({ name: "fromBlock", description: "First block to scan (default 0)", defaultValue: "0" })
    .addOption(ADDRESS)
    .setAction(() => import("./report.js"))
    .build(),
];
