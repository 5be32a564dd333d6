import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { documentHashToSha256sum } from "../../sdk/partnerships/documentHash.js";
import { getAgreement, getOrganisation } from "../../sdk/partnerships/registry.js";
import { agreementTimeline } from "../../sdk/partnerships/timeline.js";
import { cliAction } from "../common/action.js";
import { isoDate, openRegistry, parseWhole, type RegistryArgs, required } from "./shared.js";

interface ShowArgs extends RegistryArgs {
  readonly id: string;
  readonly fromBlock: string;
  readonly json: boolean;
}

const json = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);

/**
 * `npx hardhat partnership show --id N [--from-block B] [--json]`: status, parties, signatures per
 * version, commitments and the timeline rebuilt from events.
 */
export default cliAction(async (args: ShowArgs, hre: HardhatRuntimeEnvironment) => {
  const id = parseWhole(required(args.id, "--id"), "--id");
  const { suite, registry } = await openRegistry(hre, args);
  const agreement = await getAgreement(registry, id);
  const names = await Promise.all(
    agreement.parties.map(async (orgId) => (await getOrganisation(registry, orgId)).name),
  );
  if (!args.json) console.log("Reading the timeline from events…");
  const fromBlock = args.fromBlock === "" ? 0 : Number(parseWhole(args.fromBlock, "--from-block"));
  const timeline = await agreementTimeline(suite.ethers.provider, await registry.getAddress(), id, { fromBlock });
  if (args.json) {
    console.log(json({ ...agreement, partyNames: names, timeline }));
    return;
  }
  console.log(`Agreement ${id}: ${agreement.status}`);
  console.log(
    `  version in force: ${agreement.currentVersion === 0 ? "none" : agreement.currentVersion}, latest: ${agreement.latestVersion}`,
  );
  if (agreement.terminationEffectiveAt !== 0n) {
    console.log(
      `  termination ${agreement.terminatedByConsent ? "by consent" : "notice"} effective ${isoDate(agreement.terminationEffectiveAt)}`,
    );
  }
  console.log("Parties:");
  agreement.parties.forEach((orgId, i) => {
    console.log(`  ${i}. ${names[i] ?? "?"} (organisation ${orgId})`);
  });
  console.log("Versions:");
  for (const v of agreement.versions) {
    const signed = v.signedBy.map((i) => names[i] ?? String(i)).join(", ") || "nobody";
    console.log(
      `  v${v.version}: document ${documentHashToSha256sum(v.documentHash)}, effective ${isoDate(v.effectiveAt)}, expires ${isoDate(v.expiresAt)}, sign by ${isoDate(v.signingDeadline)}; signed by ${signed}${v.activatedAt === 0n ? "" : `; in force since ${isoDate(v.activatedAt)}`}`,
    );
  }
  console.log("Commitments:");
  if (agreement.commitments.length === 0) console.log("  none");
  for (const c of agreement.commitments) {
    console.log(
      `  #${c.index} ${c.category} by ${names[c.responsibleParty] ?? "?"}, due ${isoDate(c.dueDate)}: ${c.status}${c.evidenceHash === `0x${"0".repeat(64)}` ? "" : ` (evidence ${c.evidenceHash})`}`,
    );
  }
  console.log("Timeline:");
  for (const entry of timeline) console.log(`  ${isoDate(entry.timestamp)} ${entry.summary} [${entry.txHash}]`);
});
