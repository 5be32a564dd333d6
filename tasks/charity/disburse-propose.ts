import { charityVault } from "../../sdk/charity/contract.js";
import { proposeCharityDisbursement } from "../../sdk/charity/disburse.js";
import { cliAction } from "../common/action.js";
import { parseAddress } from "../common/connect.js";
import {
  connectVault,
  hashFromOptions,
  parseAmount,
  parseId,
  showAmount,
  tokenDecimals,
  type VaultArgs,
} from "./common.js";

interface ProposeArgs extends VaultArgs {
  readonly campaign: string;
  readonly payee: string;
  readonly amount: string;
  readonly invoice: string;
  readonly purposeHash: string;
  readonly evidence: string;
}

/** `npx hardhat charity disburse propose --campaign 1 --payee 0x… --amount 2 --invoice invoice.pdf --evidence ipfs://…` */
export default cliAction(async (args: ProposeArgs, hre) => {
  const campaignId = parseId(args.campaign, "--campaign");
  const payee = parseAddress(args.payee, "--payee");
  const purposeHash = await hashFromOptions(args.invoice, args.purposeHash, "--invoice", "--purpose-hash");
  const { suite, vault } = await connectVault(hre, args);
  const token = await charityVault(vault, suite.ethers.provider).campaignToken(campaignId);
  const decimals = await tokenDecimals(suite.ethers.provider, token);
  const amount = parseAmount(args.amount, decimals, "--amount");
  const result = await proposeCharityDisbursement(suite.signer, vault, {
    campaignId,
    payee,
    amount,
    purposeHash,
    evidenceUri: args.evidence,
  });
  console.log(
    `Proposed disbursement ${result.disbursementId}: ${showAmount(amount, decimals, token)} to ${payee}, executable from ${new Date(Number(result.executableAt) * 1000).toISOString()} (transaction ${result.txHash}).`,
  );
});
