import { charityVault } from "../../sdk/charity/contract.js";
import { claimCharityRefund } from "../../sdk/charity/refund.js";
import { cliAction } from "../common/action.js";
import { connectVault, parseId, showAmount, tokenDecimals, type VaultArgs } from "./common.js";

interface RefundArgs extends VaultArgs {
  readonly campaign: string;
}

/** `npx hardhat charity refund --campaign 1` */
export default cliAction(async (args: RefundArgs, hre) => {
  const campaignId = parseId(args.campaign, "--campaign");
  const { suite, vault } = await connectVault(hre, args);
  const token = await charityVault(vault, suite.ethers.provider).campaignToken(campaignId);
  const decimals = await tokenDecimals(suite.ethers.provider, token);
  const result = await claimCharityRefund(suite.signer, vault, campaignId);
  const what = result.kind === "refund" ? "Refunded" : "Reclaimed dormant funds:";
  console.log(
    `${what} ${showAmount(result.amount, decimals, token)} to ${suite.signer.address} (transaction ${result.txHash}).`,
  );
});
