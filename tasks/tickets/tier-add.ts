import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { InvalidInputError } from "../../sdk/errors.js";
import { ticketsAt } from "../../sdk/tickets/contract.js";
import { addTier } from "../../sdk/tickets/tiers.js";
import { cliAction } from "../common/action.js";
import {
  type TicketsTarget,
  connectTickets,
  currencyInfo,
  parseAmount,
  parseCurrency,
  parseTime,
  parseWhole,
} from "./common.js";

interface TierAddArgs extends TicketsTarget {
  readonly name: string;
  readonly image: string;
  readonly price: string;
  readonly currency: string;
  readonly supply: string;
  readonly saleStart: string;
  readonly saleEnd: string;
  readonly walletCap: string;
  readonly policy: string;
  readonly resaleCapBps: string;
  readonly refundable: boolean;
  readonly allowlistRoot: string;
  readonly graduateCourse: string;
}

const POLICIES: Record<string, number> = { free: 0, "resale-only": 1, soulbound: 2 };

/** `npx hardhat tickets tier add`: adds a tier (organiser) and sets its name and image. */
export default cliAction(async (args: TierAddArgs, hre: HardhatRuntimeEnvironment) => {
  if (args.name.trim() === "") throw new InvalidInputError("--name is required.");
  const policy = POLICIES[args.policy];
  if (policy === undefined)
    throw new InvalidInputError(`--policy must be free, resale-only or soulbound, not "${args.policy}".`);
  const root = args.allowlistRoot === "" ? `0x${"00".repeat(32)}` : args.allowlistRoot;
  if (!/^0x[0-9a-fA-F]{64}$/.test(root)) throw new InvalidInputError("--allowlist-root must be a 32-byte hex value.");
  const { suite, tickets } = await connectTickets(hre, args);
  const currency = parseCurrency(args.currency);
  const info = await currencyInfo(suite, currency);
  const eventInfo = await ticketsAt(tickets, suite.signer).eventInfo();
  const latest = await suite.ethers.provider.getBlock("latest");
  const saleStart = args.saleStart === "" ? BigInt(latest?.timestamp ?? 0) : parseTime(args.saleStart, "--sale-start");
  const saleEnd = args.saleEnd === "" ? eventInfo.start : parseTime(args.saleEnd, "--sale-end");
  const graduate = args.graduateCourse !== "";
  const { tierId, txHash } = await addTier(
    suite.signer,
    tickets,
    {
      price: parseAmount(args.price, info.decimals, "--price"),
      currency,
      supply: parseWhole(args.supply, "--supply", 1n),
      saleStart,
      saleEnd,
      perWalletCap: parseWhole(args.walletCap, "--wallet-cap"),
      policy,
      resaleCapBps: parseWhole(args.resaleCapBps, "--resale-cap-bps"),
      refundable: args.refundable,
      allowlistRoot: root,
      graduateOnly: graduate,
      courseId: graduate ? parseWhole(args.graduateCourse, "--graduate-course") : 0n,
    },
    { name: args.name, imageURI: args.image },
  );
  console.log(`Added tier ${tierId} "${args.name}" at ${args.price} ${info.symbol} (tx ${txHash}).`);
});
