import type { Connection } from "./connection.js";
import { el, errorBox, replace } from "./ui.js";
import type { Deployment } from "../../sdk/deployments.js";
import { contractAddress } from "../../sdk/deployments.js";
import { BusanError } from "../../sdk/errors.js";

/** What a page is given when it renders. */
export interface PageContext {
  readonly connection: Connection | undefined;
  /** Why there is no connection (RPC down, wallet refused), if so. */
  readonly connectionError: BusanError | undefined;
  /** Query parameters after the route, e.g. `#/verify?c=…`. */
  readonly params: URLSearchParams;
  /** Asks the shell to connect the injected wallet (the pages that write need it). */
  readonly connectWallet: () => Promise<void>;
  /** Aborted when the visitor leaves the page: stop timers and cameras on it. */
  readonly signal: AbortSignal;
}

/** A route of the portal. */
export interface Page {
  readonly path: string;
  readonly title: string;
  /** Short label for the navigation. */
  readonly nav: string;
  render(root: HTMLElement, context: PageContext): Promise<void>;
}

/**
 * The connection and the address of a suite contract, or an error state rendered into `root`
 * (no chain, no deployment on this chain, contract missing) and `undefined`.
 */
export function requireContract(
  root: HTMLElement,
  context: PageContext,
  name: string,
): { connection: Connection; deployment: Deployment; address: string } | undefined {
  const { connection } = context;
  if (connection === undefined) {
    replace(root, errorBox("Not connected", context.connectionError?.shortMessage ?? "Connect to a chain first."));
    return undefined;
  }
  if (connection.deployment === undefined) {
    replace(
      root,
      errorBox(
        "Unknown contract",
        `The suite is not deployed on ${connection.chainName} as far as this portal knows. Switch your wallet or RPC to a chain where it is deployed.`,
      ),
    );
    return undefined;
  }
  try {
    return { connection, deployment: connection.deployment, address: contractAddress(connection.deployment, name) };
  } catch (error) {
    const message = error instanceof BusanError ? error.shortMessage : String(error);
    replace(root, errorBox("Unknown contract", message));
    return undefined;
  }
}

/** A page heading with an optional lead paragraph. */
export function heading(title: string, lead = ""): HTMLElement {
  return el(
    "header",
    { class: "page-header" },
    el("h1", {}, title),
    lead === "" ? null : el("p", { class: "lead" }, lead),
  );
}
