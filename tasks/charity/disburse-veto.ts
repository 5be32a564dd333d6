import { id as keccakText } from "ethers";

import { vetoCharityDisbursement } from "../../sdk/charity/disburse.js";
import { InvalidInputError } from "../../sdk/errors.js";
import { cliAction } from "../common/action.js";
import { connectVault, parseId, type VaultArgs } from "./common.js";

interface VetoArgs extends VaultArgs {
  readonly id: string;
  readonly reason: string;
}

/** `npx hardhat charity disburse veto --id 3 --reason "invoice does not match the order"` */
export default cliAction(async (args: VetoArgs, hre) => {
  const disbursementId = parseId(args.id, "--id");
  if (args.reason.trim() === "") throw new InvalidInputError("--reason must say why the disbursement is vetoed.");
  const { suite, vault } = await connectVault(hre, args);
  const result = await vetoCharityDisbursement(suite.signer, vault, disbursementId, keccakText(args.reason));
  console.log(`Vetoed disbursement ${disbursementId} (transaction ${result.txHash}).`);
});
