import { Contract, type Signer, ZeroAddress } from "ethers";

import { InvalidInputError } from "../errors.js";
import { charityBigArg, charityVault, sendCharityTx, findCharityEvent } from "./contract.js";
import type { CharityTxResult } from "./campaign.js";

const ERC20_ABI = [
  "function allowance(address owner, address spender) view returns (uint256)",
  "function approve(address spender, uint256 amount) returns (bool)",
] as const;

export interface CharityDonateInput {
  readonly campaignId: bigint;
  /** Native coin sent, or ERC-20 units pulled. */
  readonly amount: bigint;
  /** Who is credited (and may claim the refund); default the signer. */
  readonly donor?: string;
}

/** The donation receipt, from the `Donated` event. */
export interface CharityDonationReceipt extends CharityTxResult {
  readonly campaignId: bigint;
  readonly donationId: bigint;
  readonly donor: string;
  /** What arrived in the vault (less than asked for a fee-on-transfer token). */
  readonly amount: bigint;
  readonly matched: bigint;
}

/**
 * Donates to a campaign. For an ERC-20 campaign the vault's allowance is raised to `amount` first
 * when it is lower.
 */
export async function donateToCampaign(
  signer: Signer,
  vault: string,
  input: CharityDonateInput,
): Promise<CharityDonationReceipt> {
  if (input.amount <= 0n) throw new InvalidInputError("The amount must be more than zero.");
  const contract = charityVault(vault, signer);
  const owner = await signer.getAddress();
  const donor = input.donor ?? owner;
  const token = await contract.campaignToken(input.campaignId);
  if (token !== ZeroAddress) {
    const erc20 = new Contract(token, ERC20_ABI, signer);
    const allowance = (await erc20.getFunction("allowance")(owner, vault)) as bigint;
    if (allowance < input.amount) {
      await sendCharityTx(() => erc20.getFunction("approve")(vault, input.amount), "token approval");
    }
  }
  const receipt = await sendCharityTx(
    () => contract.donate(input.campaignId, input.amount, donor, { value: token === ZeroAddress ? input.amount : 0n }),
    "donation",
  );
  const args = findCharityEvent(contract, receipt, "Donated");
  return {
    campaignId: charityBigArg(args, 0),
    donationId: charityBigArg(args, 1),
    donor: String(args[2]),
    amount: charityBigArg(args, 4),
    matched: charityBigArg(args, 5),
    txHash: receipt.hash,
    blockNumber: receipt.blockNumber,
  };
}
