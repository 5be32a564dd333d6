import { type ContractRunner, getAddress, type Signer } from "ethers";

import { InvalidInputError } from "../errors.js";
import {
  charityBigArg,
  CHARITY_CAMPAIGN_STATUSES,
  type CharityCampaignStatus,
  charityVault,
  charityEnumName,
  sendCharityTx,
  findCharityEvent,
} from "./contract.js";

/** What a campaign is created with (see `ICharityVault.CampaignParams`). */
export interface CharityCampaignInput {
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

export interface CharityTxResult {
  readonly txHash: string;
  readonly blockNumber: number;
}

/** Creates a campaign; returns its id. Needs the campaign manager role. */
export async function createCharityCampaign(
  signer: Signer,
  vault: string,
  input: CharityCampaignInput,
): Promise<CharityTxResult & { campaignId: bigint }> {
  if (input.goal <= 0n) throw new InvalidInputError("The goal must be more than zero.");
  if (input.disbursementDeadline <= input.deadline) {
    throw new InvalidInputError("The disbursement deadline must come after the donation deadline.");
  }
  const contract = charityVault(vault, signer);
  const receipt = await sendCharityTx(
    () => contract.createCampaign({ ...input, beneficiaries: [...input.beneficiaries] }),
    "campaign creation",
  );
  const args = findCharityEvent(contract, receipt, "CampaignCreated");
  return { campaignId: charityBigArg(args, 0), txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

/** Cancels a campaign (Active or Succeeded). Needs the campaign manager role. */
export async function cancelCharityCampaign(
  signer: Signer,
  vault: string,
  campaignId: bigint,
): Promise<CharityTxResult> {
  const contract = charityVault(vault, signer);
  const receipt = await sendCharityTx(() => contract.cancelCampaign(campaignId), "cancellation");
  findCharityEvent(contract, receipt, "CampaignCancelled");
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

/** A campaign as the vault reports it now. */
export interface CharityCampaignInfo {
  readonly campaignId: bigint;
  readonly token: string;
  readonly goal: bigint;
  readonly hardCap: bigint;
  readonly deadline: bigint;
  readonly disbursementDeadline: bigint;
  readonly allOrNothing: boolean;
  readonly status: CharityCampaignStatus | `Unknown(${string})`;
  readonly donated: bigint;
  readonly matched: bigint;
  readonly refunded: bigint;
  readonly disbursed: bigint;
  readonly held: bigint;
  readonly donationCount: bigint;
}

/** Reads one campaign (reverts with `CharityVaultUnknownCampaign` for an unknown id). */
export async function getCharityCampaign(
  runner: ContractRunner,
  vault: string,
  campaignId: bigint,
): Promise<CharityCampaignInfo> {
  const info = await charityVault(vault, runner).getCampaign(campaignId);
  return {
    campaignId,
    token: getAddress(info.token),
    goal: info.goal,
    hardCap: info.hardCap,
    deadline: info.deadline,
    disbursementDeadline: info.disbursementDeadline,
    allOrNothing: info.allOrNothing,
    status: charityEnumName(CHARITY_CAMPAIGN_STATUSES, info.status),
    donated: info.donated,
    matched: info.matched,
    refunded: info.refunded,
    disbursed: info.disbursed,
    held: info.held,
    donationCount: info.donationCount,
  };
}

/** Every campaign, by id. */
export async function listCharityCampaigns(runner: ContractRunner, vault: string): Promise<CharityCampaignInfo[]> {
  const count = await charityVault(vault, runner).campaignCount();
  const campaigns: CharityCampaignInfo[] = [];
  for (let id = 1n; id <= count; id += 1n) campaigns.push(await getCharityCampaign(runner, vault, id));
  return campaigns;
}
