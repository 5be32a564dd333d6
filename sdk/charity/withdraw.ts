import type { Signer } from "ethers";

import { charityBigArg, charityVault, sendCharityTx, findCharityEvent } from "./contract.js";
import type { CharityTxResult } from "./campaign.js";

/** Withdraws everything the signer (a beneficiary) is owed in `token` (`ZeroAddress` = native). */
export async function withdrawCharityPayout(
  signer: Signer,
  vault: string,
  token: string,
): Promise<CharityTxResult & { amount: bigint }> {
  const contract = charityVault(vault, signer);
  const receipt = await sendCharityTx(() => contract.withdraw(token), "withdrawal");
  const args = findCharityEvent(contract, receipt, "Withdrawn");
  return { amount: charityBigArg(args, 2), txHash: receipt.hash, blockNumber: receipt.blockNumber };
}
