import { decodeBase64, encodeBase64, getAddress, getBytes, hexlify } from "ethers";

import { InvalidInputError } from "../errors.js";
import type { CheckInPass } from "./pass.js";

/**
 * The compact string inside a pass QR code (version 1):
 *
 *     BWT1.<chainId>.<tickets>.<tokenId>.<validUntil>.<signature>
 *
 * `chainId`, `tokenId` and `validUntil` are base-36 integers; `tickets` (20 bytes) and `signature`
 * are base64url without padding. A 65-byte signature gives a string of about 150 characters, which
 * fits a version-7 QR code at error-correction level M.
 */
export const PASS_QR_PREFIX = "BWT1";

const BASE36 = /^[0-9a-z]+$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function toBase64Url(hex: string): string {
  return encodeBase64(hex).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string, what: string): string {
  if (!BASE64URL.test(text)) throw new InvalidInputError(`The pass code's ${what} is not base64url.`);
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  try {
    return hexlify(decodeBase64(padded));
  } catch (error) {
    throw new InvalidInputError(`The pass code's ${what} is not base64url.`, { cause: error });
  }
}

function fromBase36(text: string, what: string): bigint {
  if (!BASE36.test(text)) throw new InvalidInputError(`The pass code's ${what} is not a base-36 number.`);
  let value = 0n;
  for (const ch of text) value = value * 36n + BigInt(parseInt(ch, 36));
  return value;
}

/** Encodes a pass as the compact QR string. */
export function encodePassQr(pass: CheckInPass): string {
  return [
    PASS_QR_PREFIX,
    pass.chainId.toString(36),
    toBase64Url(pass.tickets),
    pass.tokenId.toString(36),
    pass.validUntil.toString(36),
    toBase64Url(pass.signature),
  ].join(".");
}

/** Decodes the compact QR string; throws `InvalidInputError` for anything malformed. */
export function decodePassQr(text: string): CheckInPass {
  const parts = text.trim().split(".");
  if (parts.length !== 6 || parts[0] !== PASS_QR_PREFIX) {
    throw new InvalidInputError(
      `The pass code must be ${PASS_QR_PREFIX}.<chain>.<contract>.<token>.<expiry>.<signature>.`,
    );
  }
  const [, chain = "", contract = "", token = "", expiry = "", sig = ""] = parts;
  const ticketsHex = fromBase64Url(contract, "contract");
  if (getBytes(ticketsHex).length !== 20) throw new InvalidInputError("The pass code's contract is not 20 bytes.");
  const signature = fromBase64Url(sig, "signature");
  return {
    version: 1,
    chainId: fromBase36(chain, "chain id"),
    tickets: getAddress(ticketsHex),
    tokenId: fromBase36(token, "token id"),
    validUntil: fromBase36(expiry, "expiry"),
    signature,
  };
}
