import { getAddress, type Signer } from "ethers";
import { z } from "zod";

import { InvalidInputError } from "../errors.js";
import { addressField, bytes32Field, uintField } from "./jsonFields.js";
import {
  type AgreementSignatureMessage,
  agreementSignatureTypedData,
  type PartnershipTypedData,
  signPartnershipTypedData,
  type AgreementTerms,
} from "./typedData.js";

/** The `format` tag of a signature packet. */
export const SIGNATURE_PACKET_FORMAT = "busan-mou-signatures/1";

const entrySchema = z
  .object({
    partyIndex: z.number().int().min(0).max(7),
    party: z.number().int().positive(),
    signer: addressField,
    nonce: uintField,
    deadline: uintField,
    signature: z.string().regex(/^0x([0-9a-fA-F]{2})+$/, "must be 0x-prefixed hex bytes"),
  })
  .strict();

/** The zod schema of a signature packet (documented in docs/partnerships.md). */
export const signaturePacketSchema = z
  .object({
    format: z.literal(SIGNATURE_PACKET_FORMAT),
    chainId: uintField,
    registry: addressField,
    agreementId: uintField,
    version: z.number().int().positive(),
    terms: z
      .object({
        documentHash: bytes32Field,
        commitmentsHash: bytes32Field,
        effectiveAt: uintField,
        expiresAt: uintField,
        signingDeadline: uintField,
        noticePeriod: uintField,
      })
      .strict(),
    signatures: z.array(entrySchema).max(32),
  })
  .strict();

/** One party's signature in a packet. */
export interface SignaturePacketEntry {
  readonly partyIndex: number;
  /** The party's organisation id. */
  readonly party: number;
  readonly signer: string;
  readonly nonce: bigint;
  readonly deadline: bigint;
  readonly signature: string;
}

/**
 * Signatures of one agreement version, collected offline: each party adds its signature and one
 * relayer submits them all in one transaction.
 */
export interface SignaturePacket {
  readonly format: typeof SIGNATURE_PACKET_FORMAT;
  readonly chainId: bigint;
  readonly registry: string;
  readonly agreementId: bigint;
  readonly version: number;
  readonly terms: AgreementTerms;
  readonly signatures: readonly SignaturePacketEntry[];
}

/** An empty packet for a version. */
export function createSignaturePacket(fields: Omit<SignaturePacket, "format" | "signatures">): SignaturePacket {
  return { format: SIGNATURE_PACKET_FORMAT, ...fields, registry: getAddress(fields.registry), signatures: [] };
}

/** The typed data a party signs for a packet entry. */
export function packetEntryTypedData(
  packet: SignaturePacket,
  entry: Omit<SignaturePacketEntry, "signature">,
): PartnershipTypedData<AgreementSignatureMessage> {
  return agreementSignatureTypedData(packet.chainId, packet.registry, {
    agreementId: packet.agreementId,
    version: packet.version,
    party: entry.party,
    signer: entry.signer,
    terms: packet.terms,
    nonce: entry.nonce,
    deadline: entry.deadline,
  });
}

/** Adds (or replaces) a party's signature. */
export function addPacketSignature(packet: SignaturePacket, entry: SignaturePacketEntry): SignaturePacket {
  const others = packet.signatures.filter((e) => e.partyIndex !== entry.partyIndex);
  const signatures = [...others, { ...entry, signer: getAddress(entry.signer) }].sort(
    (a, b) => a.partyIndex - b.partyIndex,
  );
  return { ...packet, signatures };
}

/** Signs a packet entry with an EOA (ethers signer) and adds it. */
export async function signIntoPacket(
  packet: SignaturePacket,
  signer: Signer,
  entry: Omit<SignaturePacketEntry, "signature" | "signer">,
): Promise<SignaturePacket> {
  const full = { ...entry, signer: getAddress(await signer.getAddress()) };
  const signature = await signPartnershipTypedData(signer, packetEntryTypedData(packet, full));
  return addPacketSignature(packet, { ...full, signature });
}

/** Combines the signatures of two packets of the same version. */
export function mergeSignaturePackets(a: SignaturePacket, b: SignaturePacket): SignaturePacket {
  if (
    a.chainId !== b.chainId ||
    a.registry !== b.registry ||
    a.agreementId !== b.agreementId ||
    a.version !== b.version ||
    JSON.stringify(serializeTerms(a.terms)) !== JSON.stringify(serializeTerms(b.terms))
  ) {
    throw new InvalidInputError("The packets are for different agreements, versions or terms and cannot be merged.");
  }
  return b.signatures.reduce(addPacketSignature, a);
}

function serializeTerms(terms: AgreementTerms): Record<string, string> {
  return {
    documentHash: terms.documentHash,
    commitmentsHash: terms.commitmentsHash,
    effectiveAt: terms.effectiveAt.toString(),
    expiresAt: terms.expiresAt.toString(),
    signingDeadline: terms.signingDeadline.toString(),
    noticePeriod: terms.noticePeriod.toString(),
  };
}

/** The packet as JSON text (bigints as decimal strings). */
export function serializeSignaturePacket(packet: SignaturePacket): string {
  return `${JSON.stringify(
    {
      format: packet.format,
      chainId: packet.chainId.toString(),
      registry: packet.registry,
      agreementId: packet.agreementId.toString(),
      version: packet.version,
      terms: serializeTerms(packet.terms),
      signatures: packet.signatures.map((e) => ({
        partyIndex: e.partyIndex,
        party: e.party,
        signer: e.signer,
        nonce: e.nonce.toString(),
        deadline: e.deadline.toString(),
        signature: e.signature,
      })),
    },
    null,
    2,
  )}\n`;
}

/** Validates parsed JSON as a signature packet; the error names the first problem. */
export function parseSignaturePacket(json: unknown, source = "signature packet"): SignaturePacket {
  const parsed = signaturePacketSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
    throw new InvalidInputError(`The ${source} is invalid${where}: ${issue?.message ?? "unknown problem"}.`, {
      cause: parsed.error,
    });
  }
  const data = parsed.data;
  return { ...data, format: SIGNATURE_PACKET_FORMAT, signatures: data.signatures };
}

/** The contract inputs of a packet's signatures, for `signBatch`. */
export function signaturePacketInputs(packet: SignaturePacket) {
  return packet.signatures.map((e) => ({
    agreementId: packet.agreementId,
    version: packet.version,
    partyIndex: e.partyIndex,
    signer: e.signer,
    nonce: e.nonce,
    deadline: e.deadline,
    signature: e.signature,
  }));
}
