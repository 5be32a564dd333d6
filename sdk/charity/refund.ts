import type { ContractTransactionReceipt, Signer } from "ethers";

import { BusanError } from "../errors.js";
import { bigArg, charityVault, sendVaultTx } from "./contract.js";
import type { TxResult } from "./campaign.js";

/** A refund (Failed or Cancelled campaign) or a dormant reclaim (Closed campaign). */
export interface RefundReceipt extends TxResult {
  readonly kind: "refund" | "dormant-reclaim";
  readonly amount: bigint;
}

/** Claims the signer's refund or dormant share of a campaign. */
export async function refund(signer: Signer, vault: string, campaignId: bigint): Promise<RefundReceipt> {
  const contract = charityVault(vault, signer);
  const receipt: ContractTransactionReceipt = await sendVaultTx(() => contract.refund(campaignId), "refund");
  for (const log of receipt.logs) {
    const parsed = contract.interface.parseLog(log);
    if (parsed?.name === "Refunded" || parsed?.name === "DormantReclaimed") {
      return {
        kind: parsed.name === "Refunded" ? "refund" : "dormant-reclaim",
        amount: bigArg(parsed.args, 2),
        txHash: receipt.hash,
        blockNumber: receipt.blockNumber,
      };
    }
  }
  throw new BusanError(`The refund transaction ${receipt.hash} did not emit a refund event.`);
}
