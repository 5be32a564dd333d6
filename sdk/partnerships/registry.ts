import type { ContractRunner, ContractTransactionResponse, Log, TransactionReceipt } from "ethers";

import { BusanError } from "../errors.js";
import { toBusanError } from "../revert.js";
import { type PartnershipRegistry, PartnershipRegistry__factory } from "../../typechain-types/index.js";
import {
  AGREEMENT_STATUSES,
  type AgreementStatusName,
  COMMITMENT_CATEGORIES,
  COMMITMENT_STATUSES,
  type CommitmentCategoryName,
  type CommitmentStatusName,
  ORGANISATION_KINDS,
  type OrganisationKindName,
} from "./typedData.js";

export type { PartnershipRegistry };

/** A typed registry contract at an address, connected to a provider (reads) or signer (writes). */
export function connectPartnershipRegistry(address: string, runner: ContractRunner): PartnershipRegistry {
  return PartnershipRegistry__factory.connect(address, runner);
}

/** Sends a registry transaction and waits for it; reverts become `ContractRevertError`s by name. */
export async function sendPartnershipTx(
  registry: PartnershipRegistry,
  send: () => Promise<ContractTransactionResponse>,
): Promise<TransactionReceipt> {
  try {
    const tx = await send();
    const receipt = await tx.wait();
    if (receipt === null || receipt.status !== 1) throw new BusanError(`The transaction ${tx.hash} failed.`);
    return receipt;
  } catch (error) {
    throw toBusanError(error, [registry.interface]);
  }
}

/** The registry's events in a receipt, parsed. */
export function partnershipRegistryEvents(registry: PartnershipRegistry, logs: readonly Log[]) {
  const address = (typeof registry.target === "string" ? registry.target : "").toLowerCase();
  return logs
    .filter((log) => log.address.toLowerCase() === address)
    .map((log) => registry.interface.parseLog(log))
    .filter((parsed) => parsed !== null);
}

/** An organisation with its signers. */
export interface OrganisationDetails {
  readonly id: number;
  readonly name: string;
  readonly kind: OrganisationKindName;
  readonly metadataURI: string;
  readonly active: boolean;
  readonly registeredAt: bigint;
  readonly signers: readonly string[];
}

export async function getOrganisation(registry: PartnershipRegistry, id: number): Promise<OrganisationDetails> {
  try {
    const org = await registry.organisation(id);
    const signers = await registry.signersOf(id);
    return {
      id,
      name: org.name,
      kind: ORGANISATION_KINDS[Number(org.kind)] ?? "company",
      metadataURI: org.metadataURI,
      active: org.active,
      registeredAt: org.registeredAt,
      signers: [...signers],
    };
  } catch (error) {
    throw toBusanError(error, [registry.interface]);
  }
}

/** Every organisation, in id order. */
export async function listOrganisations(registry: PartnershipRegistry): Promise<OrganisationDetails[]> {
  const count = Number(await registry.organisationCount());
  const all: OrganisationDetails[] = [];
  for (let id = 1; id <= count; id += 1) all.push(await getOrganisation(registry, id));
  return all;
}

export interface AgreementVersionDetails {
  readonly version: number;
  readonly termsHash: string;
  readonly documentHash: string;
  readonly effectiveAt: bigint;
  readonly expiresAt: bigint;
  readonly signingDeadline: bigint;
  readonly noticePeriod: bigint;
  readonly firstCommitment: number;
  readonly commitmentCount: number;
  /** Party indexes that signed this version. */
  readonly signedBy: readonly number[];
  readonly activatedAt: bigint;
}

export interface CommitmentDetails {
  readonly index: number;
  readonly responsibleParty: number;
  readonly category: CommitmentCategoryName;
  readonly dueDate: bigint;
  readonly status: CommitmentStatusName;
  readonly evidenceHash: string;
}

/** An agreement with its parties, versions (signatures per version) and commitments. */
export interface AgreementDetails {
  readonly id: bigint;
  readonly status: AgreementStatusName;
  readonly currentVersion: number;
  readonly latestVersion: number;
  readonly parties: readonly number[];
  readonly partyNonces: readonly bigint[];
  readonly proposedAt: bigint;
  readonly terminationEffectiveAt: bigint;
  readonly terminatedByConsent: boolean;
  readonly versions: readonly AgreementVersionDetails[];
  readonly commitments: readonly CommitmentDetails[];
}

export async function getAgreement(registry: PartnershipRegistry, id: bigint): Promise<AgreementDetails> {
  try {
    const view = await registry.agreement(id);
    const parties = view.parties.map(Number);
    const partyNonces = await Promise.all(parties.map((_, i) => registry.partyNonce(id, i)));
    const versions: AgreementVersionDetails[] = [];
    for (let v = 1; v <= Number(view.latestVersion); v += 1) {
      const record = await registry.agreementVersion(id, v);
      versions.push({
        version: v,
        termsHash: record.termsHash,
        documentHash: record.documentHash,
        effectiveAt: record.effectiveAt,
        expiresAt: record.expiresAt,
        signingDeadline: record.signingDeadline,
        noticePeriod: record.noticePeriod,
        firstCommitment: Number(record.firstCommitment),
        commitmentCount: Number(record.commitmentCount),
        signedBy: parties.map((_, i) => i).filter((i) => (Number(record.signedMask) & (1 << i)) !== 0),
        activatedAt: record.activatedAt,
      });
    }
    const commitments: CommitmentDetails[] = [];
    for (let i = 0; i < Number(view.commitmentCount); i += 1) {
      const c = await registry.commitment(id, i);
      commitments.push({
        index: i,
        responsibleParty: Number(c.responsibleParty),
        category: COMMITMENT_CATEGORIES[Number(c.category)] ?? "other",
        dueDate: c.dueDate,
        status: COMMITMENT_STATUSES[Number(c.status)] ?? "Open",
        evidenceHash: c.evidenceHash,
      });
    }
    return {
      id,
      status: AGREEMENT_STATUSES[Number(view.status)] ?? "None",
      currentVersion: Number(view.currentVersion),
      latestVersion: Number(view.latestVersion),
      parties,
      partyNonces,
      proposedAt: view.proposedAt,
      terminationEffectiveAt: view.terminationEffectiveAt,
      terminatedByConsent: view.terminatedByConsent,
      versions,
      commitments,
    };
  } catch (error) {
    throw toBusanError(error, [registry.interface]);
  }
}

/** The agreement ids of an organisation, all pages. */
export async function agreementsOfOrganisation(registry: PartnershipRegistry, orgId: number): Promise<bigint[]> {
  const pageSize = 100n;
  const ids: bigint[] = [];
  for (let offset = 0n; ; offset += pageSize) {
    const [page, total] = await registry.agreementsOf(orgId, offset, pageSize);
    ids.push(...page);
    if (offset + pageSize >= total) return ids;
  }
}
