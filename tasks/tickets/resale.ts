import { ZeroAddress } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { ticketsAt, tierOfToken } from "../../sdk/tickets/contract.js";
import { buyListing, cancelListing, listForResale, withdrawResaleProceeds } from "../../sdk/tickets/resale.js";
import { cliAction } from "../common/action.js";
import { type TicketsTarget, connectTickets, currencyInfo, formatAmount, parseAmount, parseWhole } from "./common.js";

interface ResaleTokenArgs extends TicketsTarget {
  readonly tokenId: string;
}

interface ResaleListArgs extends ResaleTokenArgs {
  readonly price: string;
}

/** `npx hardhat tickets resale list --token-id N --price P`: lists a held ticket (at most its cap). */
export const list = cliAction(async (args: ResaleListArgs, hre: HardhatRuntimeEnvironment) => {
  const tokenId = parseWhole(args.tokenId, "--token-id", 1n);
  const { suite, tickets } = await connectTickets(hre, args);
  const contract = ticketsAt(tickets, suite.signer);
  const info = await currencyInfo(suite, (await contract.tier(tierOfToken(tokenId))).currency);
  const price =
    args.price === "" ? await contract.resaleCap(tokenId) : parseAmount(args.price, info.decimals, "--price");
  const { txHash } = await listForResale(suite.signer, tickets, tokenId, price);
  console.log(`Listed ticket ${tokenId} for ${formatAmount(price, info)} (tx ${txHash}).`);
});

/** `npx hardhat tickets resale buy --token-id N`: buys a listed ticket at its price. */
export const buy = cliAction(async (args: ResaleTokenArgs, hre: HardhatRuntimeEnvironment) => {
  const tokenId = parseWhole(args.tokenId, "--token-id", 1n);
  const { suite, tickets } = await connectTickets(hre, args);
  const r = await buyListing(suite.signer, tickets, tokenId);
  const info = await currencyInfo(suite, (await ticketsAt(tickets, suite.signer).tier(tierOfToken(tokenId))).currency);
  console.log(
    `Bought ticket ${tokenId} for ${formatAmount(r.price, info)} from ${r.seller} (royalty ${formatAmount(r.royalty, info)}, tx ${r.txHash}).`,
  );
});

/** `npx hardhat tickets resale cancel --token-id N`: withdraws the signer's listing. */
export const cancel = cliAction(async (args: ResaleTokenArgs, hre: HardhatRuntimeEnvironment) => {
  const tokenId = parseWhole(args.tokenId, "--token-id", 1n);
  const { suite, tickets } = await connectTickets(hre, args);
  const { txHash } = await cancelListing(suite.signer, tickets, tokenId);
  console.log(`Listing of ticket ${tokenId} cancelled (tx ${txHash}).`);
});

/** `npx hardhat tickets resale withdraw`: pays the signer the ETH their sold listings earned. */
export const withdraw = cliAction(async (args: TicketsTarget, hre: HardhatRuntimeEnvironment) => {
  const { suite, tickets } = await connectTickets(hre, args);
  const { amount, txHash } = await withdrawResaleProceeds(suite.signer, tickets);
  const info = await currencyInfo(suite, ZeroAddress);
  console.log(`Withdrew ${formatAmount(amount, info)} of resale proceeds to ${suite.signer.address} (tx ${txHash}).`);
});
