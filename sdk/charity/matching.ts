import { Contract, type Signer, ZeroAddress } from "ethers";

import { InvalidInputError } from "../errors.js";
import { bigArg, charityVault, sendVaultTx, vaultEvent } from "./contract.js";
import type { TxResult } from "./campaign.js";

/** Funds a campaign's matching pool (sponsor role). An ERC-20 pool is approved first. */
export async function fundMatching(
  signer: Signer,
  vault: string,
  input: { campaignId: bigint; amount: bigint; ratioBps: number },
): Promise<TxResult & { pool: bigint }> {
  if (input.amount <= 0n) throw new InvalidInputError("The matching pool must be more than zero.");
  if (!Number.isInteger(input.ratioBps) || input.ratioBps <= 0 || input.ratioBps > 0xffff) {
    throw new InvalidInputError("The ratio must be a whole number of basis points between 1 and 65535.");
  }
  const contract = charityVault(vault, signer);
  const token = await contract.campaignToken(input.campaignId);
  if (token !== ZeroAddress) {
    const erc20 = new Contract(token, ["function approve(address spender, uint256 amount) returns (bool)"], signer);
    await sendVaultTx(() => erc20.getFunction("approve")(vault, input.amount), "token approval");
  }
  const receipt = await sendVaultTx(
    () =>
      contract.fundMatching(input.campaignId, input.amount, input.ratioBps, {
        value: token === ZeroAddress ? input.amount : 0n,
      }),
    "matching",
  );
  const args = vaultEvent(contract, receipt, "MatchingFunded");
  return { pool: bigArg(args, 2), txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

/** Returns matching funds to the sponsor once the campaign is no longer Active. */
export async function withdrawMatching(
  signer: Signer,
  vault: string,
  campaignId: bigint,
): Promise<TxResult & { unused: bigint; matchedReturned: bigint }> {
  const contract = charityVault(vault, signer);
  const receipt = await sendVaultTx(() => contract.withdrawMatching(campaignId), "matching withdrawal");
  const args = vaultEvent(contract, receipt, "MatchingWithdrawn");
  return {
    unused: bigArg(args, 2),
    matchedReturned: bigArg(args, 3),
    txHash: receipt.hash,
    blockNumber: receipt.blockNumber,
  };
}
