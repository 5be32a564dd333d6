import { Contract, isAddress, parseUnits, type Provider, ZeroAddress } from "ethers";

import type { Connection } from "../connection.js";
import { heading, type Page, type PageContext, requireContract } from "../page.js";
import { txLink } from "../links.js";
import {
  el,
  empty,
  errorBox,
  field,
  formatTime,
  formatUnits,
  loading,
  replace,
  scrollTable,
  shortAddress,
} from "../ui.js";
import { type CharityCampaignInfo, listCharityCampaigns } from "../../../sdk/charity/campaign.js";
import { donateToCampaign } from "../../../sdk/charity/donate.js";
import { type DonationTrace, TRACE_ROUNDING_RULE, traceDonor } from "../../../sdk/charity/trace.js";
import { BusanError } from "../../../sdk/errors.js";
import { toBusanError } from "../../../sdk/revert.js";
import { CHARITY_VAULT_ABI } from "../../../sdk/charity/contract.js";

const ERC20_META_ABI = ["function decimals() view returns (uint8)", "function symbol() view returns (string)"];

/** How a campaign's currency is shown. */
interface Currency {
  readonly symbol: string;
  readonly decimals: number;
}

async function currencyOf(provider: Provider, token: string, cache: Map<string, Currency>): Promise<Currency> {
  const known = cache.get(token);
  if (known !== undefined) return known;
  let currency: Currency = { symbol: "ETH", decimals: 18 };
  if (token !== ZeroAddress) {
    const erc20 = new Contract(token, ERC20_META_ABI, provider);
    try {
      currency = {
        symbol: String(await erc20.getFunction("symbol")()),
        decimals: Number(await erc20.getFunction("decimals")()),
      };
    } catch {
      currency = { symbol: shortAddress(token), decimals: 18 };
    }
  }
  cache.set(token, currency);
  return currency;
}

/** Campaigns with progress, a donation form and a donor's trace. */
export const charityPage: Page = {
  path: "/charity",
  title: "Charity",
  nav: "Charity",
  async render(root, context) {
    const found = requireContract(root, context, "CharityVault");
    if (found === undefined) return;
    const { connection, address: vault } = found;
    const currencies = new Map<string, Currency>();
    const campaignsBox = el(
      "section",
      { "aria-labelledby": "campaigns-heading" },
      el("h2", { id: "campaigns-heading" }, "Campaigns"),
      loading("campaigns"),
    );
    const donateBox = el(
      "section",
      { "aria-labelledby": "donate-heading" },
      el("h2", { id: "donate-heading" }, "Donate"),
    );
    const traceBox = el(
      "section",
      { "aria-labelledby": "trace-heading" },
      el("h2", { id: "trace-heading" }, "Where did my money go?"),
    );
    replace(
      root,
      heading("Charity", "Every donation, refund and payment of the charity vault, read from the chain."),
      campaignsBox,
      donateBox,
      traceBox,
    );

    let campaigns: CharityCampaignInfo[];
    try {
      campaigns = await listCharityCampaigns(connection.provider, vault);
    } catch (error) {
      replace(
        campaignsBox,
        el("h2", { id: "campaigns-heading" }, "Campaigns"),
        errorBox("Could not read campaigns", toBusanError(error, [CHARITY_VAULT_ABI]).shortMessage),
      );
      return;
    }
    for (const campaign of campaigns) await currencyOf(connection.provider, campaign.token, currencies);
    replace(campaignsBox, el("h2", { id: "campaigns-heading" }, "Campaigns"), campaignsTable(campaigns, currencies));
    renderDonate(donateBox, context, connection, vault, campaigns, currencies);
    renderTrace(traceBox, connection, vault, context.params.get("donor") ?? connection.account ?? "", currencies);
  },
};

function campaignsTable(campaigns: readonly CharityCampaignInfo[], currencies: Map<string, Currency>): HTMLElement {
  if (campaigns.length === 0) return empty("No campaigns yet. When the charity arm opens one, it appears here.");
  const rows = campaigns.map((c) => {
    const currency = currencies.get(c.token) ?? { symbol: "?", decimals: 18 };
    const raised = c.donated + c.matched;
    const percent = c.goal === 0n ? 100 : Number((c.donated * 1000n) / c.goal) / 10;
    return el(
      "tr",
      { "data-campaign": c.campaignId.toString() },
      el("th", { scope: "row" }, `#${c.campaignId}`),
      el("td", {}, c.status),
      el(
        "td",
        {},
        el("progress", {
          max: "100",
          value: String(Math.min(100, percent)),
          "aria-label": `Campaign ${c.campaignId}: ${percent}% of goal`,
        }),
        el(
          "div",
          {},
          `${formatUnits(raised, currency.decimals)} ${currency.symbol} raised of ${formatUnits(c.goal, currency.decimals)} ${currency.symbol} (${percent}%)`,
        ),
        c.matched > 0n
          ? el("small", { class: "hint" }, `incl. ${formatUnits(c.matched, currency.decimals)} matched`)
          : null,
      ),
      el(
        "td",
        {},
        `${formatUnits(c.disbursed, currency.decimals)} paid out · ${formatUnits(c.held, currency.decimals)} held`,
      ),
      el("td", {}, formatTime(c.deadline)),
      el("td", {}, c.donationCount.toString()),
    );
  });
  return scrollTable(["Campaign", "Status", "Progress to goal", "Spending", "Deadline", "Donations"], rows);
}

function renderDonate(
  box: HTMLElement,
  context: PageContext,
  connection: Connection,
  vault: string,
  campaigns: readonly CharityCampaignInfo[],
  currencies: Map<string, Currency>,
): void {
  const heading2 = el("h2", { id: "donate-heading" }, "Donate");
  const open = campaigns.filter((c) => c.status === "Active");
  if (open.length === 0) {
    replace(box, heading2, empty("No campaign is accepting donations right now."));
    return;
  }
  if (connection.source !== "wallet") {
    replace(
      box,
      heading2,
      el("p", {}, "Donating needs a wallet; everything else on this page works without one."),
      el("button", { type: "button", onclick: () => void context.connectWallet() }, "Connect wallet to donate"),
    );
    return;
  }
  const select = el(
    "select",
    {},
    ...open.map((c) =>
      el(
        "option",
        { value: c.campaignId.toString() },
        `Campaign #${c.campaignId} (${currencies.get(c.token)?.symbol ?? "?"})`,
      ),
    ),
  );
  const amount = el("input", {
    type: "text",
    inputmode: "decimal",
    required: true,
    placeholder: "0.1",
    autocomplete: "off",
  });
  const result = el("div", { "aria-live": "polite" });
  const button = el("button", { type: "submit" }, "Donate");
  const form = el(
    "form",
    {
      onsubmit: (event: Event) => {
        event.preventDefault();
        void (async () => {
          const campaign = open.find((c) => c.campaignId.toString() === select.value);
          if (campaign === undefined) return;
          const currency = currencies.get(campaign.token) ?? { symbol: "?", decimals: 18 };
          let value: bigint;
          try {
            value = parseUnits(amount.value.trim(), currency.decimals);
          } catch {
            replace(result, errorBox("Not an amount", `"${amount.value}" is not an amount of ${currency.symbol}.`));
            return;
          }
          button.disabled = true;
          replace(result, loading("your donation"));
          try {
            const receipt = await donateToCampaign(await connection.signer(), vault, {
              campaignId: campaign.campaignId,
              amount: value,
            });
            replace(
              result,
              el(
                "div",
                { class: "state", role: "status", "data-state": "done" },
                el(
                  "strong",
                  {},
                  `Thank you: donation #${receipt.donationId} to campaign #${receipt.campaignId} recorded.`,
                ),
                el(
                  "p",
                  {},
                  `${formatUnits(receipt.amount, currency.decimals)} ${currency.symbol} arrived`,
                  receipt.matched > 0n ? `, matched with ${formatUnits(receipt.matched, currency.decimals)}` : "",
                  ". ",
                  txLink(connection.chainId, receipt.txHash),
                ),
              ),
            );
          } catch (error) {
            replace(
              result,
              errorBox("The donation did not go through", toBusanError(error, [CHARITY_VAULT_ABI]).shortMessage),
            );
          } finally {
            button.disabled = false;
          }
        })();
      },
    },
    field("donate-campaign", "Campaign", select),
    field("donate-amount", "Amount", amount, "In the campaign's currency, e.g. 0.25"),
    button,
  );
  replace(box, heading2, form, result);
}

function renderTrace(
  box: HTMLElement,
  connection: Connection,
  vault: string,
  initial: string,
  currencies: Map<string, Currency>,
): void {
  const input = el("input", {
    type: "text",
    value: initial,
    placeholder: "0x…",
    autocomplete: "off",
    spellcheck: "false",
  });
  const output = el("div", { "aria-live": "polite" });
  const run = async (): Promise<void> => {
    const donor = input.value.trim();
    if (!isAddress(donor)) {
      replace(output, errorBox("Not an address", "Enter the address that donated (0x followed by 40 hex digits)."));
      return;
    }
    replace(output, loading("the donation trace"));
    try {
      const trace = await traceDonor(connection.provider, vault, donor, { fromBlock: connection.fromBlock });
      for (const total of trace.totals) await currencyOf(connection.provider, total.token, currencies);
      replace(output, traceView(trace, connection.chainId, currencies));
    } catch (error) {
      const message = error instanceof BusanError ? error.shortMessage : toBusanError(error).shortMessage;
      replace(output, errorBox("Could not build the trace", message));
    }
  };
  const form = el(
    "form",
    {
      onsubmit: (event: Event) => {
        event.preventDefault();
        void run();
      },
    },
    field("trace-donor", "Donor address", input),
    el("button", { type: "submit" }, "Trace"),
  );
  replace(box, el("h2", { id: "trace-heading" }, "Where did my money go?"), form, output);
  if (initial !== "") void run();
}

function traceView(trace: DonationTrace, chainId: bigint, currencies: Map<string, Currency>): HTMLElement {
  if (trace.campaigns.length === 0) return empty(`No donations from ${shortAddress(trace.donor)} were found.`);
  const sections = trace.campaigns.map((campaign) => {
    const currency = currencies.get(campaign.token) ?? { symbol: "?", decimals: 18 };
    const fmt = (v: bigint): string => `${formatUnits(v, currency.decimals, currency.decimals)} ${currency.symbol}`;
    const byBeneficiary = new Map<string, bigint>();
    const rows: HTMLElement[] = [];
    for (const donation of campaign.donations) {
      rows.push(
        el(
          "tr",
          { class: "donation-row" },
          el("th", { scope: "row" }, `Donation #${donation.donationId}`),
          el("td", {}, fmt(donation.amount)),
          el("td", {}, "given"),
          el("td", {}, txLink(chainId, donation.txHash)),
        ),
      );
      for (const allocation of donation.allocations) {
        byBeneficiary.set(
          allocation.beneficiary,
          (byBeneficiary.get(allocation.beneficiary) ?? 0n) + allocation.amount,
        );
        rows.push(
          el(
            "tr",
            { "data-allocation": allocation.disbursementId.toString() },
            el("td", {}, `→ paid to ${shortAddress(allocation.beneficiary)}`),
            el("td", {}, fmt(allocation.amount)),
            el(
              "td",
              {},
              el(
                "span",
                { class: "mono", title: allocation.purposeHash },
                `purpose ${allocation.purposeHash.slice(0, 10)}…`,
              ),
              allocation.evidenceUri === ""
                ? null
                : el("div", {}, el("a", { href: allocation.evidenceUri, rel: "noopener" }, "evidence")),
            ),
            el("td", {}, txLink(chainId, allocation.executedTx)),
          ),
        );
      }
    }
    for (const refund of campaign.refunds) {
      rows.push(
        el(
          "tr",
          {},
          el("td", {}, refund.kind === "refund" ? "← refunded" : "← reclaimed (dormant)"),
          el("td", {}, fmt(refund.amount)),
          el("td", {}, ""),
          el("td", {}, txLink(chainId, refund.txHash)),
        ),
      );
    }
    const parts: [string, bigint, string][] = [
      ...[...byBeneficiary.entries()].map(([b, v], i): [string, bigint, string] => [
        `paid to ${shortAddress(b)}`,
        v,
        `var(--chart-${i % 4})`,
      ]),
      ["refunded", campaign.refunded, "var(--chart-refund)"],
      ["still held", campaign.held, "var(--chart-held)"],
    ];
    return el(
      "article",
      { class: "trace-campaign", "data-campaign": campaign.campaignId.toString() },
      el("h3", {}, `Campaign #${campaign.campaignId}: you gave ${fmt(campaign.contributed)}`),
      chart(parts, campaign.contributed, fmt),
      scrollTable(["", "Amount", "Purpose", "Transaction"], rows),
    );
  });
  return el("div", {}, ...sections, el("p", { class: "hint" }, TRACE_ROUNDING_RULE));
}

/** A stacked bar: how a contribution splits into payments, refunds and what is still held. */
function chart(parts: readonly [string, bigint, string][], total: bigint, fmt: (v: bigint) => string): HTMLElement {
  const bar = el("div", {
    class: "stacked-bar",
    role: "img",
    "aria-label": parts.map(([label, value]) => `${label}: ${fmt(value)}`).join("; "),
  });
  const legend = el("ul", { class: "legend" });
  for (const [label, value, color] of parts) {
    if (value === 0n) continue;
    const share = total === 0n ? 0 : Number((value * 10000n) / total) / 100;
    bar.append(el("span", { style: `width:${share}%;background:${color}`, title: `${label}: ${fmt(value)}` }));
    legend.append(
      el(
        "li",
        {},
        el("span", { class: "swatch", style: `background:${color}` }),
        `${label}: ${fmt(value)} (${share}%)`,
      ),
    );
  }
  return el("figure", { class: "chart" }, bar, el("figcaption", {}, legend));
}
