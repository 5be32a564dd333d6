import type { Connection } from "../connection.js";
import { txLink } from "../links.js";
import { heading, type Page, requireContract } from "../page.js";
import { el, empty, errorBox, formatTime, loading, replace, scrollTable } from "../ui.js";
import { toBusanError } from "../../../sdk/revert.js";
import {
  type AgreementDetails,
  connectPartnershipRegistry,
  getAgreement,
  listOrganisations,
  type OrganisationDetails,
} from "../../../sdk/partnerships/registry.js";
import { type AgreementTimelineEntry, agreementTimeline } from "../../../sdk/partnerships/timeline.js";

/** The city's MOUs: parties, signatures, commitments with evidence, status and history. */
export const partnershipsPage: Page = {
  path: "/partnerships",
  title: "Partnerships",
  nav: "Partnerships",
  async render(root, context) {
    const found = requireContract(root, context, "PartnershipRegistry");
    if (found === undefined) return;
    const { connection, address } = found;
    const list = el("div", {}, loading("agreements"));
    replace(
      root,
      heading(
        "Partnerships",
        "The memoranda of understanding the City of Busan signed, and what each side promised and delivered.",
      ),
      list,
    );
    const registry = connectPartnershipRegistry(address, connection.provider);
    try {
      const organisations = await listOrganisations(registry);
      const names = new Map(organisations.map((o) => [o.id, o]));
      const count = await registry.agreementCount();
      if (count === 0n) {
        replace(list, empty("No agreement has been proposed yet."));
        return;
      }
      const cards: HTMLElement[] = [];
      for (let id = 1n; id <= count; id += 1n) {
        const [agreement, timeline] = await Promise.all([
          getAgreement(registry, id),
          agreementTimeline(connection.provider, address, id, { fromBlock: connection.fromBlock }),
        ]);
        cards.push(agreementCard(connection, agreement, timeline, names));
      }
      replace(list, ...cards);
    } catch (error) {
      replace(list, errorBox("Could not read the agreements", toBusanError(error, [registry.interface]).shortMessage));
    }
  },
};

function orgName(names: ReadonlyMap<number, OrganisationDetails>, id: number | undefined): string {
  if (id === undefined) return "unknown party";
  return names.get(id)?.name ?? `organisation ${id}`;
}

function agreementCard(
  connection: Connection,
  agreement: AgreementDetails,
  timeline: readonly AgreementTimelineEntry[],
  names: ReadonlyMap<number, OrganisationDetails>,
): HTMLElement {
  const proposed = timeline.find((entry) => entry.event === "AgreementProposed");
  const title = typeof proposed?.args["title"] === "string" ? proposed.args["title"] : `Agreement #${agreement.id}`;
  const versionIndex = (agreement.currentVersion > 0 ? agreement.currentVersion : agreement.latestVersion) - 1;
  const version = agreement.versions[versionIndex];
  const signatures = el(
    "ul",
    { class: "signatures" },
    ...agreement.parties.map((orgId, index) => {
      const signed = version?.signedBy.includes(index) ?? false;
      return el(
        "li",
        { class: signed ? "step-ok" : "step-bad" },
        el("span", { "aria-hidden": "true" }, signed ? "✓ " : "… "),
        `${orgName(names, orgId)}: ${signed ? "signed" : "not signed yet"}`,
      );
    }),
  );
  const reports = new Map<number, AgreementTimelineEntry>();
  for (const entry of timeline)
    if (entry.event === "CommitmentReported") reports.set(Number(entry.args["index"]), entry);
  const now = BigInt(Math.floor(Date.now() / 1000));
  const commitmentRows = agreement.commitments.map((c) => {
    const report = reports.get(c.index);
    const uri = typeof report?.args["evidenceURI"] === "string" ? report.args["evidenceURI"] : "";
    const overdue = c.status === "Open" && c.dueDate !== 0n && c.dueDate < now;
    return el(
      "tr",
      { "data-commitment": String(c.index) },
      el("td", {}, c.category),
      el("td", {}, orgName(names, agreement.parties[c.responsibleParty])),
      el("td", {}, c.dueDate === 0n ? "—" : formatTime(c.dueDate)),
      el("td", {}, overdue ? `${c.status} (overdue)` : c.status),
      el(
        "td",
        {},
        uri === "" ? "—" : el("span", { class: "mono" }, uri),
        report === undefined ? null : el("div", {}, txLink(connection.chainId, report.txHash)),
      ),
    );
  });
  const history = el(
    "ol",
    { class: "timeline" },
    ...timeline.map((entry) =>
      el(
        "li",
        {},
        el("time", { datetime: new Date(entry.timestamp * 1000).toISOString() }, formatTime(entry.timestamp)),
        " ",
        entry.summary,
        " ",
        txLink(connection.chainId, entry.txHash),
      ),
    ),
  );
  return el(
    "article",
    { class: "agreement", "data-agreement": agreement.id.toString() },
    el("h2", {}, title, " ", el("span", { class: `badge status-${agreement.status.toLowerCase()}` }, agreement.status)),
    el(
      "dl",
      { class: "details" },
      el("dt", {}, "Parties"),
      el("dd", {}, agreement.parties.map((id) => orgName(names, id)).join(", ")),
      el("dt", {}, "Version in force"),
      el(
        "dd",
        {},
        agreement.currentVersion === 0
          ? "none yet"
          : `version ${agreement.currentVersion} of ${agreement.latestVersion}`,
      ),
      el("dt", {}, "Signed document (SHA-256)"),
      el("dd", { class: "mono" }, version?.documentHash ?? "—"),
      el("dt", {}, "In effect"),
      el(
        "dd",
        {},
        version === undefined
          ? "—"
          : `${formatTime(version.effectiveAt)} to ${version.expiresAt === 0n ? "no expiry" : formatTime(version.expiresAt)}`,
      ),
      agreement.terminationEffectiveAt === 0n ? null : el("dt", {}, "Termination"),
      agreement.terminationEffectiveAt === 0n
        ? null
        : el(
            "dd",
            {},
            `${agreement.terminatedByConsent ? "by all parties" : "by notice"}, effective ${formatTime(agreement.terminationEffectiveAt)}`,
          ),
    ),
    el("h3", {}, "Signatures"),
    signatures,
    el("h3", {}, "Commitments"),
    commitmentRows.length === 0
      ? empty("This agreement lists no commitments.")
      : scrollTable(["Promise", "Responsible", "Due", "Status", "Evidence"], commitmentRows),
    el("details", {}, el("summary", {}, `History (${timeline.length} events)`), history),
  );
}
