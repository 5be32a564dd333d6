import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { getCertificateState } from "../../sdk/academy/status.js";
import { cliAction } from "../common/action.js";
import { connectSuite } from "../common/connect.js";
import { parseUint, registryAddress, required } from "./shared.js";

interface Args {
  readonly tokenId: string;
  readonly address: string;
  readonly json: boolean;
}

/** `npx hardhat academy show --token-id 123` */
export default cliAction(async (args: Args, hre: HardhatRuntimeEnvironment) => {
  const tokenId = parseUint(required(args.tokenId, "--token-id"), "--token-id");
  const suite = await connectSuite(hre);
  const state = await getCertificateState(suite.ethers.provider, await registryAddress(suite, args.address), tokenId);
  if (args.json) {
    console.log(JSON.stringify(state, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2));
    return;
  }
  const time = (t: bigint): string => (t === 0n ? "—" : new Date(Number(t) * 1000).toISOString());
  console.log(`Certificate ${tokenId}`);
  console.log(`  status      ${state.status}`);
  console.log(`  holder      ${state.holder}`);
  console.log(`  course      ${state.courseId} (issuer ${state.issuerId}, ${state.issuerAccount})`);
  console.log(`  issued      ${time(state.issuedAt)}`);
  console.log(
    `  valid       ${time(state.validFrom)} → ${state.validUntil === 0n ? "no expiry" : time(state.validUntil)}`,
  );
  if (state.successor !== 0n) console.log(`  replaced by ${state.successor}`);
});
