import type { Signer } from "ethers";

import { InvalidInputError } from "../errors.js";
import { academyContract } from "./abi.js";
import type { Cohort } from "./cohort.js";
import { type Credential, credentialFields } from "./credential.js";
import { academyEvent, sendAcademyTx } from "./transaction.js";

/** Anchors a built cohort's root (the signer must be the course's issuer account). */
export async function anchorCohort(
  signer: Signer,
  registry: string,
  cohort: Cohort,
): Promise<{ root: string; txHash: string }> {
  const academy = academyContract(registry, signer);
  const tx = await sendAcademyTx(registry, () =>
    academy.getFunction("anchorCohort")(cohort.root, cohort.courseId, cohort.credentials.length),
  );
  return { root: academyEvent(tx, "CohortAnchored").args[0] as string, txHash: tx.hash };
}

/** Claims a cohort credential's token; the signer must be the credential's recipient. */
export async function claimCertificate(
  signer: Signer,
  credential: Credential,
): Promise<{ tokenId: bigint; holder: string; txHash: string }> {
  if (credential.anchor.type !== "cohort") {
    throw new InvalidInputError("Only a cohort credential can be claimed; this one was issued as a token.");
  }
  const values = credentialFields(credential);
  const fields = {
    courseId: values.courseId,
    recipient: values.recipient,
    nameCommitment: values.nameCommitment,
    validFrom: values.validFrom,
    validUntil: values.validUntil,
  };
  const academy = academyContract(credential.registry, signer);
  const { root, proof } = credential.anchor;
  const tx = await sendAcademyTx(credential.registry, () => academy.getFunction("claim")(root, fields, proof));
  const event = academyEvent(tx, "CertificateIssued");
  return { tokenId: event.args[0] as bigint, holder: event.args[1] as string, txHash: tx.hash };
}
