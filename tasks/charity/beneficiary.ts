import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { type CharityBeneficiaryAction, changeCharityBeneficiary } from "../../sdk/charity/beneficiary.js";
import { parseAddress } from "../common/connect.js";
import { connectVault, hashFromOptions, type VaultArgs } from "./common.js";

export interface BeneficiaryArgs extends VaultArgs {
  readonly account: string;
  readonly document: string;
  readonly hash: string;
}

const DONE: Record<CharityBeneficiaryAction, string> = {
  add: "registered (Pending)",
  verify: "verified",
  suspend: "suspended",
};

/** Shared by `charity beneficiary add|verify|suspend`. */
export async function runBeneficiary(
  action: CharityBeneficiaryAction,
  args: BeneficiaryArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  const account = parseAddress(args.account, "--account");
  const hash = await hashFromOptions(args.document, args.hash, "--document", "--hash");
  const { suite, vault } = await connectVault(hre, args);
  const result = await changeCharityBeneficiary(suite.signer, vault, action, account, hash);
  console.log(`Beneficiary ${account} ${DONE[action]} (document hash ${hash}) in transaction ${result.txHash}.`);
}
