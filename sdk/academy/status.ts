import { type Provider, type Signer, toBeHex } from "ethers";

import { InvalidInputError } from "../errors.js";
import { getLogsPaged } from "../logs.js";
import { academyContract, academyInterface, type CertificateState, toCertificateState } from "./abi.js";
import type { Credential } from "./credential.js";
import { directCredential, type DirectIssue } from "./issueCertificate.js";
import { academyEvent, sendAcademyTx } from "./transaction.js";

/** Revokes certificates (tokens, or unclaimed cohort leaves by token id) with a reason. */
export async function revokeCertificates(
  signer: Signer,
  registry: string,
  tokenIds: readonly bigint[],
  reason: { code: number; hash: string },
): Promise<{ revoked: bigint[]; txHash: string }> {
  const academy = academyContract(registry, signer);
  const tx = await sendAcademyTx(registry, () =>
    academy.getFunction("revoke")([...tokenIds], reason.code, reason.hash),
  );
  const revoked = tx.events.filter((e) => e.name === "CertificateRevoked").map((e) => e.args[0] as bigint);
  return { revoked, txHash: tx.hash };
}

/** Suspends or unsuspends a certificate. */
export async function setCertificateSuspended(
  signer: Signer,
  registry: string,
  tokenId: bigint,
  suspended: boolean,
): Promise<{ tokenId: bigint; suspended: boolean; txHash: string }> {
  const academy = academyContract(registry, signer);
  const tx = await sendAcademyTx(registry, () => academy.getFunction("setSuspended")(tokenId, suspended));
  const event = academyEvent(tx, "CertificateSuspensionChanged");
  return { tokenId: event.args[0] as bigint, suspended: event.args[1] as boolean, txHash: tx.hash };
}

/** Replaces a certificate with a corrected one; returns the new token and its credential. */
export async function reissueCertificate(
  signer: Signer,
  registry: string,
  oldTokenId: bigint,
  graduate: DirectIssue,
): Promise<{ oldTokenId: bigint; newTokenId: bigint; credential: Credential; txHash: string }> {
  const provider = signer.provider;
  if (provider === null) throw new InvalidInputError("The signer is not connected to a network.");
  const { chainId } = await provider.getNetwork();
  const { credential, fields } = directCredential(chainId, registry, await signer.getAddress(), graduate);
  const academy = academyContract(registry, signer);
  const tx = await sendAcademyTx(registry, () => academy.getFunction("reissue")(oldTokenId, fields));
  const event = academyEvent(tx, "CertificateReissued");
  return { oldTokenId: event.args[0] as bigint, newTokenId: event.args[1] as bigint, credential, txHash: tx.hash };
}

/** The chain's state of a certificate token, in one call. */
export async function getCertificateState(
  provider: Provider,
  registry: string,
  tokenId: bigint,
): Promise<CertificateState> {
  const academy = academyContract(registry, provider);
  return toCertificateState(await academy.getFunction("certificateState")(tokenId));
}

/** Why a certificate was revoked, from its `CertificateRevoked` event. */
export interface Revocation {
  readonly tokenId: bigint;
  readonly reasonCode: number;
  readonly reasonHash: string;
  readonly txHash: string;
  readonly blockNumber: number;
}

/**
 * The revocation record of a certificate (or an unclaimed leaf's token id), read from the
 * registry's events in paged block ranges; `undefined` when it was never revoked.
 */
export async function getRevocation(
  provider: Provider,
  registry: string,
  tokenId: bigint,
  options: { fromBlock?: number } = {},
): Promise<Revocation | undefined> {
  const topic = academyInterface.getEvent("CertificateRevoked")?.topicHash;
  if (topic === undefined) throw new InvalidInputError("The academy ABI has no CertificateRevoked event.");
  const logs = await getLogsPaged(
    provider,
    { address: registry, topics: [topic, toBeHex(tokenId, 32)] },
    { fromBlock: options.fromBlock ?? 0 },
  );
  const log = logs.at(-1);
  if (log === undefined) return undefined;
  const parsed = academyInterface.parseLog(log);
  if (parsed === null) return undefined;
  return {
    tokenId,
    reasonCode: Number(parsed.args[2]),
    reasonHash: String(parsed.args[3]),
    txHash: log.transactionHash,
    blockNumber: log.blockNumber,
  };
}
