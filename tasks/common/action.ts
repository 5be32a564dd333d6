import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { BusanError } from "../../sdk/errors.js";
import { type AbiSource, toBusanError } from "../../sdk/revert.js";

/**
 * Wraps a task action so that every failure ends as one clear sentence on stderr and a non-zero
 * exit code, never a stack trace. Contract reverts are decoded to their custom-error names with
 * the ABIs of every contract in the project. Set `BUSAN_DEBUG=1` to print the underlying error.
 */
export function cliAction<A>(
  run: (args: A, hre: HardhatRuntimeEnvironment) => Promise<void>,
): (args: A, hre: HardhatRuntimeEnvironment) => Promise<void> {
  return async (args, hre) => {
    try {
      await run(args, hre);
    } catch (error) {
      const busanError = error instanceof BusanError ? error : toBusanError(error, await projectAbis(hre));
      console.error(`Error: ${busanError.shortMessage}`);
      if (process.env["BUSAN_DEBUG"] === "1") console.error(error);
      process.exitCode = 1;
    }
  };
}

/** The ABIs of every compiled contract, for decoding reverts. */
export async function projectAbis(hre: HardhatRuntimeEnvironment): Promise<AbiSource[]> {
  try {
    const names = await hre.artifacts.getAllFullyQualifiedNames();
    const abis: AbiSource[] = [];
    for (const name of names) abis.push((await hre.artifacts.readArtifact(name)).abi as AbiSource);
    return abis;
  } catch {
    return [];
  }
}
