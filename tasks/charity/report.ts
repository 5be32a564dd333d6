import { charityCampaignReport } from "../../sdk/charity/report.js";
import { InvalidInputError } from "../../sdk/errors.js";
import { cliAction } from "../common/action.js";
import { connectVault, parseId, showAmount, toJson, tokenDecimals, type VaultArgs } from "./common.js";

interface ReportArgs extends VaultArgs {
  readonly campaign: string;
  readonly json: boolean;
  readonly fromBlock: string;
}

/** `npx hardhat charity report --campaign 1 [--json]` */
export default cliAction(async (args: ReportArgs, hre) => {
  const campaignId = parseId(args.campaign, "--campaign");
  if (!/^[0-9]+$/.test(args.fromBlock.trim())) throw new InvalidInputError("--from-block must be a block number.");
  const { suite, vault } = await connectVault(hre, args);
  const report = await charityCampaignReport(suite.ethers.provider, vault, campaignId, {
    fromBlock: Number(args.fromBlock.trim()),
    onProgress: (to, end) => {
      if (!args.json) process.stderr.write(`\rScanning blocks … ${to}/${end}`);
    },
  });
  if (!args.json) process.stderr.write("\n");
  if (args.json) {
    console.log(toJson({ ...report, paidTo: Object.fromEntries(report.paidTo) }));
    return;
  }
  const decimals = await tokenDecimals(suite.ethers.provider, report.token);
  const show = (amount: bigint) => showAmount(amount, decimals, report.token);
  console.log(`Campaign ${campaignId} (${report.status})`);
  console.log(`  raised     ${show(report.donated)} from ${report.donors} donors in ${report.donationCount} donations`);
  console.log(`  matched    ${show(report.matched)}${report.sponsor === undefined ? "" : ` by ${report.sponsor}`}`);
  console.log(`  refunded   ${show(report.refunded)}`);
  console.log(`  disbursed  ${show(report.disbursed)}`);
  console.log(`  held       ${show(report.held)}`);
  for (const d of report.disbursements) {
    console.log(
      `  disbursement ${d.disbursementId}: ${d.status} ${show(d.amount)} to ${d.payee} (purpose ${d.purposeHash})`,
    );
  }
});
