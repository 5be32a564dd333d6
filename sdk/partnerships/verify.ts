import { Contract, dataLength, getBytes, type Provider, recoverAddress, Signature, toBigInt } from "ethers";

import { BusanError } from "../errors.js";
import { packetEntryTypedData, type SignaturePacketEntry, type SignaturePacket } from "./packet.js";
import { partnershipTypedDataDigest } from "./typedData.js";

/** ERC-1271's magic value: `isValidSignature(bytes32,bytes)`'s selector. */
const ERC1271_MAGIC_VALUE = "0x1626ba7e";
/** Half the secp256k1 order: OpenZeppelin ECDSA rejects a larger `s` (malleable signatures). */
const HALF_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;
const ECDSA_SIGNATURE_LENGTH = 65;

const ERC1271_ABI = ["function isValidSignature(bytes32 hash, bytes signature) view returns (bytes4)"];

/** The outcome of an off-chain signature check. */
export interface PartnershipSignatureCheck {
  readonly valid: boolean;
  /** How it was checked: recovered from ECDSA, or asked of the signer's contract (ERC-1271). */
  readonly method: "ecdsa" | "erc1271";
  /** Why it is invalid (one sentence), when it is. */
  readonly reason: string | undefined;
}

/** The signer an ECDSA signature recovers to, the way OpenZeppelin ECDSA does, or undefined. */
export function recoverLowSSigner(digest: string, signature: string): string | undefined {
  if (dataLength(signature) !== ECDSA_SIGNATURE_LENGTH) return undefined;
  const bytes = getBytes(signature);
  const s = toBigInt(bytes.slice(32, 64));
  const v = bytes[64];
  if (s > HALF_ORDER || (v !== 27 && v !== 28)) return undefined;
  try {
    return recoverAddress(digest, Signature.from(signature));
  } catch {
    return undefined;
  }
}

/**
 * Checks a signature of a digest off-chain exactly as the registry does: ECDSA first (low s,
 * 65 bytes), then ERC-1271 (`isValidSignature` must return the magic value) when the signer has code.
 */
export async function verifyPartnershipSignature(
  provider: Provider,
  signer: string,
  digest: string,
  signature: string,
): Promise<PartnershipSignatureCheck> {
  const recovered = recoverLowSSigner(digest, signature);
  if (recovered !== undefined && recovered.toLowerCase() === signer.toLowerCase()) {
    return { valid: true, method: "ecdsa", reason: undefined };
  }
  const code = await provider.getCode(signer);
  if (code === "0x") {
    return {
      valid: false,
      method: "ecdsa",
      reason:
        recovered === undefined
          ? `The signature is not a valid low-s 65-byte ECDSA signature and ${signer} is not a contract wallet.`
          : `The signature was made by ${recovered}, not by ${signer}.`,
    };
  }
  try {
    const wallet = new Contract(signer, ERC1271_ABI, provider);
    const answer = (await wallet.getFunction("isValidSignature").staticCall(digest, signature)) as string;
    if (answer.toLowerCase() === ERC1271_MAGIC_VALUE) return { valid: true, method: "erc1271", reason: undefined };
    return {
      valid: false,
      method: "erc1271",
      reason: `The wallet ${signer} answered ${answer}, not the ERC-1271 magic value.`,
    };
  } catch (error) {
    if (error instanceof BusanError) throw error;
    return { valid: false, method: "erc1271", reason: `The wallet ${signer} refused the signature.` };
  }
}

/** Checks one packet entry's signature off-chain. */
export async function verifyPacketEntry(
  provider: Provider,
  packet: SignaturePacket,
  entry: SignaturePacketEntry,
): Promise<PartnershipSignatureCheck> {
  const digest = partnershipTypedDataDigest(packetEntryTypedData(packet, entry));
  return verifyPartnershipSignature(provider, entry.signer, digest, entry.signature);
}
