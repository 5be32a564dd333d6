import type { ContractTransactionResponse, TransactionReceipt } from "ethers";

/** One recorded step of the demo: what happened, who did it, the transaction and its gas. */
export interface DemoStep {
  readonly chapter: string;
  readonly what: string;
  readonly who: string;
  readonly txHash: string | undefined;
  readonly gas: bigint;
}

/** Something a transaction returns: a response to wait for, or an already mined receipt. */
type Sent = ContractTransactionResponse | TransactionReceipt | null;

/**
 * The demo's narrator: records each step with its transaction and gas, prints it as it happens,
 * and summarises gas per chapter at the end.
 */
export class DemoReport {
  readonly steps: DemoStep[] = [];
  readonly #names = new Map<string, string>();
  #chapter = "";
  readonly #print: (line: string) => void;

  constructor(print: (line: string) => void = console.log) {
    this.#print = print;
  }

  /** Gives an address a human name used in the report. */
  name(address: string, label: string): void {
    this.#names.set(address.toLowerCase(), label);
  }

  /** The human name of an address, or the shortened address. */
  who(address: string): string {
    return this.#names.get(address.toLowerCase()) ?? `${address.slice(0, 6)}…${address.slice(-4)}`;
  }

  chapter(title: string): void {
    this.#chapter = title;
    this.#print("");
    this.#print(`== ${title} ==`);
  }

  /** Waits for a transaction, records it and prints one line. Fails the demo if it reverted. */
  async tx(what: string, actor: string, sent: Sent | Promise<Sent>): Promise<TransactionReceipt> {
    const resolved = await sent;
    const receipt = resolved !== null && "wait" in resolved ? await resolved.wait() : resolved;
    if (receipt === null || receipt.status !== 1) throw new Error(`Demo step failed: ${what}`);
    const step: DemoStep = {
      chapter: this.#chapter,
      what,
      who: this.who(actor),
      txHash: receipt.hash,
      gas: receipt.gasUsed,
    };
    this.steps.push(step);
    this.#print(
      `  ✓ ${what} — ${step.who} — tx ${receipt.hash.slice(0, 10)}… — ${receipt.gasUsed.toLocaleString("en-US")} gas`,
    );
    return receipt;
  }

  /** A step with no transaction (a check, a file written, an off-chain verification). */
  note(what: string, detail = ""): void {
    this.steps.push({ chapter: this.#chapter, what, who: "", txHash: undefined, gas: 0n });
    this.#print(`  • ${what}${detail === "" ? "" : ` — ${detail}`}`);
  }

  /** Gas per chapter, in order of first appearance. */
  gasByChapter(): { chapter: string; transactions: number; gas: bigint }[] {
    const rows = new Map<string, { chapter: string; transactions: number; gas: bigint }>();
    for (const step of this.steps) {
      const row = rows.get(step.chapter) ?? { chapter: step.chapter, transactions: 0, gas: 0n };
      if (step.txHash !== undefined) {
        row.transactions += 1;
        row.gas += step.gas;
      }
      rows.set(step.chapter, row);
    }
    return [...rows.values()];
  }

  printSummary(): void {
    this.#print("");
    this.#print("== Gas per step ==");
    let total = 0n;
    let count = 0;
    for (const row of this.gasByChapter()) {
      total += row.gas;
      count += row.transactions;
      this.#print(
        `  ${row.chapter.padEnd(44)} ${String(row.transactions).padStart(4)} tx ${row.gas.toLocaleString("en-US").padStart(14)} gas`,
      );
    }
    this.#print(
      `  ${"total".padEnd(44)} ${String(count).padStart(4)} tx ${total.toLocaleString("en-US").padStart(14)} gas`,
    );
  }
}
