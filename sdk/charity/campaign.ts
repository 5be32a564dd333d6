import { type ContractRunner, getAddress, type Signer } from "ethers";

import { InvalidInputError } from "../errors.js";
import {
  bigArg,
  CAMPAIGN_STATUSES,
  type CampaignStatusName,
  charityVault,
  enumName,
  sendVaultTx,
  vaultEvent,
} from "./contract.js";

/** What a campaign is created with (see `ICharityVault.CampaignParams`). */
export interface CreateCampaignInput {
  /** `ZeroAddress` for the native coin, otherwise an allowlisted ERC-20. */
  readonly token: string;
  readonly goal: bigint;
  /** 0n for no cap. */
  readonly hardCap: bigint;
  /** Unix seconds. */
  readonly deadline: bigint;
  /** Unix seconds, after `deadline`. */
  readonly disbursementDeadline: bigint;
  readonly allOrNothing: boolean;
  readonly beneficiaries: readonly string[];
  readonly detailsHash: string;
}

export interface TxResult {
  readonly txHash: string;
  readonly blockNumber: number;
}

/** Creates a campaign; returns its id. Needs the campaign manager role. */
export async function createCampaign(
  signer: Signer,
  vault: string,
  input: CreateCampaignInput,
): Promise<TxResult & { campaignId: bigint }> {
  if (input.goal <= 0n) throw new InvalidInputError("The goal must be more than zero.");
  if (input.disbursementDeadline <= input.deadline) {
    throw new InvalidInputError("The disbursement deadline must come after the donation deadline.");
  }
  const contract = charityVault(vault, signer);
  const receipt = await sendVaultTx(
    () => contract.createCampaign({ ...input, beneficiaries: [...input.beneficiaries] }),
    "campaign creation",
  );
  const args = vaultEvent(contract, receipt, "CampaignCreated");
  return { campaignId: bigArg(args, 0), txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

/** Cancels a campaign (Active or Succeeded). Needs the campaign manager role. */
export async function cancelCampaign(signer: Signer, vault: string, campaignId: bigint): Promise<TxResult> {
  const contract = charityVault(vault, signer);
  const receipt = await sendVaultTx(() => contract.cancelCampaign(campaignId), "cancellation");
  vaultEvent(contract, receipt, "CampaignCancelled");
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

/** A campaign as the vault reports it now. */
export interface CampaignInfo {
  readonly campaignId: bigint;
  readonly token: string;
  readonly goal: bigint;
  readonly hardCap: bigint;
  readonly deadline: bigint;
  readonly disbursementDeadline: bigint;
  readonly allOrNothing: boolean;
  readonly status: CampaignStatusName | `Unknown(${string})`;
  readonly donated: bigint;
  readonly matched: bigint;
  readonly refunded: bigint;
  readonly disbursed: bigint;
  readonly held: bigint;
  readonly donationCount: bigint;
}

/** Reads one campaign (reverts with `CharityVaultUnknownCampaign` for an unknown id). */
export async function getCampaign(runner: ContractRunner, vault: string, campaignId: bigint): Promise<CampaignInfo> {
  const info = await charityVault(vault, runner).getCampaign(campaignId);
  return {
    campaignId,
    token: getAddress(info.token),
    goal: info.goal,
    hardCap: info.hardCap,
    deadline: info.deadline,
    disbursementDeadline: info.disbursementDeadline,
    allOrNothing: info.allOrNothing,
    status: enumName(CAMPAIGN_STATUSES, info.status),
    donated: info.donated,
    matched: info.matched,
    refunded: info.refunded,
    disbursed: info.disbursed,
    held: info.held,
    donationCount: info.donationCount,
  };
}

/** Every campaign, by id. */
export async function listCampaigns(runner: ContractRunner, vault: string): Promise<CampaignInfo[]> {
  const count = await charityVault(vault, runner).campaignCount();
  const campaigns: CampaignInfo[] = [];
  for (let id = 1n; id <= count; id += 1n) campaigns.push(await getCampaign(runner, vault, id));
  return campaigns;
}
