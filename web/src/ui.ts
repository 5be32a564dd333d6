/** Minimal DOM helpers: the portal has no framework runtime (see docs/web.md for why). */

type Child = Node | string | number | bigint | null | undefined | false;
type Attributes = Record<string, string | number | boolean | EventListener | undefined>;

/** Creates an element with attributes (`on…` keys become listeners) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, "");
    else node.setAttribute(name, String(value));
  }
  append(node, ...children);
  return node;
}

/** Appends children, skipping empty ones; text is always inserted as text, never as HTML. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** The three states every page shows while it works: loading, empty, error. */
export function loading(what: string): HTMLElement {
  return el("p", { class: "state state-loading", role: "status", "data-state": "loading" }, `Loading ${what}…`);
}

export function empty(message: string, hint: Child = null): HTMLElement {
  return el("div", { class: "state state-empty", role: "status", "data-state": "empty" }, el("p", {}, message), hint);
}

export function errorBox(title: string, message: string): HTMLElement {
  return el(
    "div",
    { class: "state state-error", role: "alert", "data-state": "error" },
    el("strong", {}, title),
    el("p", {}, message),
  );
}

/** A labelled form field: label, input and an optional hint, linked for screen readers. */
export function field(
  id: string,
  label: string,
  input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  hint = "",
): HTMLElement {
  input.id = id;
  const hintNode = hint === "" ? null : el("small", { id: `${id}-hint`, class: "hint" }, hint);
  if (hintNode !== null) input.setAttribute("aria-describedby", `${id}-hint`);
  return el("div", { class: "field" }, el("label", { for: id }, label), input, hintNode);
}

/** `0x1234…abcd`. */
export function shortAddress(address: string): string {
  return address.length <= 12 ? address : `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** A wei amount as a decimal string with up to `decimals` digits, e.g. 1.5 for 1.5e18. */
export function formatUnits(amount: bigint, decimals = 18, maxFraction = 6): string {
  const negative = amount < 0n;
  const value = negative ? -amount : amount;
  const base = 10n ** BigInt(decimals);
  const whole = value / base;
  const fraction = (value % base).toString().padStart(decimals, "0").slice(0, maxFraction).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole.toLocaleString("en-US")}${fraction === "" ? "" : `.${fraction}`}`;
}

/** A unix timestamp (seconds) as a readable UTC date and time. */
export function formatTime(seconds: bigint | number): string {
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A horizontally scrollable table (phones) with column headers and the given body rows. */
export function scrollTable(headers: readonly string[], rows: readonly HTMLElement[]): HTMLElement {
  return el(
    "div",
    { class: "table-scroll" },
    el(
      "table",
      { class: "table" },
      el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, ...rows),
    ),
  );
}
