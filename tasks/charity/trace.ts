import { donationTraceToCsv, donationTraceToJson, TRACE_ROUNDING_RULE, traceDonor } from "../../sdk/charity/trace.js";
import { InvalidInputError } from "../../sdk/errors.js";
import { cliAction } from "../common/action.js";
import { parseAddress } from "../common/connect.js";
import { connectVault, showAmount, tokenDecimals, type VaultArgs } from "./common.js";

interface TraceArgs extends VaultArgs {
  readonly donor: string;
  readonly json: boolean;
  readonly csv: boolean;
  readonly fromBlock: string;
}

/** `npx hardhat charity trace --donor 0x… [--json|--csv]` */
export default cliAction(async (args: TraceArgs, hre) => {
  const donor = parseAddress(args.donor, "--donor");
  if (args.json && args.csv) throw new InvalidInputError("Give --json or --csv, not both.");
  if (!/^[0-9]+$/.test(args.fromBlock.trim())) throw new InvalidInputError("--from-block must be a block number.");
  const { suite, vault } = await connectVault(hre, args);
  const machine = args.json || args.csv;
  const trace = await traceDonor(suite.ethers.provider, vault, donor, {
    fromBlock: Number(args.fromBlock.trim()),
    onProgress: (to, end) => {
      if (!machine) process.stderr.write(`\rScanning blocks … ${to}/${end}`);
    },
  });
  if (!machine) process.stderr.write("\n");
  if (args.json) {
    console.log(JSON.stringify(donationTraceToJson(trace), null, 2));
    return;
  }
  if (args.csv) {
    console.log(donationTraceToCsv(trace).trimEnd());
    return;
  }
  if (trace.campaigns.length === 0) {
    console.log(`${donor} has not donated to this vault.`);
    return;
  }
  console.log(`Where the donations of ${donor} went (vault ${trace.vault}, chain ${trace.chainId}):`);
  for (const c of trace.campaigns) {
    const decimals = await tokenDecimals(suite.ethers.provider, c.token);
    const show = (amount: bigint) => showAmount(amount, decimals, c.token);
    console.log(`\nCampaign ${c.campaignId}: gave ${show(c.contributed)}`);
    for (const d of c.donations) {
      console.log(`  donation ${d.donationId}: ${show(d.amount)} (tx ${d.txHash})`);
      for (const a of d.allocations) {
        console.log(
          `    → ${show(a.amount)} to ${a.beneficiary} by disbursement ${a.disbursementId} (purpose ${a.purposeHash}${a.evidenceUri === "" ? "" : `, evidence ${a.evidenceUri}`}; tx ${a.executedTx})`,
        );
      }
    }
    for (const r of c.refunds) console.log(`  ${r.kind}: ${show(r.amount)} back to the donor (tx ${r.txHash})`);
    console.log(`  spent ${show(c.spent)}, refunded ${show(c.refunded)}, still held ${show(c.held)}`);
  }
  console.log(`\nRounding: ${TRACE_ROUNDING_RULE}`);
});
