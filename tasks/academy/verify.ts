import type { Provider } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { credentialFromLink } from "../../sdk/academy/link.js";
import { verifyCredential, type VerifyResult } from "../../sdk/academy/verify.js";
import { BusanError, InvalidInputError } from "../../sdk/errors.js";
import { readJsonFile } from "../../sdk/node/files.js";
import { cliAction } from "../common/action.js";
import { connectSuite } from "../common/connect.js";

interface Args {
  readonly credential: string;
  readonly link: string;
  readonly json: boolean;
}

/** Verifies and prints each step; throws naming the failing step unless the credential is valid. */
export async function runVerify(provider: Provider, input: unknown, json = false): Promise<VerifyResult> {
  const result = await verifyCredential(provider, input);
  if (json) {
    console.log(JSON.stringify({ valid: result.valid, failedStep: result.failedStep, steps: result.steps }, null, 2));
  } else {
    for (const step of result.steps)
      console.log(`${step.ok ? "PASS" : "FAIL"}  ${step.step.padEnd(9)}  ${step.detail}`);
  }
  if (!result.valid) {
    const failed = result.steps.find((s) => !s.ok);
    throw new BusanError(
      `The credential is NOT valid: step "${result.failedStep ?? "unknown"}" failed${failed === undefined ? "" : ` (${failed.detail.replace(/\.$/, "")})`}.`,
    );
  }
  console.log("The credential is valid.");
  return result;
}

/** `npx hardhat academy verify --credential alice.json` (or `--link "https://…#c=…"`) */
export default cliAction(async (args: Args, hre: HardhatRuntimeEnvironment) => {
  if ((args.credential === "") === (args.link === "")) {
    throw new InvalidInputError("Give exactly one of --credential FILE or --link URL.");
  }
  const input: unknown =
    args.link !== "" ? credentialFromLink(args.link) : await readJsonFile(args.credential, "credential file");
  const suite = await connectSuite(hre);
  await runVerify(suite.ethers.provider, input, args.json);
});
