import { charityVault } from "../../sdk/charity/contract.js";
import { fundCharityMatching } from "../../sdk/charity/matching.js";
import { InvalidInputError } from "../../sdk/errors.js";
import { cliAction } from "../common/action.js";
import { connectVault, parseAmount, parseId, showAmount, tokenDecimals, type VaultArgs } from "./common.js";

interface FundArgs extends VaultArgs {
  readonly campaign: string;
  readonly amount: string;
  readonly ratio: string;
}

/** `npx hardhat charity match fund --campaign 1 --amount 100 --ratio 10000` */
export default cliAction(async (args: FundArgs, hre) => {
  const campaignId = parseId(args.campaign, "--campaign");
  if (!/^[0-9]+$/.test(args.ratio.trim()))
    throw new InvalidInputError(`--ratio must be basis points, not "${args.ratio}".`);
  const ratioBps = Number(args.ratio.trim());
  const { suite, vault } = await connectVault(hre, args);
  const token = await charityVault(vault, suite.ethers.provider).campaignToken(campaignId);
  const decimals = await tokenDecimals(suite.ethers.provider, token);
  const amount = parseAmount(args.amount, decimals, "--amount");
  const result = await fundCharityMatching(suite.signer, vault, { campaignId, amount, ratioBps });
  console.log(
    `Matching pool of ${showAmount(result.pool, decimals, token)} at ${ratioBps / 100}% funded for campaign ${campaignId} (transaction ${result.txHash}).`,
  );
});
