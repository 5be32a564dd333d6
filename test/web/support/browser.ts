import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";

import { type Browser, chromium, type Page } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
/** Where screenshots of each page are saved as test artifacts. */
export const SCREENSHOT_DIR = path.join(ROOT, "test-results", "web");

/** Debian's Chromium: no browser download is possible on these machines. */
const CHROMIUM_PATHS = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** The flags a headless Chromium needs in a sandboxed, offline container. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function chromiumPath(): string {
  const found = CHROMIUM_PATHS.find((candidate) => candidate !== undefined && existsSync(candidate));
  if (found === undefined) throw new Error("Chromium is not installed; run `apt-get install chromium` (CI does).");
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * Builds the portal as `npm run web:build` does (so the deployment records present now are baked
 * in, as on a real host) and serves the static files.
 */
export async function startPortal(port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const configFile = path.join(ROOT, "web", "vite.config.ts");
  await build({ configFile, logLevel: "error" });
  const server: PreviewServer = await preview({
    configFile,
    preview: { port, strictPort: true, host: "127.0.0.1" },
    logLevel: "error",
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await server.close();
    },
  };
}

/**
 * Installs a test EIP-1193 wallet in the page, backed by the node's unlocked accounts: requests
 * are forwarded to the node's JSON-RPC endpoint, `eth_requestAccounts` answers with account
 * number `accountIndex`, and the node signs transactions and typed data for it.
 */
export async function installTestWallet(page: Page, rpcUrl: string, accountIndex = 0): Promise<void> {
  // A script string, not a function: the test runner's transpiler decorates functions with helpers
  // that do not exist inside the page.
  await page.addInitScript({
    content: `(() => {
      const url = ${JSON.stringify(rpcUrl)};
      const index = ${String(accountIndex)};
      let id = 0;
      const call = async (method, params = []) => {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }),
        });
        const body = await response.json();
        if (body.error !== undefined) throw Object.assign(new Error(body.error.message), body.error);
        return body.result;
      };
      const account = async () => {
        const accounts = await call("eth_accounts");
        if (accounts[index] === undefined) throw new Error("The node has no account " + index + ".");
        return accounts[index];
      };
      const ethereum = {
        isTestWallet: true,
        async request({ method, params }) {
          if (method === "eth_requestAccounts" || method === "eth_accounts") return [await account()];
          return call(method, params ?? []);
        },
        on() {},
        removeListener() {},
      };
      Object.defineProperty(window, "ethereum", { value: ethereum, configurable: true });
    })();`,
  });
}

/** Saves a full-page screenshot under test-results/web/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
