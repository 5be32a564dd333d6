import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { InvalidInputError } from "../../sdk/errors.js";
import { readJsonFile } from "../../sdk/node/files.js";
import { submitSignaturePacket } from "../../sdk/partnerships/actions.js";
import { parseSignaturePacket } from "../../sdk/partnerships/packet.js";
import { verifyPacketEntry } from "../../sdk/partnerships/verify.js";
import { cliAction } from "../common/action.js";
import { openRegistry, type RegistryArgs, required } from "./shared.js";

interface SubmitArgs extends RegistryArgs {
  readonly packet: string;
}

/**
 * `npx hardhat partnership submit --packet FILE`: checks every signature of a packet off-chain
 * (ECDSA or ERC-1271), then relays them all in one transaction from the acting account.
 */
export default cliAction(async (args: SubmitArgs, hre: HardhatRuntimeEnvironment) => {
  const file = required(args.packet, "--packet");
  const packet = parseSignaturePacket(await readJsonFile(file, "signature packet"), `signature packet ${file}`);
  const { suite, registry } = await openRegistry(hre, {
    ...args,
    address: args.address === "" ? packet.registry : args.address,
  });
  if (packet.chainId !== suite.chainId) {
    throw new InvalidInputError(`The packet is for chain ${packet.chainId} but the network is chain ${suite.chainId}.`);
  }
  if ((await registry.getAddress()) !== packet.registry) {
    throw new InvalidInputError(
      `The packet is for the registry at ${packet.registry}, not ${await registry.getAddress()}.`,
    );
  }
  for (const entry of packet.signatures) {
    const check = await verifyPacketEntry(suite.ethers.provider, packet, entry);
    if (!check.valid) {
      throw new InvalidInputError(
        `The signature of party ${entry.partyIndex} is invalid: ${check.reason ?? "unknown reason"}`,
      );
    }
    console.log(
      `Checked party ${entry.partyIndex} (organisation ${entry.party}, ${check.method}) signer ${entry.signer}.`,
    );
  }
  const result = await submitSignaturePacket(registry, packet);
  console.log(
    `Recorded ${result.signed.length} signature(s) on agreement ${packet.agreementId} version ${packet.version}.`,
  );
  if (result.activatedVersion !== undefined)
    console.log(`Every party has signed: version ${result.activatedVersion} is in force.`);
  console.log(`Transaction: ${result.txHash}`);
});
