import type { ContractRunner, ContractTransactionReceipt, ContractTransactionResponse } from "ethers";

import type { CharityVault } from "../../typechain-types/charity/CharityVault.js";
import { CharityVault__factory } from "../../typechain-types/factories/charity/CharityVault__factory.js";
import { BusanError } from "../errors.js";
import { toBusanError } from "../revert.js";

/** The vault's ABI, for decoding its logs and reverts. */
export const CHARITY_VAULT_ABI = CharityVault__factory.abi;

/** A typed handle on a deployed vault. */
export function charityVault(address: string, runner: ContractRunner): CharityVault {
  return CharityVault__factory.connect(address, runner);
}

/** `ICharityVault.CampaignStatus`, by its on-chain number. */
export const CHARITY_CAMPAIGN_STATUSES = ["None", "Active", "Succeeded", "Failed", "Cancelled", "Closed"] as const;
export type CharityCampaignStatus = (typeof CHARITY_CAMPAIGN_STATUSES)[number];

/** `ICharityVault.BeneficiaryStatus`, by its on-chain number. */
export const CHARITY_BENEFICIARY_STATUSES = ["None", "Pending", "Verified", "Suspended"] as const;
export type CharityBeneficiaryStatus = (typeof CHARITY_BENEFICIARY_STATUSES)[number];

/** `ICharityVault.DisbursementStatus`, by its on-chain number. */
export const CHARITY_DISBURSEMENT_STATUSES = ["None", "Proposed", "Vetoed", "Executed"] as const;
export type CharityDisbursementStatus = (typeof CHARITY_DISBURSEMENT_STATUSES)[number];

/** The name of an on-chain enum value, or `Unknown(n)` for a value this SDK does not know. */
export function charityEnumName<T extends string>(
  names: readonly T[],
  value: bigint | number,
): T | `Unknown(${string})` {
  return names[Number(value)] ?? `Unknown(${value.toString()})`;
}

/**
 * Sends a vault transaction and waits for it: a revert becomes a `ContractRevertError` naming the
 * vault's custom error; a mined failure or a dropped transaction becomes a `BusanError`.
 */
export async function sendCharityTx(
  send: () => Promise<ContractTransactionResponse>,
  what: string,
): Promise<ContractTransactionReceipt> {
  let receipt: ContractTransactionReceipt | null;
  try {
    const tx = await send();
    receipt = await tx.wait();
  } catch (error) {
    throw toBusanError(error, [CharityVault__factory.createInterface()]);
  }
  if (receipt === null) throw new BusanError(`The ${what} transaction was not mined.`);
  return receipt;
}

/** A numeric event or result argument, checked. */
export function charityBigArg(args: readonly unknown[], index: number): bigint {
  const value = args[index];
  if (typeof value !== "bigint") throw new BusanError(`The vault returned a non-numeric value at position ${index}.`);
  return value;
}

/** The first log of `eventName` emitted by the vault in a receipt, parsed. */
export function findCharityEvent(
  vault: CharityVault,
  receipt: ContractTransactionReceipt,
  eventName: string,
): readonly unknown[] {
  const target = receipt.to?.toLowerCase();
  for (const log of receipt.logs) {
    if (target !== undefined && log.address.toLowerCase() !== target) continue;
    const parsed = vault.interface.parseLog(log);
    if (parsed?.name === eventName) return [...parsed.args] as unknown[];
  }
  throw new BusanError(`The transaction ${receipt.hash} did not emit ${eventName}.`);
}
