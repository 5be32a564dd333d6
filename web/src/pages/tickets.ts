import QRCode from "qrcode";

import type { Connection } from "../connection.js";
import { heading, type Page, type PageContext, requireContract } from "../page.js";
import { el, empty, errorBox, formatTime, formatUnits, loading, replace } from "../ui.js";
import { toBusanError } from "../../../sdk/revert.js";
import { TICKETS_ABIS, ticketsAt } from "../../../sdk/tickets/contract.js";
import { type OwnedTicket, ticketsOfOwner } from "../../../sdk/tickets/owned.js";
import { createPass, DEFAULT_PASS_TTL_SECONDS } from "../../../sdk/tickets/pass.js";
import { encodePassQr } from "../../../sdk/tickets/qr.js";
import { listTiers, type TierInfo } from "../../../sdk/tickets/tiers.js";
import { TicketMetadataRenderer__factory } from "../../../typechain-types/index.js";

/** A new pass is signed this many seconds before the shown one expires. */
const RENEW_BEFORE_EXPIRY_SECONDS = 15;

/** My tickets: the connected wallet's Blockchain Week tickets and a rotating check-in pass. */
export const ticketsPage: Page = {
  path: "/tickets",
  title: "My tickets",
  nav: "My tickets",
  async render(root, context) {
    const found = requireContract(root, context, "EventTickets");
    if (found === undefined) return;
    const { connection, address } = found;
    const contract = ticketsAt(address, connection.provider);
    const event = await contract.eventInfo();
    const renderer = TicketMetadataRenderer__factory.connect(event.renderer, connection.provider);
    const [name, venue] = await Promise.all([renderer.eventName(), renderer.venue()]);
    const header = heading("My tickets", `${name} · ${venue} · ${formatTime(event.start)}`);
    if (connection.account === undefined) {
      replace(
        root,
        header,
        empty(
          "Connect the wallet that holds your tickets to see them and show your check-in pass.",
          el("button", { type: "button", onclick: () => void context.connectWallet() }, "Connect wallet"),
        ),
      );
      return;
    }
    const list = el("div", {}, loading("your tickets"));
    const passBox = el("section", { "aria-live": "polite", class: "pass" });
    replace(root, header, list, passBox);
    let owned: OwnedTicket[];
    let tiers: TierInfo[];
    try {
      [owned, tiers] = await Promise.all([
        ticketsOfOwner(connection.provider, address, connection.account, { fromBlock: connection.fromBlock }),
        listTiers(connection.provider, address),
      ]);
    } catch (error) {
      replace(list, errorBox("Could not read your tickets", toBusanError(error, [...TICKETS_ABIS]).shortMessage));
      return;
    }
    if (owned.length === 0) {
      replace(list, empty("This wallet holds no tickets for this event."));
      return;
    }
    const tierName = new Map(tiers.map((t) => [t.tierId, t.name]));
    replace(
      list,
      el(
        "ul",
        { class: "ticket-list" },
        ...owned.map((ticket) =>
          el(
            "li",
            { class: "ticket", "data-token": ticket.tokenId.toString() },
            el("strong", {}, `${tierName.get(ticket.tierId) ?? `Tier ${ticket.tierId}`} · ticket ${ticket.tokenId}`),
            el(
              "span",
              { class: `badge ${ticket.status === "checked-in" ? "status-active" : ""}` },
              ticket.status === "checked-in" ? "checked in" : "valid",
            ),
            el(
              "div",
              { class: "hint" },
              ticket.pricePaid === 0n ? "complimentary" : `paid ${formatUnits(ticket.pricePaid)} ETH`,
            ),
            ticket.status === "valid"
              ? el(
                  "button",
                  { type: "button", onclick: () => void showPass(passBox, context, connection, address, ticket) },
                  "Show check-in pass",
                )
              : el("div", { class: "hint" }, "Your proof of attendance: this ticket is now locked to your wallet."),
          ),
        ),
      ),
    );
  },
};

/** Signs a short-lived pass and shows it as a QR code, signing a fresh one before it expires. */
async function showPass(
  box: HTMLElement,
  context: PageContext,
  connection: Connection,
  tickets: string,
  ticket: OwnedTicket,
): Promise<void> {
  const signer = await connection.signer();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = (): void => {
    if (timer !== undefined) clearTimeout(timer);
  };
  context.signal.addEventListener("abort", stop, { once: true });
  const render = async (): Promise<void> => {
    replace(box, loading("your pass (approve the signature in your wallet)"));
    try {
      const pass = await createPass(signer, { tickets, tokenId: ticket.tokenId, ttlSeconds: DEFAULT_PASS_TTL_SECONDS });
      const text = encodePassQr(pass);
      const image = await QRCode.toDataURL(text, { errorCorrectionLevel: "M", margin: 2, width: 320 });
      replace(
        box,
        el("h2", {}, `Check-in pass for ticket ${ticket.tokenId}`),
        el("img", {
          src: image,
          alt: `Check-in pass QR code for ticket ${ticket.tokenId}`,
          width: "320",
          height: "320",
          "data-testid": "pass-qr",
        }),
        el(
          "p",
          {},
          `Valid until ${new Date(Number(pass.validUntil) * 1000).toLocaleTimeString()}; a new code is signed before then. Show it at the gate.`,
        ),
        el(
          "details",
          {},
          el("summary", {}, "Pass text (for gates without a camera)"),
          el(
            "textarea",
            { readonly: true, rows: "4", class: "mono", "data-testid": "pass-text", "aria-label": "Pass text" },
            text,
          ),
        ),
        el(
          "button",
          {
            type: "button",
            class: "secondary",
            onclick: () => {
              stop();
              replace(box);
            },
          },
          "Hide pass",
        ),
      );
      const renewInMs =
        Math.max(5, Number(pass.validUntil) - Math.floor(Date.now() / 1000) - RENEW_BEFORE_EXPIRY_SECONDS) * 1000;
      stop();
      if (!context.signal.aborted) timer = setTimeout(() => void render(), renewInMs);
    } catch (error) {
      replace(box, errorBox("No pass was signed", toBusanError(error).shortMessage));
    }
  };
  await render();
}
