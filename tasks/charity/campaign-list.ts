import { listCharityCampaigns } from "../../sdk/charity/campaign.js";
import { cliAction } from "../common/action.js";
import { connectVault, showAmount, toJson, tokenDecimals, type VaultArgs } from "./common.js";

interface ListArgs extends VaultArgs {
  readonly json: boolean;
}

/** `npx hardhat charity campaign list [--json]` */
export default cliAction(async (args: ListArgs, hre) => {
  const { suite, vault } = await connectVault(hre, args);
  const campaigns = await listCharityCampaigns(suite.ethers.provider, vault);
  if (args.json) {
    console.log(toJson(campaigns));
    return;
  }
  if (campaigns.length === 0) {
    console.log("No campaigns yet.");
    return;
  }
  for (const c of campaigns) {
    const decimals = await tokenDecimals(suite.ethers.provider, c.token);
    console.log(
      `#${c.campaignId} ${c.status.padEnd(9)} donated ${showAmount(c.donated, decimals, c.token)} of ${showAmount(c.goal, decimals, c.token)}, held ${showAmount(c.held, decimals, c.token)}`,
    );
  }
});
