import { withdrawCharityPayout } from "../../sdk/charity/withdraw.js";
import { cliAction } from "../common/action.js";
import { connectVault, parseToken, showAmount, tokenDecimals, type VaultArgs } from "./common.js";

interface WithdrawArgs extends VaultArgs {
  readonly token: string;
}

/** `npx hardhat charity withdraw [--token 0x…]` */
export default cliAction(async (args: WithdrawArgs, hre) => {
  const token = parseToken(args.token);
  const { suite, vault } = await connectVault(hre, args);
  const decimals = await tokenDecimals(suite.ethers.provider, token);
  const result = await withdrawCharityPayout(suite.signer, vault, token);
  console.log(
    `Withdrew ${showAmount(result.amount, decimals, token)} to ${suite.signer.address} (transaction ${result.txHash}).`,
  );
});
