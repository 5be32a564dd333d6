import { expect } from "chai";
import type { Browser, Page } from "playwright-core";

import { type ChainNode, startNode } from "../e2e/support/chain-node.js";
import { installTestWallet, launchBrowser, screenshot, startPortal } from "./support/browser.js";

/** Ports and chain id of the portal tests; distinct from the e2e journeys'. */
const NODE_PORT = 18555;
const CHAIN_ID = 31411;
const PORTAL_PORT = 18573;
/** An address where nothing listens, for the "RPC down" state. */
const DEAD_RPC = "http://127.0.0.1:9";

describe("web: the portal in a real browser", function () {
  this.timeout(180_000);
  let browser: Browser;
  let portal: { url: string; close: () => Promise<void> };
  let node: ChainNode;

  before(async () => {
    node = await startNode("hardhat", NODE_PORT, CHAIN_ID);
    portal = await startPortal(PORTAL_PORT);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await portal.close();
    await node.stop();
  });

  async function open(path: string, rpcUrl: string, options: { wallet?: boolean } = {}): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    if (options.wallet === true) await installTestWallet(page, node.url);
    await page.goto(`${portal.url}?rpc=${encodeURIComponent(rpcUrl)}#${path}`);
    return page;
  }

  it("shows an error state when the RPC endpoint is down", async () => {
    const page = await open("/", DEAD_RPC);
    const status = page.getByTestId("connection-status");
    await status.filter({ hasText: "is not answering" }).waitFor();
    await page.getByRole("alert").filter({ hasText: "Not connected" }).waitFor();
    await screenshot(page, "home-rpc-down");
    await page.close();
  });

  it("says so when the suite is not deployed on the connected chain", async () => {
    const page = await open("/", node.url);
    await page.getByText(`Connected to chain ${CHAIN_ID}`).waitFor();
    const emptyState = page.locator('[data-state="empty"]');
    expect(await emptyState.textContent()).to.contain("not deployed on this chain");
    await screenshot(page, "home-no-deployment");
    await page.close();
  });

  it("connects the injected wallet and shows its account", async () => {
    const page = await open("/", node.url, { wallet: true });
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByTestId("connection-status").filter({ hasText: "0xf39F…2266" }).waitFor();
    await screenshot(page, "home-wallet");
    await page.close();
  });
});
