import { ethers as ethersLib } from "ethers";

import { createCharityCampaign } from "../../sdk/charity/campaign.js";
import { InvalidInputError } from "../../sdk/errors.js";
import { cliAction } from "../common/action.js";
import { parseAddress } from "../common/connect.js";
import {
  connectVault,
  parseAmount,
  parseTime,
  parseToken,
  sha256File,
  tokenDecimals,
  type VaultArgs,
} from "./common.js";

interface CreateArgs extends VaultArgs {
  readonly token: string;
  readonly goal: string;
  readonly cap: string;
  readonly deadline: string;
  readonly disbursementDeadline: string;
  readonly keep: boolean;
  readonly beneficiaries: string;
  readonly details: string;
}

/** `npx hardhat charity campaign create --goal 10 --deadline +30d --disbursement-deadline +365d --beneficiaries 0x…,0x…` */
export default cliAction(async (args: CreateArgs, hre) => {
  const token = parseToken(args.token);
  const beneficiaries = args.beneficiaries
    .split(",")
    .map((b) => b.trim())
    .filter((b) => b !== "")
    .map((b) => parseAddress(b, "--beneficiaries"));
  if (beneficiaries.length === 0) throw new InvalidInputError("--beneficiaries must list at least one address.");
  const { suite, vault } = await connectVault(hre, args);
  const decimals = await tokenDecimals(suite.ethers.provider, token);
  const latest = await suite.ethers.provider.getBlock("latest");
  const now = latest?.timestamp ?? Math.floor(Date.now() / 1000);
  const detailsHash = args.details === "" ? ethersLib.ZeroHash : await sha256File(args.details);
  const result = await createCharityCampaign(suite.signer, vault, {
    token,
    goal: parseAmount(args.goal, decimals, "--goal"),
    hardCap: args.cap === "" ? 0n : parseAmount(args.cap, decimals, "--cap"),
    deadline: parseTime(args.deadline, "--deadline", now),
    disbursementDeadline: parseTime(args.disbursementDeadline, "--disbursement-deadline", now),
    allOrNothing: !args.keep,
    beneficiaries,
    detailsHash,
  });
  console.log(`Created campaign ${result.campaignId} in transaction ${result.txHash}.`);
});
