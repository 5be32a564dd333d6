import { type Connection, connectRpc, connectWallet, hasWallet, preferredRpcUrl } from "./connection.js";
import type { Page, PageContext } from "./page.js";
import { isCredentialLink, verifyPage } from "./pages/verify.js";
import { PAGES } from "./routes.js";
import { el, errorBox, field, loading, replace, shortAddress } from "./ui.js";
import { BusanError } from "../../sdk/errors.js";

const app = document.getElementById("app");
const nav = document.getElementById("nav");
const connectionBox = document.getElementById("connection");
if (app === null || nav === null || connectionBox === null) throw new Error("The page is missing its layout.");

let connection: Connection | undefined;
let connectionError: BusanError | undefined;
let renderId = 0;
let leave: AbortController | undefined;

function asBusanError(error: unknown): BusanError {
  return error instanceof BusanError
    ? error
    : new BusanError("Something went wrong talking to the chain.", { cause: error });
}

/** The route part of the hash: `#/verify?c=…` → `/verify` and its parameters. */
function currentRoute(): { page: Page; params: URLSearchParams } {
  // A certificate's verification link carries the credential as `#c=…`.
  if (isCredentialLink(window.location.hash)) return { page: verifyPage, params: new URLSearchParams() };
  const hash = window.location.hash.replace(/^#/, "") || "/";
  const [path = "/", query = ""] = hash.split("?", 2);
  const page = PAGES.find((p) => p.path === path) ?? PAGES[0];
  if (page === undefined) throw new Error("No pages are registered.");
  return { page, params: new URLSearchParams(query) };
}

function renderNav(active: Page): void {
  if (nav === null) return;
  replace(
    nav,
    ...PAGES.map((page) =>
      el("li", {}, el("a", { href: `#${page.path}`, "aria-current": page === active ? "page" : undefined }, page.nav)),
    ),
  );
}

function renderConnection(): void {
  if (connectionBox === null) return;
  const rpcInput = el("input", { type: "url", value: connection?.rpcUrl ?? preferredRpcUrl(), autocomplete: "off" });
  const rpcForm = el(
    "form",
    {
      class: "rpc-form",
      onsubmit: (event: Event) => {
        event.preventDefault();
        void useRpc(rpcInput.value.trim());
      },
    },
    field("rpc-url", "RPC URL", rpcInput),
    el("button", { type: "submit" }, "Read"),
  );
  const walletButton = hasWallet()
    ? el(
        "button",
        { type: "button", onclick: () => void useWallet() },
        connection?.source === "wallet" ? "Wallet connected" : "Connect wallet",
      )
    : el("span", { class: "hint" }, "No wallet in this browser: read-only.");
  const status =
    connection === undefined
      ? el(
          "span",
          { class: "badge badge-error", "data-testid": "connection-status" },
          connectionError?.shortMessage ?? "Not connected",
        )
      : el(
          "span",
          { class: "badge", "data-testid": "connection-status" },
          `${connection.chainName}${connection.account === undefined ? " · read-only" : ` · ${shortAddress(connection.account)}`}`,
        );
  replace(connectionBox, status, walletButton, el("details", {}, el("summary", {}, "Network"), rpcForm));
}

async function useRpc(url: string): Promise<void> {
  try {
    connection = await connectRpc(url);
    connectionError = undefined;
  } catch (error) {
    connection = undefined;
    connectionError = asBusanError(error);
  }
  renderConnection();
  await render();
}

async function useWallet(): Promise<void> {
  try {
    connection = await connectWallet();
    connectionError = undefined;
  } catch (error) {
    connectionError = asBusanError(error);
  }
  renderConnection();
  await render();
}

async function render(): Promise<void> {
  if (app === null) return;
  const id = ++renderId;
  leave?.abort();
  leave = new AbortController();
  const { page, params } = currentRoute();
  document.title = page.path === "/" ? page.title : `${page.title} · Busan Blockchain Suite`;
  renderNav(page);
  const root = el("section", { class: "page", "data-page": page.path });
  replace(app, root);
  root.append(loading(page.title.toLowerCase()));
  const context: PageContext = { connection, connectionError, params, connectWallet: useWallet, signal: leave.signal };
  try {
    await page.render(root, context);
  } catch (error) {
    if (id !== renderId) return;
    replace(root, errorBox("This page failed", asBusanError(error).shortMessage));
  }
}

window.addEventListener("hashchange", () => void render());
window.ethereum?.on?.("chainChanged", () => void useWallet());
window.ethereum?.on?.("accountsChanged", () => void useWallet());

renderConnection();
replace(app, loading("the connection to the chain"));
await useRpc(preferredRpcUrl());
