import { getAddress, type Signer } from "ethers";

import { InvalidInputError } from "../errors.js";
import { academyContract } from "./abi.js";
import { CREDENTIAL_VERSION, type Credential } from "./credential.js";
import { leafHashOf, leafValues, nameCommitment, randomSalt, certificateTokenId } from "./leaf.js";
import { academyEvent, sendAcademyTx } from "./transaction.js";

/** A graduate to certify directly. */
export interface DirectIssue {
  readonly courseId: bigint;
  readonly recipient: string;
  readonly name: string;
  readonly validFrom: bigint;
  /** 0 = does not expire. */
  readonly validUntil: bigint;
  /** Default: 32 random bytes. */
  readonly salt?: string;
}

/** The credential of a certificate before it is issued (token kind). */
export function directCredential(
  chainId: bigint,
  registry: string,
  issuer: string,
  graduate: DirectIssue,
): { credential: Credential; fields: LeafFieldsArg } {
  const salt = graduate.salt ?? randomSalt();
  const commitment = nameCommitment(graduate.name, salt);
  const values = leafValues({
    chainId,
    registry,
    courseId: graduate.courseId,
    recipient: graduate.recipient,
    nameCommitment: commitment,
    validFrom: graduate.validFrom,
    validUntil: graduate.validUntil,
  });
  const leaf = leafHashOf(values);
  return {
    credential: {
      version: CREDENTIAL_VERSION,
      chainId: chainId.toString(),
      registry: getAddress(registry),
      issuer: getAddress(issuer),
      courseId: graduate.courseId.toString(),
      recipient: { name: graduate.name, salt, address: getAddress(graduate.recipient) },
      validFrom: graduate.validFrom.toString(),
      validUntil: graduate.validUntil.toString(),
      leaf,
      tokenId: certificateTokenId(leaf, graduate.courseId).toString(),
      anchor: { type: "token" },
    },
    fields: {
      courseId: graduate.courseId,
      recipient: getAddress(graduate.recipient),
      nameCommitment: commitment,
      validFrom: graduate.validFrom,
      validUntil: graduate.validUntil,
    },
  };
}

/** The leaf fields as the contract takes them. */
export interface LeafFieldsArg {
  readonly courseId: bigint;
  readonly recipient: string;
  readonly nameCommitment: string;
  readonly validFrom: bigint;
  readonly validUntil: bigint;
}

/** Mints a certificate directly to a graduate; returns its token id and the graduate's credential. */
export async function issueCertificate(
  signer: Signer,
  registry: string,
  graduate: DirectIssue,
): Promise<{ tokenId: bigint; credential: Credential; txHash: string }> {
  const provider = signer.provider;
  if (provider === null) throw new InvalidInputError("The signer is not connected to a network.");
  const { chainId } = await provider.getNetwork();
  const { credential, fields } = directCredential(chainId, registry, await signer.getAddress(), graduate);
  const academy = academyContract(registry, signer);
  const tx = await sendAcademyTx(registry, () => academy.getFunction("issue")(fields));
  const tokenId = academyEvent(tx, "CertificateIssued").args[0] as bigint;
  return { tokenId, credential, txHash: tx.hash };
}
