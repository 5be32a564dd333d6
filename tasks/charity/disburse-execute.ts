import { executeCharityDisbursement } from "../../sdk/charity/disburse.js";
import { cliAction } from "../common/action.js";
import { connectVault, parseId, type VaultArgs } from "./common.js";

interface ExecuteArgs extends VaultArgs {
  readonly id: string;
}

/** `npx hardhat charity disburse execute --id 3` */
export default cliAction(async (args: ExecuteArgs, hre) => {
  const disbursementId = parseId(args.id, "--id");
  const { suite, vault } = await connectVault(hre, args);
  const result = await executeCharityDisbursement(suite.signer, vault, disbursementId);
  console.log(
    `Executed disbursement ${disbursementId} of campaign ${result.campaignId}: ${result.payee} is owed ${result.amount} more base units (transaction ${result.txHash}).`,
  );
});
