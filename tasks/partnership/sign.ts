import { writeFile } from "node:fs/promises";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { InvalidInputError } from "../../sdk/errors.js";
import { fileExists, readJsonFile } from "../../sdk/node/files.js";
import { signAgreementDirectly } from "../../sdk/partnerships/actions.js";
import {
  createSignaturePacket,
  mergeSignaturePackets,
  parseSignaturePacket,
  serializeSignaturePacket,
  signIntoPacket,
} from "../../sdk/partnerships/packet.js";
import { versionTerms } from "../../sdk/partnerships/timeline.js";
import { cliAction } from "../common/action.js";
import { openRegistry, parseWhole, type RegistryArgs, required, resolveParty, signatureDeadline } from "./shared.js";

interface SignArgs extends RegistryArgs {
  readonly id: string;
  readonly party: string;
  readonly out: string;
  readonly validHours: string;
}

/**
 * `npx hardhat partnership sign --id N [--party I] [--out packet.json] [--valid-hours H]`: signs the
 * version awaiting signatures. With `--out` it signs EIP-712 typed data offline and writes (or adds
 * to) a signature packet for `partnership submit`; without it, it signs by calling the registry.
 */
export default cliAction(async (args: SignArgs, hre: HardhatRuntimeEnvironment) => {
  const id = parseWhole(required(args.id, "--id"), "--id");
  const { suite, registry } = await openRegistry(hre, args);
  const view = await registry.agreement(id);
  const version = Number(view.latestVersion);
  if (view.latestVersion === view.currentVersion) {
    throw new InvalidInputError(`Agreement ${id} has no version awaiting signatures (version ${version} is in force).`);
  }
  const { partyIndex, orgId } = await resolveParty(registry, id, suite.signer.address, args.party);
  if (args.out === "") {
    const result = await signAgreementDirectly(registry, id, version, partyIndex);
    console.log(`Organisation ${orgId} signed version ${version} of agreement ${id}.`);
    if (result.activatedVersion !== undefined) console.log(`Every party has signed: version ${version} is in force.`);
    console.log(`Transaction: ${result.txHash}`);
    return;
  }
  const registryAddress = await registry.getAddress();
  console.log(`Reading the terms of version ${version} from the registry's events…`);
  const { terms } = await versionTerms(suite.ethers.provider, registryAddress, id, version);
  const fresh = createSignaturePacket({
    chainId: suite.chainId,
    registry: registryAddress,
    agreementId: id,
    version,
    terms,
  });
  const base = (await fileExists(args.out))
    ? mergeSignaturePackets(
        fresh,
        parseSignaturePacket(await readJsonFile(args.out, "signature packet"), `signature packet ${args.out}`),
      )
    : fresh;
  const deadline = await signatureDeadline(suite, args.validHours);
  const nonce = await registry.partyNonce(id, partyIndex);
  const packet = await signIntoPacket(base, suite.signer, { partyIndex, party: orgId, nonce, deadline });
  await writeFile(args.out, serializeSignaturePacket(packet));
  console.log(
    `Organisation ${orgId} signed version ${version} of agreement ${id} offline; ${packet.signatures.length} of ${view.parties.length} signature(s) in ${args.out}.`,
  );
});
