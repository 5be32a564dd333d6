import { rm } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import type { Browser, Page } from "playwright-core";

import { credentialToLink } from "../../sdk/academy/link.js";
import { executeCharityDisbursement } from "../../sdk/charity/disburse.js";
import { type ChainNode, startNode } from "../e2e/support/chain-node.js";
import { CONFIRM_DEPLOYMENT, hardhat } from "../e2e/support/cli.js";
import { installTestWallet, launchBrowser, screenshot, startPortal } from "./support/browser.js";
import { populate, type PortalWorld } from "./support/populate.js";

/** Ports and chain ids of the portal tests; distinct from the e2e journeys'. */
const EMPTY_NODE = { port: 18555, chainId: 31421 };
const SUITE_NODE = { port: 18556, chainId: 31422 };
const PORTAL_PORT = 18573;
/** An address where nothing listens, for the "RPC down" state. */
const DEAD_RPC = "http://127.0.0.1:9";
const PAGES = ["/verify", "/tickets", "/gate", "/charity", "/partnerships"] as const;
const deploymentDir = path.join("deploy", "deployments", `chain-${SUITE_NODE.chainId}`);

describe("web: the portal in a real browser", function () {
  this.timeout(600_000);
  let browser: Browser;
  let portal: { url: string; close: () => Promise<void> };
  let emptyNode: ChainNode;
  let node: ChainNode;
  /** What the before hook started, stopped in reverse order even when the hook failed half-way. */
  const cleanups: (() => Promise<void>)[] = [];

  before(async () => {
    emptyNode = await startNode("hardhat", EMPTY_NODE.port, EMPTY_NODE.chainId);
    cleanups.push(() => emptyNode.stop());
    node = await startNode("hardhat", SUITE_NODE.port, SUITE_NODE.chainId);
    cleanups.push(() => node.stop());
    await rm(deploymentDir, { recursive: true, force: true });
    const deployed = await hardhat(["suite", "deploy"], { network: "e2e", rpcUrl: node.url, env: CONFIRM_DEPLOYMENT });
    if (deployed.code !== 0) throw new Error(`The suite did not deploy:\n${deployed.stdout}\n${deployed.stderr}`);
    portal = await startPortal(PORTAL_PORT);
    cleanups.push(() => portal.close());
    browser = await launchBrowser();
    cleanups.push(() => browser.close());
  });
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await rm(deploymentDir, { recursive: true, force: true });
  });

  afterEach(async function () {
    // Keep a picture of whatever a failed test was looking at.
    if (this.currentTest?.state !== "failed") return;
    const pages = browser.contexts().flatMap((context) => context.pages());
    for (const [index, page] of pages.entries()) {
      await screenshot(page, `failed-${this.currentTest.title.replace(/\W+/g, "-")}-${index}`).catch(() => undefined);
      await page.close();
    }
  });

  async function open(route: string, rpcUrl: string, wallet?: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(60_000);
    if (wallet !== undefined) await installTestWallet(page, rpcUrl, wallet);
    await page.goto(`${portal.url}?rpc=${encodeURIComponent(rpcUrl)}#${route}`);
    if (wallet !== undefined) {
      await page.getByRole("button", { name: "Connect wallet" }).first().click();
      await page.getByTestId("connection-status").filter({ hasNotText: "read-only" }).waitFor();
    }
    return page;
  }

  describe("error states", () => {
    it("shows on every page that the RPC endpoint is down", async () => {
      for (const route of ["/", ...PAGES]) {
        const page = await open(route, DEAD_RPC);
        if (route === "/verify") {
          // Verifying needs the chain only once a credential is given: the page itself still works.
          await page.getByText("Open the verification link").waitFor();
        } else {
          await page.getByRole("alert").filter({ hasText: "is not answering" }).waitFor();
        }
        await screenshot(page, `error-rpc-down${route === "/" ? "-home" : route.replace("/", "-")}`);
        await page.close();
      }
    });

    it("says the contract is unknown on a chain where the suite is not deployed", async () => {
      for (const route of ["/tickets", "/gate", "/charity", "/partnerships"]) {
        const page = await open(route, emptyNode.url);
        await page.getByRole("alert").filter({ hasText: "Unknown contract" }).waitFor();
        await page.close();
      }
      const home = await open("/", emptyNode.url);
      expect(await home.locator('[data-state="empty"]').textContent()).to.contain("not deployed on this chain");
      await screenshot(home, "home-no-deployment");
      await home.close();
    });

    it("refuses a file that is not a credential", async () => {
      const page = await open("/verify", node.url);
      await page
        .locator("#credential-file")
        .setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
      await page.getByRole("alert").filter({ hasText: "Not a credential" }).waitFor();
      await page.close();
    });
  });

  describe("a freshly deployed suite (empty states)", () => {
    it("shows each page's empty state", async () => {
      const charity = await open("/charity", node.url);
      await charity.getByText("No campaigns yet").waitFor();
      await screenshot(charity, "charity-empty");
      await charity.close();

      const partnerships = await open("/partnerships", node.url);
      await partnerships.getByText("No agreement has been proposed yet").waitFor();
      await partnerships.close();

      const tickets = await open("/tickets", node.url);
      await tickets.getByText("Connect the wallet that holds your tickets").waitFor();
      await tickets.close();
      const withWallet = await open("/tickets", node.url, 7);
      await withWallet.getByText("This wallet holds no tickets for this event.").waitFor();
      await withWallet.close();

      const gate = await open("/gate", node.url);
      await gate.locator('[data-counter="Admitted"]').filter({ hasText: "0" }).waitFor();
      await gate.close();

      const verify = await open("/verify", node.url);
      await verify.getByText("Open the verification link from a certificate").waitFor();
      await verify.close();
    });

    it("shows a loading state on every page while the chain answers slowly", async () => {
      for (const route of ["/", ...PAGES]) {
        const page = await browser.newPage();
        page.setDefaultTimeout(60_000);
        let release: () => void = () => undefined;
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        // Hold the first request each page waits on (the chain id for the pages that only need a
        // connection, contract reads for the others) until the loading state has been seen.
        const waitsOn = route === "/" || route === "/verify" ? "eth_chainId" : "eth_call";
        await page.route(`${node.url}/**`, async (request) => {
          if (request.request().postData()?.includes(waitsOn) === true) await held;
          await request.continue();
        });
        await page.goto(`${portal.url}?rpc=${encodeURIComponent(node.url)}#${route}`);
        await page.locator('[data-state="loading"]').first().waitFor();
        if (route === "/charity") await screenshot(page, "charity-loading");
        release();
        await page.locator('[data-state="loading"]').first().waitFor({ state: "detached" });
        await page.close();
      }
    });
  });

  describe("the Busan story on the portal", () => {
    let world: PortalWorld;
    let passText = "";
    before(async () => {
      world = await populate(node.url, node.chainId);
    });

    it("verifies a valid certificate from its link, without a wallet", async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      page.setDefaultTimeout(60_000);
      const link = credentialToLink(`${portal.url}?rpc=${encodeURIComponent(node.url)}`, world.credentials.valid);
      await page.goto(link);
      const verdict = page.locator("[data-verdict]");
      await verdict.filter({ hasText: "Valid certificate" }).waitFor();
      expect(await verdict.getAttribute("data-verdict")).to.equal("valid");
      const details = await page.locator(".details").textContent();
      expect(details).to.contain("Alice Park");
      expect(details).to.contain("Busan Blockchain Academy");
      await screenshot(page, "verify-valid");
      await page.close();
    });

    it("shows a revoked certificate with its reason, from a dropped file", async () => {
      const page = await open("/verify", node.url);
      await page.locator("#credential-file").setInputFiles({
        name: "bob.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(world.credentials.revoked)),
      });
      const verdict = page.locator('[data-verdict="status"]');
      await verdict.waitFor();
      expect(await verdict.textContent()).to.contain("Revoked");
      expect(await page.locator(".details").textContent()).to.contain("reason code 2");
      await screenshot(page, "verify-revoked");
      await page.close();
    });

    it("names the failing step of a forged credential", async () => {
      const forged = {
        ...world.credentials.valid,
        recipient: { ...world.credentials.valid.recipient, name: "Mallory Kim" },
      };
      // A forged file keeps the original leaf hash, which the edited name no longer matches…
      const page = await open("/verify", node.url);
      await page.locator("#credential-file").setInputFiles({
        name: "forged.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(forged)),
      });
      await page.locator('[data-verdict="leaf-hash"]').waitFor();
      expect(await page.locator('[data-step="leaf-hash"]').getAttribute("class")).to.equal("step-bad");
      await screenshot(page, "verify-forged-file");
      // …and a forged link, whose leaf is recomputed from the edited name, has no valid proof.
      await page.goto(credentialToLink(`${portal.url}?rpc=${encodeURIComponent(node.url)}`, forged));
      await page.reload();
      await page.locator('[data-verdict="proof"]').waitFor();
      await screenshot(page, "verify-forged-link");
      await page.close();
    });

    it("shows the attendee's ticket and a signed check-in pass", async () => {
      const page = await open("/tickets", node.url, 2);
      const ticket = page.locator(`[data-token="${world.ticketId}"]`);
      await ticket.waitFor();
      expect(await ticket.textContent()).to.contain("General admission");
      await ticket.getByRole("button", { name: "Show check-in pass" }).click();
      await page.getByTestId("pass-qr").waitFor();
      passText = (await page.getByTestId("pass-text").inputValue()).trim();
      expect(passText).to.match(/^BWT1/);
      await screenshot(page, "tickets-pass");
      await page.close();
    });

    it("admits the pass at the gate, refuses it twice, and records the check-in on chain", async () => {
      const page = await open("/gate", node.url, 0);
      const input = page.getByLabel("Pass");
      await input.fill(passText);
      await page.getByRole("button", { name: "Check pass" }).click();
      await page.locator('[data-verdict="admit"]').waitFor();
      await input.fill(passText);
      await page.getByRole("button", { name: "Check pass" }).click();
      await page.locator('[data-verdict="deny"]').filter({ hasText: "already admitted" }).waitFor();
      await input.fill("BWT1-not-a-pass");
      await page.getByRole("button", { name: "Check pass" }).click();
      await page.locator('[data-verdict="deny"]').waitFor();
      await page.getByRole("button", { name: "Record check-ins now" }).click();
      await page.locator('[data-counter="Recorded on chain"]').filter({ hasText: "1" }).waitFor();
      expect(await page.locator('[data-counter="Duplicates"]').textContent()).to.equal("1");
      expect(await page.locator('[data-counter="Admitted"]').textContent()).to.equal("1");
      await screenshot(page, "gate-recorded");
      await page.close();

      const tickets = await open("/tickets", node.url, 2);
      await tickets.locator(`[data-token="${world.ticketId}"]`).filter({ hasText: "checked in" }).waitFor();
      await tickets.close();
    });

    it("lets a donor donate with a wallet and trace where the money went", async () => {
      const page = await open("/charity", node.url, 2);
      await page.locator(`tr[data-campaign="${world.campaigns.funded}"]`).waitFor();
      expect(await page.locator(`tr[data-campaign="${world.campaigns.funded}"]`).textContent()).to.contain("(100%)");
      await page.getByLabel("Campaign", { exact: true }).selectOption(world.campaigns.open.toString());
      await page.getByLabel("Amount", { exact: true }).fill("0.25");
      await page.getByRole("button", { name: "Donate" }).click();
      await page.locator('[data-state="done"]').filter({ hasText: "Thank you" }).waitFor();

      // The challenge window passes and the pending payment for an invoice is executed.
      await node.rpc("evm_increaseTime", [3 * 86_400]);
      await node.rpc("evm_mine");
      const { JsonRpcProvider } = await import("ethers");
      const provider = new JsonRpcProvider(node.url, node.chainId, { staticNetwork: true });
      await executeCharityDisbursement(await provider.getSigner(0), world.vault, world.disbursementId);

      await page.reload();
      await page.getByRole("button", { name: "Connect wallet" }).first().click();
      const funded = page.locator(`article[data-campaign="${world.campaigns.funded}"]`);
      await funded.waitFor();
      const text = (await funded.textContent()) ?? "";
      expect(text).to.contain("you gave 1 ETH");
      expect(text).to.contain("paid to");
      expect(text).to.contain("0.4 ETH");
      expect(text).to.contain("still held: 0.6 ETH");
      expect(await page.locator(`article[data-campaign="${world.campaigns.open}"]`).textContent()).to.contain(
        "you gave 0.25 ETH",
      );
      await screenshot(page, "charity-trace");
      await page.close();
    });

    it("shows the MOU, its signatures and the evidence of a commitment", async () => {
      const page = await open("/partnerships", node.url);
      const agreement = page.locator(`[data-agreement="${world.agreementId}"]`);
      await agreement.waitFor();
      const text = (await agreement.textContent()) ?? "";
      expect(text).to.contain("Busan–Binance blockchain MOU");
      expect(text).to.contain("Active");
      expect(text).to.contain("City of Busan: signed");
      expect(text).to.contain("Binance: signed");
      expect(await agreement.locator('[data-commitment="0"]').textContent()).to.contain(`eip155:${node.chainId}:`);
      await screenshot(page, "partnerships");
      await page.close();
    });
  });
});
