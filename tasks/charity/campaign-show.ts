import { getCharityCampaign } from "../../sdk/charity/campaign.js";
import { cliAction } from "../common/action.js";
import { connectVault, parseId, showAmount, toJson, tokenDecimals, type VaultArgs } from "./common.js";

interface ShowArgs extends VaultArgs {
  readonly campaign: string;
  readonly json: boolean;
}

/** `npx hardhat charity campaign show --campaign 1 [--json]` */
export default cliAction(async (args: ShowArgs, hre) => {
  const campaignId = parseId(args.campaign, "--campaign");
  const { suite, vault } = await connectVault(hre, args);
  const info = await getCharityCampaign(suite.ethers.provider, vault, campaignId);
  if (args.json) {
    console.log(toJson(info));
    return;
  }
  const decimals = await tokenDecimals(suite.ethers.provider, info.token);
  const show = (amount: bigint) => showAmount(amount, decimals, info.token);
  console.log(
    `Campaign ${campaignId}: ${info.status} (${info.allOrNothing ? "all-or-nothing" : "keep what is raised"})`,
  );
  console.log(`  goal       ${show(info.goal)}${info.hardCap === 0n ? "" : `, hard cap ${show(info.hardCap)}`}`);
  console.log(`  deadline   ${new Date(Number(info.deadline) * 1000).toISOString()}`);
  console.log(`  disburse by ${new Date(Number(info.disbursementDeadline) * 1000).toISOString()}`);
  console.log(`  donated    ${show(info.donated)} in ${info.donationCount} donations`);
  console.log(`  matched    ${show(info.matched)}`);
  console.log(`  refunded   ${show(info.refunded)}`);
  console.log(`  disbursed  ${show(info.disbursed)}`);
  console.log(`  held       ${show(info.held)}`);
});
