import { writeFile } from "node:fs/promises";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { InvalidInputError } from "../../sdk/errors.js";
import { fileExists, readJsonFile } from "../../sdk/node/files.js";
import { giveTerminationNotice } from "../../sdk/partnerships/actions.js";
import {
  createTerminationPacket,
  parseTerminationPacket,
  serializeTerminationPacket,
  signTerminationConsent,
  terminateByConsent,
  verifyTerminationEntry,
} from "../../sdk/partnerships/termination.js";
import { cliAction } from "../common/action.js";
import {
  hashFromOptions,
  isoDate,
  openRegistry,
  parseWhole,
  type RegistryArgs,
  required,
  resolveParty,
  signatureDeadline,
} from "./shared.js";

interface TerminateArgs extends RegistryArgs {
  readonly id: string;
  readonly party: string;
  readonly reason: string;
  readonly reasonHash: string;
  readonly reasonFile: string;
  readonly reasonUri: string;
  readonly out: string;
  readonly packet: string;
  readonly validHours: string;
}

/**
 * `npx hardhat partnership terminate --id N (--reason TEXT | --reason-file F | --reason-hash H)
 * [--reason-uri URI] [--party I]`: gives one party's notice; the agreement ends after the notice
 * period of the version in force. With `--out FILE` the party signs its consent to end the agreement
 * at once into a termination packet instead; `--packet FILE` relays a packet signed by every party.
 */
export default cliAction(async (args: TerminateArgs, hre: HardhatRuntimeEnvironment) => {
  if (args.packet !== "") {
    const packet = parseTerminationPacket(
      await readJsonFile(args.packet, "termination packet"),
      `termination packet ${args.packet}`,
    );
    const { suite, registry } = await openRegistry(hre, {
      ...args,
      address: args.address === "" ? packet.registry : args.address,
    });
    if (packet.chainId !== suite.chainId) {
      throw new InvalidInputError(
        `The packet is for chain ${packet.chainId} but the network is chain ${suite.chainId}.`,
      );
    }
    for (const entry of packet.signatures) {
      const check = await verifyTerminationEntry(suite.ethers.provider, packet, entry);
      if (!check.valid) {
        throw new InvalidInputError(
          `The consent of party ${entry.partyIndex} is invalid: ${check.reason ?? "unknown reason"}`,
        );
      }
    }
    const result = await terminateByConsent(registry, packet);
    console.log(`Agreement ${packet.agreementId} is terminated by every party (reason ${result.reasonHash}).`);
    console.log(`Transaction: ${result.txHash}`);
    return;
  }
  const id = parseWhole(required(args.id, "--id"), "--id");
  const reasonHash = await hashFromOptions("reason", {
    hash: args.reasonHash,
    file: args.reasonFile,
    text: args.reason,
  });
  const { suite, registry } = await openRegistry(hre, args);
  const { partyIndex, orgId } = await resolveParty(registry, id, suite.signer.address, args.party);
  if (args.out !== "") {
    const registryAddress = await registry.getAddress();
    const base = (await fileExists(args.out))
      ? parseTerminationPacket(await readJsonFile(args.out, "termination packet"), `termination packet ${args.out}`)
      : createTerminationPacket({
          chainId: suite.chainId,
          registry: registryAddress,
          agreementId: id,
          reasonHash,
          reasonURI: args.reasonUri,
        });
    if (base.agreementId !== id || base.reasonHash !== reasonHash || base.registry !== registryAddress) {
      throw new InvalidInputError(`The packet ${args.out} is for another agreement, registry or reason.`);
    }
    const deadline = await signatureDeadline(suite, args.validHours);
    const nonce = await registry.partyNonce(id, partyIndex);
    const packet = await signTerminationConsent(base, suite.signer, { partyIndex, party: orgId, nonce, deadline });
    await writeFile(args.out, serializeTerminationPacket(packet));
    const parties = (await registry.agreement(id)).parties.length;
    console.log(
      `Organisation ${orgId} consented to end agreement ${id}; ${packet.signatures.length} of ${parties} consent(s) in ${args.out}.`,
    );
    return;
  }
  const result = await giveTerminationNotice(registry, id, partyIndex, reasonHash, args.reasonUri);
  console.log(`Organisation ${orgId} gave notice on agreement ${id}; it ends at ${isoDate(result.effectiveAt)}.`);
  console.log(`Transaction: ${result.txHash}`);
});
