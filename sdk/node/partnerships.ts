import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

import { FileNotFoundError } from "../errors.js";

/**
 * SHA-256 of a file, streamed (documents may be large), as a 0x-prefixed hex string. The digits are
 * those `sha256sum <file>` prints, so anyone can check a registry entry against the document.
 */
export async function hashAgreementDocumentFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (error) {
    throw new FileNotFoundError(path, "document", { cause: error });
  }
  return `0x${hash.digest("hex")}`;
}
