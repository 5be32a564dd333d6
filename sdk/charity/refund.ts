import type { ContractTransactionReceipt, Signer } from "ethers";

import { BusanError } from "../errors.js";
import { charityBigArg, charityVault, sendCharityTx } from "./contract.js";
import type { CharityTxResult } from "./campaign.js";

/** A refund (Failed or Cancelled campaign) or a dormant reclaim (Closed campaign). */
export interface CharityRefundReceipt extends CharityTxResult {
  readonly kind: "refund" | "dormant-reclaim";
  readonly amount: bigint;
}

/** Claims the signer's refund or dormant share of a campaign. */
export async function claimCharityRefund(
  signer: Signer,
  vault: string,
  campaignId: bigint,
): Promise<CharityRefundReceipt> {
  const contract = charityVault(vault, signer);
  const receipt: ContractTransactionReceipt = await sendCharityTx(() => contract.refund(campaignId), "refund");
  for (const log of receipt.logs) {
    const parsed = contract.interface.parseLog(log);
    if (parsed?.name === "Refunded" || parsed?.name === "DormantReclaimed") {
      return {
        kind: parsed.name === "Refunded" ? "refund" : "dormant-reclaim",
        amount: charityBigArg(parsed.args, 2),
        txHash: receipt.hash,
        blockNumber: receipt.blockNumber,
      };
    }
  }
  throw new BusanError(`The refund transaction ${receipt.hash} did not emit a refund event.`);
}
