import { donateToCampaign } from "../../sdk/charity/donate.js";
import { cliAction } from "../common/action.js";
import { parseAddress } from "../common/connect.js";
import { connectVault, parseAmount, parseId, showAmount, tokenDecimals, type VaultArgs } from "./common.js";
import { charityVault } from "../../sdk/charity/contract.js";

interface DonateArgs extends VaultArgs {
  readonly campaign: string;
  readonly amount: string;
  readonly donor: string;
}

/** `npx hardhat charity donate --campaign 1 --amount 0.5 [--donor 0x…]` */
export default cliAction(async (args: DonateArgs, hre) => {
  const campaignId = parseId(args.campaign, "--campaign");
  const donor = args.donor === "" ? undefined : parseAddress(args.donor, "--donor");
  const { suite, vault } = await connectVault(hre, args);
  const token = await charityVault(vault, suite.ethers.provider).campaignToken(campaignId);
  const decimals = await tokenDecimals(suite.ethers.provider, token);
  const amount = parseAmount(args.amount, decimals, "--amount");
  const receipt = await donateToCampaign(suite.signer, vault, {
    campaignId,
    amount,
    ...(donor === undefined ? {} : { donor }),
  });
  console.log(
    `Donation ${receipt.donationId} to campaign ${campaignId}: ${showAmount(receipt.amount, decimals, token)} credited to ${receipt.donor}` +
      `${receipt.matched === 0n ? "" : `, matched with ${showAmount(receipt.matched, decimals, token)}`} (transaction ${receipt.txHash}).`,
  );
});
