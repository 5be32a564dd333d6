import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import QRCode from "qrcode";

import { type Credential, credentialSchema } from "../academy/credential.js";
import { credentialToLink } from "../academy/link.js";
import { BusanError } from "../errors.js";
import { readValidatedJsonFile } from "./files.js";

/** Reads and validates a credential JSON file. */
export async function readCredentialFile(file: string): Promise<Credential> {
  return readValidatedJsonFile(file, credentialSchema, "credential file");
}

/** The files written for one graduate. */
export interface CredentialFiles {
  readonly json: string;
  readonly qr: string;
  readonly link: string;
}

/**
 * Writes a credential as `<dir>/<stem>.json` and a QR code of its verification link as
 * `<dir>/<stem>.png`.
 */
export async function writeCredentialFiles(
  dir: string,
  stem: string,
  credential: Credential,
  linkBase: string,
): Promise<CredentialFiles> {
  const json = path.join(dir, `${stem}.json`);
  const qr = path.join(dir, `${stem}.png`);
  const link = credentialToLink(linkBase, credential);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(json, `${JSON.stringify(credential, null, 2)}\n`);
    await QRCode.toFile(qr, link, { errorCorrectionLevel: "L", type: "png" });
  } catch (error) {
    throw new BusanError(`Writing the credential files ${json} and ${qr} failed.`, { cause: error });
  }
  return { json, qr, link };
}

/**
 * Writes every credential of a cohort (file stems `<line number>-<address>`), reporting progress
 * after each file.
 */
export async function writeCohortFiles(
  dir: string,
  credentials: readonly Credential[],
  linkBase: string,
  onProgress?: (done: number, total: number) => void,
): Promise<CredentialFiles[]> {
  const written: CredentialFiles[] = [];
  const width = String(credentials.length).length;
  for (const [index, credential] of credentials.entries()) {
    const stem = `${String(index + 1).padStart(width, "0")}-${credential.recipient.address}`;
    written.push(await writeCredentialFiles(dir, stem, credential, linkBase));
    onProgress?.(index + 1, credentials.length);
  }
  return written;
}
