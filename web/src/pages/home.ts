import { heading, type Page } from "../page.js";
import { el, empty, errorBox, replace } from "../ui.js";

/** The landing page: what each visitor can do here, and what the portal is connected to. */
export const homePage: Page = {
  path: "/",
  title: "Busan Blockchain Suite",
  nav: "Home",
  async render(root, context) {
    const tasks = el(
      "ul",
      { class: "cards" },
      card(
        "#/verify",
        "Verify a certificate",
        "Employers: open the link or drop the credential file a graduate gave you.",
      ),
      card("#/tickets", "My tickets", "Attendees: see your Blockchain Week tickets and show your check-in pass."),
      card("#/gate", "Gate", "Gate staff: scan passes, admit attendees, record check-ins on chain."),
      card("#/charity", "Charity", "Donors: follow campaigns, donate, and trace where every donation went."),
      card("#/partnerships", "Partnerships", "Everyone: the city's MOUs, who signed, what was promised and delivered."),
    );
    const status = el(
      "section",
      { "aria-labelledby": "network-heading" },
      el("h2", { id: "network-heading" }, "Network"),
    );
    const { connection } = context;
    if (connection === undefined) {
      status.append(errorBox("Not connected", context.connectionError?.shortMessage ?? "Connecting…"));
    } else if (connection.deployment === undefined) {
      status.append(
        el("p", {}, `Connected to ${connection.chainName} (chain ${connection.chainId}).`),
        empty("The suite is not deployed on this chain as far as this portal knows."),
      );
    } else {
      const rows = [...connection.deployment.addresses.entries()].map(([id, address]) =>
        el("tr", {}, el("th", { scope: "row" }, id.split("#").at(-1) ?? id), el("td", { class: "mono" }, address)),
      );
      status.append(
        el("p", {}, `Connected to ${connection.chainName} (chain ${connection.chainId}).`),
        el("table", { class: "table" }, el("caption", {}, "Deployed contracts"), el("tbody", {}, ...rows)),
      );
    }
    replace(
      root,
      heading("Busan Blockchain Suite", "The City of Busan's blockchain partnerships, on a chain anyone can check."),
      tasks,
      status,
    );
    await Promise.resolve();
  },
};

function card(href: string, title: string, text: string): HTMLElement {
  return el("li", { class: "card" }, el("a", { href }, el("h2", {}, title), el("p", {}, text)));
}
