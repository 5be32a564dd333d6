import { type ContractRunner, isAddress, isHexString, type Signer } from "ethers";

import { InvalidInputError } from "../errors.js";
import {
  CHARITY_BENEFICIARY_STATUSES,
  type CharityBeneficiaryStatus,
  charityVault,
  charityEnumName,
  sendCharityTx,
  findCharityEvent,
} from "./contract.js";
import type { CharityTxResult } from "./campaign.js";

/** What `charity beneficiary add|verify|suspend` can do. */
export type CharityBeneficiaryAction = "add" | "verify" | "suspend";

const EVENTS: Record<CharityBeneficiaryAction, string> = {
  add: "BeneficiaryAdded",
  verify: "BeneficiaryVerified",
  suspend: "BeneficiarySuspended",
};

/**
 * Registers (`add`, with the vetting documents' hash), verifies or suspends (with the reason's
 * hash) a beneficiary. Needs the beneficiary manager role.
 */
export async function changeCharityBeneficiary(
  signer: Signer,
  vault: string,
  action: CharityBeneficiaryAction,
  account: string,
  documentHash: string,
): Promise<CharityTxResult> {
  const shown: string = account;
  if (!isAddress(account)) throw new InvalidInputError(`The beneficiary ${shown} is not an address.`);
  if (!isHexString(documentHash, 32)) throw new InvalidInputError("The document hash must be 32 bytes of hex.");
  const contract = charityVault(vault, signer);
  const receipt = await sendCharityTx(
    () =>
      action === "add"
        ? contract.addBeneficiary(account, documentHash)
        : action === "verify"
          ? contract.verifyBeneficiary(account, documentHash)
          : contract.suspendBeneficiary(account, documentHash),
    `beneficiary ${action}`,
  );
  findCharityEvent(contract, receipt, EVENTS[action]);
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

/** A beneficiary's status and vetting hash. */
export async function getCharityBeneficiary(
  runner: ContractRunner,
  vault: string,
  account: string,
): Promise<{ status: CharityBeneficiaryStatus | `Unknown(${string})`; vettingHash: string }> {
  const [status, vettingHash] = await charityVault(vault, runner).beneficiaryOf(account);
  return { status: charityEnumName(CHARITY_BENEFICIARY_STATUSES, status), vettingHash };
}
