import { expect } from "chai";

import type { Budget } from "../../scripts/bench/budgets.js";
import { evaluate, renderMarkdown } from "../../scripts/bench/report.js";

const budgets: Record<string, Budget> = {
  "a: transfer": { domain: "a", limit: 21_000, per: "tx" },
  "a: batch": { domain: "a", limit: 5_000, per: "item", anchor: "9,000 (other)" },
  "b: other": { domain: "b", limit: 1, per: "tx" },
};

describe("gas benchmark report", () => {
  it("passes operations within budget, checking per-item budgets per item", () => {
    const { rows, problems } = evaluate(
      [
        { operation: "a: transfer", gas: 21_000n, items: 1 },
        { operation: "a: batch", gas: 500_000n, items: 100 },
      ],
      budgets,
    );
    expect(problems).to.deep.equal([]);
    expect(rows.map((r) => r.checked)).to.deep.equal([21_000n, 5_000n]);
  });

  it("fails an operation one gas over its budget", () => {
    const { problems } = evaluate([{ operation: "a: transfer", gas: 21_001n, items: 1 }], budgets);
    expect(problems).to.include('"a: transfer" costs 21,001 gas, over its budget of 21,000.');
  });

  it("fails an unbudgeted operation and a budgeted one left unmeasured in a measured domain", () => {
    const { problems } = evaluate(
      [
        { operation: "a: new thing", gas: 1n, items: 1 },
        { operation: "a: transfer", gas: 1n, items: 1 },
      ],
      budgets,
    );
    expect(problems).to.include('"a: new thing" has no budget in scripts/bench/budgets.ts.');
    expect(problems).to.include('"a: batch" has a budget but was not measured.');
    // Domain b was not measured at all, so its budget is not reported missing.
    expect(problems.some((p) => p.includes("b: other"))).to.equal(false);
  });

  it("renders a Markdown table with the anchor figure", () => {
    const { rows } = evaluate([{ operation: "a: batch", gas: 600_000n, items: 100 }], budgets);
    const markdown = renderMarkdown(rows, "# Gas");
    expect(markdown).to.contain("| a: batch | 600,000 | 100 | 6,000 | 5,000 /item | 9,000 (other) | **NO** |");
  });
});
