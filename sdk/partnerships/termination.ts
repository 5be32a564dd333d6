import { getAddress, type Signer } from "ethers";
import { z } from "zod";

import { InvalidInputError } from "../errors.js";
import { addressField, bytes32Field, uintField } from "./jsonFields.js";
import { type PartnershipRegistry, partnershipRegistryEvents, sendPartnershipTx } from "./registry.js";
import {
  partnershipTypedDataDigest,
  signPartnershipTypedData,
  type TerminationMessage,
  terminationTypedData,
} from "./typedData.js";
import { verifyPartnershipSignature, type PartnershipSignatureCheck } from "./verify.js";
import type { Provider } from "ethers";

/** The `format` tag of a termination consent packet. */
export const TERMINATION_PACKET_FORMAT = "busan-mou-termination/1";

/** The zod schema of a termination consent packet (documented in docs/partnerships.md). */
export const terminationPacketSchema = z
  .object({
    format: z.literal(TERMINATION_PACKET_FORMAT),
    chainId: uintField,
    registry: addressField,
    agreementId: uintField,
    reasonHash: bytes32Field,
    reasonURI: z.string().default(""),
    signatures: z
      .array(
        z
          .object({
            partyIndex: z.number().int().min(0).max(7),
            party: z.number().int().positive(),
            signer: addressField,
            nonce: uintField,
            deadline: uintField,
            signature: z.string().regex(/^0x([0-9a-fA-F]{2})+$/, "must be 0x-prefixed hex bytes"),
          })
          .strict(),
      )
      .max(32),
  })
  .strict();

export type TerminationPacket = z.infer<typeof terminationPacketSchema>;
export type TerminationPacketEntry = TerminationPacket["signatures"][number];

/** An empty consent packet. */
export function createTerminationPacket(fields: Omit<TerminationPacket, "format" | "signatures">): TerminationPacket {
  return { format: TERMINATION_PACKET_FORMAT, ...fields, registry: getAddress(fields.registry), signatures: [] };
}

function entryMessage(packet: TerminationPacket, entry: Omit<TerminationPacketEntry, "signature">): TerminationMessage {
  return {
    agreementId: packet.agreementId,
    reasonHash: packet.reasonHash,
    party: entry.party,
    signer: entry.signer,
    nonce: entry.nonce,
    deadline: entry.deadline,
  };
}

/** Signs a party's consent with an EOA and adds it (replacing an earlier one of that party). */
export async function signTerminationConsent(
  packet: TerminationPacket,
  signer: Signer,
  entry: Omit<TerminationPacketEntry, "signature" | "signer">,
): Promise<TerminationPacket> {
  const full = { ...entry, signer: getAddress(await signer.getAddress()) };
  const data = terminationTypedData(packet.chainId, packet.registry, entryMessage(packet, full));
  const signature = await signPartnershipTypedData(signer, data);
  const others = packet.signatures.filter((e) => e.partyIndex !== entry.partyIndex);
  return {
    ...packet,
    signatures: [...others, { ...full, signature }].sort((a, b) => a.partyIndex - b.partyIndex),
  };
}

/** Checks one consent signature off-chain (ECDSA low s, else ERC-1271). */
export async function verifyTerminationEntry(
  provider: Provider,
  packet: TerminationPacket,
  entry: TerminationPacketEntry,
): Promise<PartnershipSignatureCheck> {
  const digest = partnershipTypedDataDigest(
    terminationTypedData(packet.chainId, packet.registry, entryMessage(packet, entry)),
  );
  return verifyPartnershipSignature(provider, entry.signer, digest, entry.signature);
}

/** The packet as JSON text (bigints as decimal strings). */
export function serializeTerminationPacket(packet: TerminationPacket): string {
  return `${JSON.stringify(packet, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2)}\n`;
}

/** Validates parsed JSON as a consent packet; the error names the first problem. */
export function parseTerminationPacket(json: unknown, source = "termination packet"): TerminationPacket {
  const parsed = terminationPacketSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
    throw new InvalidInputError(`The ${source} is invalid${where}: ${issue?.message ?? "unknown problem"}.`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Relays every party's consent: the agreement is terminated at once. */
export async function terminateByConsent(
  registry: PartnershipRegistry,
  packet: TerminationPacket,
): Promise<{ txHash: string; blockNumber: number; reasonHash: string }> {
  const signatures = packet.signatures.map((e) => ({
    partyIndex: e.partyIndex,
    signer: e.signer,
    deadline: e.deadline,
    signature: e.signature,
  }));
  const receipt = await sendPartnershipTx(registry, () =>
    registry.terminateByConsent(packet.agreementId, packet.reasonHash, signatures),
  );
  const event = partnershipRegistryEvents(registry, receipt.logs).find(
    (e) => e.name === "AgreementTerminatedByConsent",
  );
  if (event === undefined)
    throw new InvalidInputError("The termination emitted no AgreementTerminatedByConsent event.");
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber, reasonHash: event.args[1] as string };
}
