import { isAddress, isHexString, type Signer } from "ethers";

import { InvalidInputError } from "../errors.js";
import { charityBigArg, charityVault, sendCharityTx, findCharityEvent } from "./contract.js";
import type { CharityTxResult } from "./campaign.js";

export interface CharityProposeInput {
  readonly campaignId: bigint;
  readonly payee: string;
  readonly amount: bigint;
  /** Hash of the invoice or purchase order. */
  readonly purposeHash: string;
  readonly evidenceUri: string;
}

/** Proposes a disbursement (disburser role); returns its id and when it becomes executable. */
export async function proposeCharityDisbursement(
  signer: Signer,
  vault: string,
  input: CharityProposeInput,
): Promise<CharityTxResult & { disbursementId: bigint; executableAt: bigint }> {
  const shown: string = input.payee;
  if (!isAddress(input.payee)) throw new InvalidInputError(`The payee ${shown} is not an address.`);
  if (!isHexString(input.purposeHash, 32)) throw new InvalidInputError("The purpose hash must be 32 bytes of hex.");
  if (input.amount <= 0n) throw new InvalidInputError("The amount must be more than zero.");
  const contract = charityVault(vault, signer);
  const receipt = await sendCharityTx(
    () =>
      contract.proposeDisbursement(input.campaignId, input.payee, input.amount, input.purposeHash, input.evidenceUri),
    "disbursement proposal",
  );
  const args = findCharityEvent(contract, receipt, "DisbursementProposed");
  return {
    disbursementId: charityBigArg(args, 0),
    executableAt: charityBigArg(args, 6),
    txHash: receipt.hash,
    blockNumber: receipt.blockNumber,
  };
}

/** Vetoes a disbursement during its challenge window (guardian role). */
export async function vetoCharityDisbursement(
  signer: Signer,
  vault: string,
  disbursementId: bigint,
  reasonHash: string,
): Promise<CharityTxResult> {
  if (!isHexString(reasonHash, 32)) throw new InvalidInputError("The reason hash must be 32 bytes of hex.");
  const contract = charityVault(vault, signer);
  const receipt = await sendCharityTx(() => contract.vetoDisbursement(disbursementId, reasonHash), "veto");
  findCharityEvent(contract, receipt, "DisbursementVetoed");
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

/** Executes a disbursement after its challenge window (anyone). */
export async function executeCharityDisbursement(
  signer: Signer,
  vault: string,
  disbursementId: bigint,
): Promise<CharityTxResult & { payee: string; amount: bigint; campaignId: bigint }> {
  const contract = charityVault(vault, signer);
  const receipt = await sendCharityTx(() => contract.executeDisbursement(disbursementId), "disbursement execution");
  const args = findCharityEvent(contract, receipt, "DisbursementExecuted");
  return {
    campaignId: charityBigArg(args, 1),
    payee: String(args[2]),
    amount: charityBigArg(args, 3),
    txHash: receipt.hash,
    blockNumber: receipt.blockNumber,
  };
}
