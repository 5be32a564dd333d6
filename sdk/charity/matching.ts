import { Contract, type Signer, ZeroAddress } from "ethers";

import { InvalidInputError } from "../errors.js";
import { charityBigArg, charityVault, sendCharityTx, findCharityEvent } from "./contract.js";
import type { CharityTxResult } from "./campaign.js";

/** Funds a campaign's matching pool (sponsor role). An ERC-20 pool is approved first. */
export async function fundCharityMatching(
  signer: Signer,
  vault: string,
  input: { campaignId: bigint; amount: bigint; ratioBps: number },
): Promise<CharityTxResult & { pool: bigint }> {
  if (input.amount <= 0n) throw new InvalidInputError("The matching pool must be more than zero.");
  if (!Number.isInteger(input.ratioBps) || input.ratioBps <= 0 || input.ratioBps > 0xffff) {
    throw new InvalidInputError("The ratio must be a whole number of basis points between 1 and 65535.");
  }
  const contract = charityVault(vault, signer);
  const token = await contract.campaignToken(input.campaignId);
  if (token !== ZeroAddress) {
    const erc20 = new Contract(token, ["function approve(address spender, uint256 amount) returns (bool)"], signer);
    await sendCharityTx(() => erc20.getFunction("approve")(vault, input.amount), "token approval");
  }
  const receipt = await sendCharityTx(
    () =>
      contract.fundMatching(input.campaignId, input.amount, input.ratioBps, {
        value: token === ZeroAddress ? input.amount : 0n,
      }),
    "matching",
  );
  const args = findCharityEvent(contract, receipt, "MatchingFunded");
  return { pool: charityBigArg(args, 2), txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

/** Returns matching funds to the sponsor once the campaign is no longer Active. */
export async function withdrawCharityMatching(
  signer: Signer,
  vault: string,
  campaignId: bigint,
): Promise<CharityTxResult & { unused: bigint; matchedReturned: bigint }> {
  const contract = charityVault(vault, signer);
  const receipt = await sendCharityTx(() => contract.withdrawMatching(campaignId), "matching withdrawal");
  const args = findCharityEvent(contract, receipt, "MatchingWithdrawn");
  return {
    unused: charityBigArg(args, 2),
    matchedReturned: charityBigArg(args, 3),
    txHash: receipt.hash,
    blockNumber: receipt.blockNumber,
  };
}
