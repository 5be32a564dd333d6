import type { Budget } from "./budgets.js";
import type { Measurement } from "./types.js";

/** One row of the gas report. */
export interface ReportRow {
  readonly operation: string;
  readonly domain: string;
  readonly gas: bigint;
  readonly items: number;
  readonly perItem: bigint;
  readonly budget: Budget | undefined;
  /** The figure compared with the budget (total or per item). */
  readonly checked: bigint;
  readonly ok: boolean;
}

/** Problems that make the benchmark fail, each a sentence. */
export interface Evaluation {
  readonly rows: ReportRow[];
  readonly problems: string[];
}

/**
 * Compares measurements with budgets. A measurement without a budget, a budget of a measured
 * domain without a measurement, and an operation over its budget are all failures.
 */
export function evaluate(measurements: readonly Measurement[], budgets: Readonly<Record<string, Budget>>): Evaluation {
  const problems: string[] = [];
  const rows: ReportRow[] = [];
  const measuredDomains = new Set<string>();
  for (const m of measurements) {
    const budget = budgets[m.operation];
    if (m.items < 1 || !Number.isInteger(m.items)) problems.push(`"${m.operation}" reports ${m.items} items.`);
    const items = Math.max(1, Math.trunc(m.items));
    const perItem = m.gas / BigInt(items);
    const checked = budget?.per === "item" ? perItem : m.gas;
    const ok = budget !== undefined && checked <= BigInt(budget.limit);
    if (budget === undefined) problems.push(`"${m.operation}" has no budget in scripts/bench/budgets.ts.`);
    else {
      measuredDomains.add(budget.domain);
      if (!ok) {
        problems.push(
          `"${m.operation}" costs ${checked.toLocaleString("en-US")} gas${budget.per === "item" ? " per item" : ""}, over its budget of ${budget.limit.toLocaleString("en-US")}.`,
        );
      }
    }
    rows.push({
      operation: m.operation,
      domain: budget?.domain ?? "?",
      gas: m.gas,
      items,
      perItem,
      budget,
      checked,
      ok,
    });
  }
  const seen = new Set(measurements.map((m) => m.operation));
  for (const [operation, budget] of Object.entries(budgets)) {
    if (measuredDomains.has(budget.domain) && !seen.has(operation)) {
      problems.push(`"${operation}" has a budget but was not measured.`);
    }
  }
  return { rows, problems };
}

const fmt = (value: bigint | number): string => value.toLocaleString("en-US");

/** The report as a Markdown table (also readable in a terminal). */
export function renderMarkdown(rows: readonly ReportRow[], header: string): string {
  const lines = [
    header,
    "",
    "| operation | gas | items | gas per item | budget | anchor | within budget |",
    "|---|---:|---:|---:|---:|---|:---:|",
  ];
  for (const row of rows) {
    const budget =
      row.budget === undefined ? "—" : `${fmt(row.budget.limit)}${row.budget.per === "item" ? " /item" : ""}`;
    lines.push(
      `| ${row.operation} | ${fmt(row.gas)} | ${row.items} | ${fmt(row.perItem)} | ${budget} | ${row.budget?.anchor ?? "—"} | ${row.ok ? "yes" : "**NO**"} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
