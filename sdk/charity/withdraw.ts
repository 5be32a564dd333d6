import type { Signer } from "ethers";

import { bigArg, charityVault, sendVaultTx, vaultEvent } from "./contract.js";
import type { TxResult } from "./campaign.js";

/** Withdraws everything the signer (a beneficiary) is owed in `token` (`ZeroAddress` = native). */
export async function withdrawOwed(
  signer: Signer,
  vault: string,
  token: string,
): Promise<TxResult & { amount: bigint }> {
  const contract = charityVault(vault, signer);
  const receipt = await sendVaultTx(() => contract.withdraw(token), "withdrawal");
  const args = vaultEvent(contract, receipt, "Withdrawn");
  return { amount: bigArg(args, 2), txHash: receipt.hash, blockNumber: receipt.blockNumber };
}
