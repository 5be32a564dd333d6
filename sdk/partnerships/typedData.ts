import {
  type Signer,
  type TypedDataDomain,
  type TypedDataField,
  TypedDataEncoder,
  getAddress,
  keccak256,
  concat,
} from "ethers";

/** Name and version of the registry's EIP-712 domain (see `PartnershipRegistry`'s constructor). */
export const PARTNERSHIP_DOMAIN_NAME = "PartnershipRegistry";
export const PARTNERSHIP_DOMAIN_VERSION = "1";

/** Commitment categories, in the order of the contract's `CommitmentCategory` enum. */
export const COMMITMENT_CATEGORIES = [
  "charity",
  "education",
  "research",
  "investment",
  "event",
  "office",
  "other",
] as const;
export type CommitmentCategoryName = (typeof COMMITMENT_CATEGORIES)[number];

/** Organisation kinds, in the order of the contract's `OrganisationKind` enum. */
export const ORGANISATION_KINDS = ["city", "exchange", "university", "foundation", "company"] as const;
export type OrganisationKindName = (typeof ORGANISATION_KINDS)[number];

/** Agreement statuses, in the order of the contract's `AgreementStatus` enum. */
export const AGREEMENT_STATUSES = ["None", "Pending", "Active", "Expired", "Terminated", "Cancelled"] as const;
export type AgreementStatusName = (typeof AGREEMENT_STATUSES)[number];

/** Commitment statuses, in the order of the contract's `CommitmentStatus` enum. */
export const COMMITMENT_STATUSES = ["Open", "Overdue", "Reported", "Acknowledged", "Disputed"] as const;
export type CommitmentStatusName = (typeof COMMITMENT_STATUSES)[number];

/** One commitment as the contract takes it (`AgreementCommitmentInput`). */
export interface AgreementCommitmentInput {
  /** Index of the responsible party in the agreement's parties. */
  readonly responsibleParty: number;
  /** Index into `COMMITMENT_CATEGORIES`. */
  readonly category: number;
  /** Unix seconds. */
  readonly dueDate: bigint;
  readonly descriptionHash: string;
  readonly descriptionURI: string;
}

/** The terms of a version as the contract takes them (`AgreementTermsInput`). */
export interface AgreementTermsInput {
  readonly documentHash: string;
  readonly documentURI: string;
  readonly effectiveAt: bigint;
  /** 0 = no expiry date. */
  readonly expiresAt: bigint;
  readonly signingDeadline: bigint;
  readonly noticePeriod: bigint;
  readonly commitments: readonly AgreementCommitmentInput[];
}

/** The signed terms of a version (EIP-712 struct `Terms`). */
export interface AgreementTerms {
  readonly documentHash: string;
  readonly commitmentsHash: string;
  readonly effectiveAt: bigint;
  readonly expiresAt: bigint;
  readonly signingDeadline: bigint;
  readonly noticePeriod: bigint;
}

export const TERMS_TYPE: TypedDataField[] = [
  { name: "documentHash", type: "bytes32" },
  { name: "commitmentsHash", type: "bytes32" },
  { name: "effectiveAt", type: "uint64" },
  { name: "expiresAt", type: "uint64" },
  { name: "signingDeadline", type: "uint64" },
  { name: "noticePeriod", type: "uint64" },
];

export const COMMITMENT_TYPES: Record<string, TypedDataField[]> = {
  Commitment: [
    { name: "responsibleParty", type: "uint8" },
    { name: "category", type: "uint8" },
    { name: "dueDate", type: "uint64" },
    { name: "descriptionHash", type: "bytes32" },
    { name: "descriptionURI", type: "string" },
  ],
};

/** EIP-712 types of a party's signature of a version. */
export const AGREEMENT_SIGNATURE_TYPES: Record<string, TypedDataField[]> = {
  AgreementSignature: [
    { name: "agreementId", type: "uint256" },
    { name: "version", type: "uint32" },
    { name: "party", type: "uint32" },
    { name: "signer", type: "address" },
    { name: "terms", type: "Terms" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  Terms: TERMS_TYPE,
};

/** EIP-712 types of a party's consent to terminate. */
export const TERMINATION_TYPES: Record<string, TypedDataField[]> = {
  Termination: [
    { name: "agreementId", type: "uint256" },
    { name: "reasonHash", type: "bytes32" },
    { name: "party", type: "uint32" },
    { name: "signer", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

/** The registry's EIP-712 domain on a chain. */
export function partnershipDomain(chainId: bigint, registry: string): TypedDataDomain {
  return {
    name: PARTNERSHIP_DOMAIN_NAME,
    version: PARTNERSHIP_DOMAIN_VERSION,
    chainId,
    verifyingContract: getAddress(registry),
  };
}

/** The EIP-712 encoding of a `Commitment[]` array: keccak256 of the concatenated struct hashes. */
export function hashAgreementCommitments(commitments: readonly AgreementCommitmentInput[]): string {
  const encoder = TypedDataEncoder.from(COMMITMENT_TYPES);
  const hashes = commitments.map((c) => encoder.hashStruct("Commitment", { ...c }));
  return keccak256(hashes.length === 0 ? "0x" : concat(hashes));
}

/** The signed terms of a proposed version. */
export function agreementTermsOf(input: AgreementTermsInput): AgreementTerms {
  return {
    documentHash: input.documentHash,
    commitmentsHash: hashAgreementCommitments(input.commitments),
    effectiveAt: input.effectiveAt,
    expiresAt: input.expiresAt,
    signingDeadline: input.signingDeadline,
    noticePeriod: input.noticePeriod,
  };
}

/** The EIP-712 struct hash of terms, as the registry stores it per version. */
export function hashAgreementTerms(terms: AgreementTerms): string {
  return TypedDataEncoder.from({ Terms: TERMS_TYPE }).hashStruct("Terms", { ...terms });
}

/** The message of a party's signature of a version. */
export interface AgreementSignatureMessage {
  readonly agreementId: bigint;
  readonly version: number;
  /** The party's organisation id. */
  readonly party: number;
  readonly signer: string;
  readonly terms: AgreementTerms;
  readonly nonce: bigint;
  readonly deadline: bigint;
}

/** The message of a party's consent to terminate. */
export interface TerminationMessage {
  readonly agreementId: bigint;
  readonly reasonHash: string;
  readonly party: number;
  readonly signer: string;
  readonly nonce: bigint;
  readonly deadline: bigint;
}

/** Complete typed data, ready for `eth_signTypedData_v4` or ethers' `signPartnershipTypedData`. */
export interface PartnershipTypedData<M> {
  readonly domain: TypedDataDomain;
  readonly types: Record<string, TypedDataField[]>;
  readonly primaryType: string;
  readonly message: M;
}

export function agreementSignatureTypedData(
  chainId: bigint,
  registry: string,
  message: AgreementSignatureMessage,
): PartnershipTypedData<AgreementSignatureMessage> {
  return {
    domain: partnershipDomain(chainId, registry),
    types: AGREEMENT_SIGNATURE_TYPES,
    primaryType: "AgreementSignature",
    message,
  };
}

export function terminationTypedData(
  chainId: bigint,
  registry: string,
  message: TerminationMessage,
): PartnershipTypedData<TerminationMessage> {
  return {
    domain: partnershipDomain(chainId, registry),
    types: TERMINATION_TYPES,
    primaryType: "Termination",
    message,
  };
}

/** The EIP-712 digest of typed data (what ECDSA and ERC-1271 wallets sign). */
export function partnershipTypedDataDigest<M extends object>(data: PartnershipTypedData<M>): string {
  return TypedDataEncoder.hash(data.domain, data.types, { ...data.message });
}

/** Signs typed data with an ethers signer (an EOA key or a wallet connection). */
export async function signPartnershipTypedData<M extends object>(
  signer: Signer,
  data: PartnershipTypedData<M>,
): Promise<string> {
  return signer.signTypedData(data.domain, data.types, { ...data.message });
}
