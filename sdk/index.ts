/**
 * The Busan Blockchain Suite SDK: everything off-chain that the command line, the demo, the web
 * portal and the tests share. Framework-free; takes an ethers v6 Provider or Signer and contract
 * addresses. Node-only helpers (files, deployment folders) are in `sdk/node/index.ts`.
 */
export * from "./chains.js";
export * from "./deployments.js";
export * from "./errors.js";
export * from "./logs.js";
export * from "./revert.js";
export * from "./charity/beneficiary.js";
export * from "./charity/campaign.js";
export * from "./charity/contract.js";
export * from "./charity/disburse.js";
export * from "./charity/donate.js";
export * from "./charity/events.js";
export * from "./charity/matching.js";
export * from "./charity/refund.js";
export * from "./charity/report.js";
export * from "./charity/schema.js";
export * from "./charity/trace.js";
export * from "./charity/withdraw.js";
export * from "./academy/abi.js";
export * from "./academy/cohort.js";
export * from "./academy/cohortActions.js";
export * from "./academy/courses.js";
export * from "./academy/credential.js";
export * from "./academy/issueCertificate.js";
export * from "./academy/issuers.js";
export * from "./academy/leaf.js";
export * from "./academy/link.js";
export * from "./academy/status.js";
export * from "./academy/transaction.js";
export * from "./academy/tree.js";
export * from "./academy/verify.js";
export * from "./partnerships/actions.js";
export * from "./partnerships/documentHash.js";
export * from "./partnerships/mou.js";
export * from "./partnerships/packet.js";
export * from "./partnerships/registry.js";
export * from "./partnerships/termination.js";
export * from "./partnerships/timeline.js";
export * from "./partnerships/typedData.js";
export * from "./partnerships/verify.js";
export * from "./tickets/batcher.js";
export * from "./tickets/contract.js";
export * from "./tickets/manage.js";
export * from "./tickets/pass.js";
export * from "./tickets/purchase.js";
export * from "./tickets/qr.js";
export * from "./tickets/resale.js";
export * from "./tickets/tiers.js";
export * from "./tickets/owned.js";
