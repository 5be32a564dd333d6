import { type ContractRunner, isAddress, isHexString, type Signer } from "ethers";

import { InvalidInputError } from "../errors.js";
import {
  BENEFICIARY_STATUSES,
  type BeneficiaryStatusName,
  charityVault,
  enumName,
  sendVaultTx,
  vaultEvent,
} from "./contract.js";
import type { TxResult } from "./campaign.js";

/** What `charity beneficiary add|verify|suspend` can do. */
export type BeneficiaryAction = "add" | "verify" | "suspend";

const EVENTS: Record<BeneficiaryAction, string> = {
  add: "BeneficiaryAdded",
  verify: "BeneficiaryVerified",
  suspend: "BeneficiarySuspended",
};

/**
 * Registers (`add`, with the vetting documents' hash), verifies or suspends (with the reason's
 * hash) a beneficiary. Needs the beneficiary manager role.
 */
export async function changeBeneficiary(
  signer: Signer,
  vault: string,
  action: BeneficiaryAction,
  account: string,
  documentHash: string,
): Promise<TxResult> {
  const shown: string = account;
  if (!isAddress(account)) throw new InvalidInputError(`The beneficiary ${shown} is not an address.`);
  if (!isHexString(documentHash, 32)) throw new InvalidInputError("The document hash must be 32 bytes of hex.");
  const contract = charityVault(vault, signer);
  const receipt = await sendVaultTx(
    () =>
      action === "add"
        ? contract.addBeneficiary(account, documentHash)
        : action === "verify"
          ? contract.verifyBeneficiary(account, documentHash)
          : contract.suspendBeneficiary(account, documentHash),
    `beneficiary ${action}`,
  );
  vaultEvent(contract, receipt, EVENTS[action]);
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

/** A beneficiary's status and vetting hash. */
export async function getBeneficiary(
  runner: ContractRunner,
  vault: string,
  account: string,
): Promise<{ status: BeneficiaryStatusName | `Unknown(${string})`; vettingHash: string }> {
  const [status, vettingHash] = await charityVault(vault, runner).beneficiaryOf(account);
  return { status: enumName(BENEFICIARY_STATUSES, status), vettingHash };
}
