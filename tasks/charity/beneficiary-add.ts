import { cliAction } from "../common/action.js";
import { type BeneficiaryArgs, runBeneficiary } from "./beneficiary.js";

/** `npx hardhat charity beneficiary add --account 0x… --document FILE` */
export default cliAction(async (args: BeneficiaryArgs, hre) => runBeneficiary("add", args, hre));
