import type { Log } from "ethers";

import { InvalidInputError } from "../errors.js";
import { type PartnershipRegistry, partnershipRegistryEvents, sendPartnershipTx } from "./registry.js";
import { signaturePacketInputs, type SignaturePacket } from "./packet.js";
import { ORGANISATION_KINDS, type OrganisationKindName, type AgreementTermsInput } from "./typedData.js";

/** What a write did: its transaction hash and the block it landed in. */
export interface PartnershipWriteResult {
  readonly txHash: string;
  readonly blockNumber: number;
}

function asContractTerms(terms: AgreementTermsInput) {
  return { ...terms, commitments: terms.commitments.map((c) => ({ ...c })) };
}

export async function registerOrganisation(
  registry: PartnershipRegistry,
  name: string,
  kind: OrganisationKindName,
  metadataURI: string,
  signers: readonly string[],
): Promise<PartnershipWriteResult & { orgId: number }> {
  const receipt = await sendPartnershipTx(registry, () =>
    registry.registerOrganisation(name, ORGANISATION_KINDS.indexOf(kind), metadataURI, [...signers]),
  );
  const event = partnershipRegistryEvents(registry, receipt.logs).find((e) => e.name === "OrganisationRegistered");
  if (event === undefined) throw new InvalidInputError("The registration emitted no OrganisationRegistered event.");
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber, orgId: Number(event.args[0]) };
}

export async function setOrganisationSigner(
  registry: PartnershipRegistry,
  orgId: number,
  signer: string,
  authorised: boolean,
): Promise<PartnershipWriteResult> {
  const receipt = await sendPartnershipTx(registry, () => registry.setSigner(orgId, signer, authorised));
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

export async function rotateOrganisationSigner(
  registry: PartnershipRegistry,
  orgId: number,
  oldSigner: string,
  newSigner: string,
): Promise<PartnershipWriteResult> {
  const receipt = await sendPartnershipTx(registry, () => registry.rotateSigner(orgId, oldSigner, newSigner));
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

export async function setOrganisationActive(
  registry: PartnershipRegistry,
  orgId: number,
  active: boolean,
): Promise<PartnershipWriteResult> {
  const receipt = await sendPartnershipTx(registry, () => registry.setOrganisationActive(orgId, active));
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

/** Proposes an agreement; returns its id and the terms hash of version 1. */
export async function proposeAgreement(
  registry: PartnershipRegistry,
  title: string,
  parties: readonly number[],
  terms: AgreementTermsInput,
): Promise<PartnershipWriteResult & { agreementId: bigint }> {
  const receipt = await sendPartnershipTx(registry, () =>
    registry.propose(title, [...parties], asContractTerms(terms)),
  );
  const event = partnershipRegistryEvents(registry, receipt.logs).find((e) => e.name === "AgreementProposed");
  if (event === undefined) throw new InvalidInputError("The proposal emitted no AgreementProposed event.");
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber, agreementId: event.args[0] as bigint };
}

/** Proposes an amendment (a new version) of an active agreement. */
export async function proposeAmendment(
  registry: PartnershipRegistry,
  agreementId: bigint,
  partyIndex: number,
  terms: AgreementTermsInput,
): Promise<PartnershipWriteResult & { version: number }> {
  const receipt = await sendPartnershipTx(registry, () =>
    registry.proposeAmendment(agreementId, partyIndex, asContractTerms(terms)),
  );
  const event = partnershipRegistryEvents(registry, receipt.logs).find((e) => e.name === "VersionProposed");
  if (event === undefined) throw new InvalidInputError("The amendment emitted no VersionProposed event.");
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber, version: Number(event.args[1]) };
}

/** What submitting signatures did. */
export interface AgreementSignResult extends PartnershipWriteResult {
  /** Organisation ids whose signatures were recorded. */
  readonly signed: readonly number[];
  /** The version that became active, if the last missing signature was among them. */
  readonly activatedVersion: number | undefined;
}

function signResult(
  registry: PartnershipRegistry,
  receipt: { hash: string; blockNumber: number; logs: readonly Log[] },
): AgreementSignResult {
  const events = partnershipRegistryEvents(registry, receipt.logs);
  const signed = events.filter((e) => e.name === "AgreementSigned").map((e) => Number(e.args[1]));
  const activated = events.find((e) => e.name === "VersionActivated");
  return {
    txHash: receipt.hash,
    blockNumber: receipt.blockNumber,
    signed,
    activatedVersion: activated === undefined ? undefined : Number(activated.args[1]),
  };
}

/** Relays every signature of a packet in one transaction. */
export async function submitSignaturePacket(
  registry: PartnershipRegistry,
  packet: SignaturePacket,
): Promise<AgreementSignResult> {
  if (packet.signatures.length === 0) throw new InvalidInputError("The signature packet holds no signatures.");
  const inputs = signaturePacketInputs(packet);
  const receipt = await sendPartnershipTx(registry, () =>
    inputs.length === 1 && inputs[0] !== undefined ? registry.signWithSignature(inputs[0]) : registry.signBatch(inputs),
  );
  return signResult(registry, receipt);
}

/** Signs by direct call from the connected signer. */
export async function signAgreementDirectly(
  registry: PartnershipRegistry,
  agreementId: bigint,
  version: number,
  partyIndex: number,
): Promise<AgreementSignResult> {
  const receipt = await sendPartnershipTx(registry, () => registry.sign(agreementId, version, partyIndex));
  return signResult(registry, receipt);
}

export async function withdrawAgreementSignature(
  registry: PartnershipRegistry,
  agreementId: bigint,
  partyIndex: number,
): Promise<PartnershipWriteResult> {
  const receipt = await sendPartnershipTx(registry, () => registry.withdrawSignature(agreementId, partyIndex));
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

export async function reportFulfilment(
  registry: PartnershipRegistry,
  agreementId: bigint,
  index: number,
  evidenceHash: string,
  evidenceURI: string,
): Promise<PartnershipWriteResult> {
  const receipt = await sendPartnershipTx(registry, () =>
    registry.reportFulfilment(agreementId, index, evidenceHash, evidenceURI),
  );
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

export async function acknowledgeFulfilment(
  registry: PartnershipRegistry,
  agreementId: bigint,
  index: number,
  partyIndex: number,
): Promise<PartnershipWriteResult> {
  const receipt = await sendPartnershipTx(registry, () =>
    registry.acknowledgeFulfilment(agreementId, index, partyIndex),
  );
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

export async function disputeFulfilment(
  registry: PartnershipRegistry,
  agreementId: bigint,
  index: number,
  partyIndex: number,
  reasonHash: string,
  reasonURI: string,
): Promise<PartnershipWriteResult> {
  const receipt = await sendPartnershipTx(registry, () =>
    registry.disputeFulfilment(agreementId, index, partyIndex, reasonHash, reasonURI),
  );
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber };
}

/** Gives one party's notice; returns when the termination takes effect. */
export async function giveTerminationNotice(
  registry: PartnershipRegistry,
  agreementId: bigint,
  partyIndex: number,
  reasonHash: string,
  reasonURI: string,
): Promise<PartnershipWriteResult & { effectiveAt: bigint }> {
  const receipt = await sendPartnershipTx(registry, () =>
    registry.giveTerminationNotice(agreementId, partyIndex, reasonHash, reasonURI),
  );
  const event = partnershipRegistryEvents(registry, receipt.logs).find((e) => e.name === "TerminationNoticeGiven");
  if (event === undefined) throw new InvalidInputError("The notice emitted no TerminationNoticeGiven event.");
  return { txHash: receipt.hash, blockNumber: receipt.blockNumber, effectiveAt: event.args[3] as bigint };
}
