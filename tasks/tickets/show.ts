import { ZeroAddress } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { ticketsAt, tierOfToken } from "../../sdk/tickets/contract.js";
import { cliAction } from "../common/action.js";
import { type TicketsTarget, connectTickets, currencyInfo, formatAmount, formatTime, parseWhole } from "./common.js";

interface ShowArgs extends TicketsTarget {
  readonly tokenId: string;
}

/** `npx hardhat tickets show [--token-id N]`: the event, or one ticket's holder, price and status. */
export default cliAction(async (args: ShowArgs, hre: HardhatRuntimeEnvironment) => {
  const { suite, tickets } = await connectTickets(hre, args);
  const contract = ticketsAt(tickets, suite.signer);
  if (args.tokenId === "") {
    const info = await contract.eventInfo();
    const eth = await currencyInfo(suite, ZeroAddress);
    console.log(`${await contract.name()} (${tickets})`);
    console.log(
      `  ${formatTime(info.start)} to ${formatTime(info.end)}, settlement from ${formatTime(info.end + info.gracePeriod)}`,
    );
    console.log(`  organiser ${info.organiser}, treasury ${info.treasury}`);
    console.log(`  tiers: ${await contract.tierCount()}, cancelled: ${await contract.cancelled()}`);
    console.log(`  escrowed: ${formatAmount(await contract.escrowed(ZeroAddress), eth)}`);
    return;
  }
  const tokenId = parseWhole(args.tokenId, "--token-id", 1n);
  const holder = await contract.ownerOf(tokenId).catch(() => ZeroAddress);
  if (holder === ZeroAddress) {
    console.log(`Ticket ${tokenId} does not exist (never minted or refunded).`);
    return;
  }
  const [, pricePaid] = await contract.ticket(tokenId);
  const tier = await contract.tier(tierOfToken(tokenId));
  const info = await currencyInfo(suite, tier.currency);
  const listing = await contract.listing(tokenId);
  console.log(`Ticket ${tokenId} (tier ${tierOfToken(tokenId)})`);
  console.log(`  holder: ${holder}`);
  console.log(
    `  price paid: ${formatAmount(pricePaid, info)}; resale cap ${formatAmount(await contract.resaleCap(tokenId), info)}`,
  );
  console.log(`  checked in: ${await contract.checkedIn(tokenId)}; locked: ${await contract.locked(tokenId)}`);
  console.log(
    listing.seller === ZeroAddress
      ? "  not listed"
      : `  listed for ${formatAmount(listing.price, info)} by ${listing.seller}`,
  );
});
