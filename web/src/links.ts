import { explorerTxUrl } from "../../sdk/chains.js";
import { el } from "./ui.js";

/** A transaction hash, linked to the chain's explorer when it has one. */
export function txLink(chainId: bigint, hash: string): HTMLElement {
  const url = explorerTxUrl(chainId, hash);
  const text = `${hash.slice(0, 10)}…${hash.slice(-6)}`;
  return url === undefined
    ? el("code", { title: hash, "data-tx": hash }, text)
    : el("a", { href: url, rel: "noopener", target: "_blank", title: hash, "data-tx": hash }, text);
}
