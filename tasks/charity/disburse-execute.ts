import { charityVault } from "../../sdk/charity/contract.js";
import { executeCharityDisbursement } from "../../sdk/charity/disburse.js";
import { cliAction } from "../common/action.js";
import { connectVault, parseId, showAmount, tokenDecimals, type VaultArgs } from "./common.js";

interface ExecuteArgs extends VaultArgs {
  readonly id: string;
}

/** `npx hardhat charity disburse execute --id 3` */
export default cliAction(async (args: ExecuteArgs, hre) => {
  const disbursementId = parseId(args.id, "--id");
  const { suite, vault } = await connectVault(hre, args);
  const result = await executeCharityDisbursement(suite.signer, vault, disbursementId);
  const token = await charityVault(vault, suite.ethers.provider).campaignToken(result.campaignId);
  const decimals = await tokenDecimals(suite.ethers.provider, token);
  console.log(
    `Executed disbursement ${disbursementId} of campaign ${result.campaignId}: ${result.payee} can now withdraw ${showAmount(result.amount, decimals, token)} more (transaction ${result.txHash}).`,
  );
});
