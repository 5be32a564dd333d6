import {
  concat,
  decodeBase64,
  encodeBase64,
  getAddress,
  getBytes,
  hexlify,
  toBeHex,
  toUtf8Bytes,
  toUtf8String,
} from "ethers";

import { InvalidInputError } from "../errors.js";
import { CREDENTIAL_VERSION, type Credential, MAX_PROOF_LENGTH, parseCredential } from "./credential.js";
import { leafHashOf, leafValues, nameCommitment, certificateTokenId } from "./leaf.js";

/** Version byte of the link payload. */
export const LINK_FORMAT_VERSION = 1;
/** The URL fragment key that carries the payload: `<baseUrl>#c=<payload>`. */
export const LINK_PARAM = "c";

const KIND_TOKEN = 0;
const KIND_COHORT = 1;
/** Fixed part: version, kind, chainId(8), registry(20), issuer(20), courseId(8), recipient(20), salt(32), validFrom(5), validUntil(5). */
const FIXED_BYTES = 1 + 1 + 8 + 20 + 20 + 8 + 20 + 32 + 5 + 5;

/**
 * A verification link for a credential, short enough for a QR code: the credential packed into
 * bytes (layout in docs/academy.md), base64url-encoded into the URL fragment, so the name never
 * reaches a web server's logs. `leaf` and `tokenId` are not carried; they are recomputed.
 */
export function credentialToLink(baseUrl: string, credential: Credential): string {
  const parts: Uint8Array[] = [
    Uint8Array.of(LINK_FORMAT_VERSION, credential.anchor.type === "cohort" ? KIND_COHORT : KIND_TOKEN),
    getBytes(toBeHex(BigInt(credential.chainId), 8)),
    getBytes(credential.registry),
    getBytes(credential.issuer),
    getBytes(toBeHex(BigInt(credential.courseId), 8)),
    getBytes(credential.recipient.address),
    getBytes(credential.recipient.salt),
    getBytes(toBeHex(BigInt(credential.validFrom), 5)),
    getBytes(toBeHex(BigInt(credential.validUntil), 5)),
  ];
  if (credential.anchor.type === "cohort") {
    parts.push(getBytes(credential.anchor.root), Uint8Array.of(credential.anchor.proof.length));
    for (const node of credential.anchor.proof) parts.push(getBytes(node));
  }
  parts.push(toUtf8Bytes(credential.recipient.name));
  const base = baseUrl.split("#")[0] ?? baseUrl;
  return `${base}#${LINK_PARAM}=${toBase64Url(getBytes(concat(parts)))}`;
}

/** The credential carried by a verification link; validated with the credential schema. */
export function credentialFromLink(url: string): Credential {
  const hashIndex = url.indexOf("#");
  const fragment = hashIndex < 0 ? "" : url.slice(hashIndex + 1);
  const payload = new URLSearchParams(fragment).get(LINK_PARAM);
  if (payload === null || payload === "") {
    throw new InvalidInputError(`The link has no credential (expected "#${LINK_PARAM}=…").`);
  }
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(payload);
  } catch (error) {
    throw new InvalidInputError("The link's credential is not valid base64url.", { cause: error });
  }
  if (bytes.length < FIXED_BYTES) throw new InvalidInputError("The link's credential is truncated.");
  if (bytes[0] !== LINK_FORMAT_VERSION) {
    throw new InvalidInputError(`The link's credential format ${bytes[0] ?? "?"} is not supported.`);
  }
  let offset = 1;
  const take = (length: number): Uint8Array => {
    if (offset + length > bytes.length) throw new InvalidInputError("The link's credential is truncated.");
    const slice = bytes.slice(offset, offset + length);
    offset += length;
    return slice;
  };
  const kind = take(1)[0];
  const chainId = BigInt(hexlify(take(8)));
  const registry = getAddress(hexlify(take(20)));
  const issuer = getAddress(hexlify(take(20)));
  const courseId = BigInt(hexlify(take(8)));
  const recipient = getAddress(hexlify(take(20)));
  const salt = hexlify(take(32));
  const validFrom = BigInt(hexlify(take(5)));
  const validUntil = BigInt(hexlify(take(5)));
  let anchor: Credential["anchor"];
  if (kind === KIND_COHORT) {
    const root = hexlify(take(32));
    const count = take(1)[0] ?? 0;
    if (count > MAX_PROOF_LENGTH) throw new InvalidInputError("The link's credential has too long a proof.");
    const proof: string[] = [];
    for (let i = 0; i < count; i += 1) proof.push(hexlify(take(32)));
    anchor = { type: "cohort", root, proof };
  } else if (kind === KIND_TOKEN) {
    anchor = { type: "token" };
  } else {
    throw new InvalidInputError(`The link's credential kind ${kind ?? "?"} is unknown.`);
  }
  let name: string;
  try {
    name = toUtf8String(bytes.slice(offset));
  } catch (error) {
    throw new InvalidInputError("The link's recipient name is not valid UTF-8.", { cause: error });
  }
  const leaf = leafHashOf(
    leafValues({
      chainId,
      registry,
      courseId,
      recipient,
      nameCommitment: nameCommitment(name, salt),
      validFrom,
      validUntil,
    }),
  );
  return parseCredential({
    version: CREDENTIAL_VERSION,
    chainId: chainId.toString(),
    registry,
    issuer,
    courseId: courseId.toString(),
    recipient: { name, salt, address: recipient },
    validFrom: validFrom.toString(),
    validUntil: validUntil.toString(),
    leaf,
    tokenId: certificateTokenId(leaf, courseId).toString(),
    anchor,
  });
}

function toBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new InvalidInputError("not base64url");
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  return decodeBase64(padded);
}
