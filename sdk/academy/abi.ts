import { Contract, type ContractRunner, Interface } from "ethers";

const LEAF_FIELDS =
  "tuple(uint64 courseId, address recipient, bytes32 nameCommitment, uint40 validFrom, uint40 validUntil)";
const STATE =
  "tuple(uint8 status, uint256 tokenId, address holder, uint64 courseId, uint32 issuerId, address issuerAccount, uint40 issuedAt, uint40 validFrom, uint40 validUntil, bool proofValid, bool anchored, uint256 successor)";

/** The part of the AcademyCertificates ABI the SDK uses (human-readable, no build step needed). */
export const ACADEMY_ABI = [
  "function registerIssuer(address account, string name, string metadataURI) returns (uint32)",
  "function setIssuerSuspended(uint32 issuerId, bool suspended)",
  "function retireIssuer(uint32 issuerId, uint40 retiredAt)",
  "function createCourse(string metadataURI, bytes32 metadataHash, uint40 maxValidity, bool revocable) returns (uint64)",
  `function issue(${LEAF_FIELDS} fields) returns (uint256)`,
  "function anchorCohort(bytes32 root, uint64 courseId, uint32 graduates)",
  `function claim(bytes32 root, ${LEAF_FIELDS} fields, bytes32[] proof) returns (uint256)`,
  "function revoke(uint256[] tokenIds, uint8 reasonCode, bytes32 reasonHash)",
  "function setSuspended(uint256 tokenId, bool suspended)",
  `function reissue(uint256 oldTokenId, ${LEAF_FIELDS} fields) returns (uint256)`,
  `function certificateState(uint256 tokenId) view returns (${STATE})`,
  `function leafState(bytes32 root, ${LEAF_FIELDS} fields, bytes32[] proof) view returns (${STATE})`,
  "function issuer(uint32 issuerId) view returns (tuple(address account, uint40 registeredAt, uint40 retiredAt, bool suspended))",
  "function issuerProfile(uint32 issuerId) view returns (string name, string metadataURI)",
  "function issuerIdOf(address account) view returns (uint32)",
  "function issuerCount() view returns (uint32)",
  "function course(uint64 courseId) view returns (tuple(uint32 issuerId, uint40 maxValidity, bool revocable, bytes32 metadataHash))",
  "function courseMetadataURI(uint64 courseId) view returns (string)",
  "function courseCount() view returns (uint64)",
  "function cohort(bytes32 root) view returns (uint64 courseId, uint40 anchoredAt)",
  "function hasValidCertificate(address holder, uint256 courseId) view returns (bool)",
  "event IssuerRegistered(uint32 indexed issuerId, address indexed account, string name, string metadataURI)",
  "event CourseCreated(uint64 indexed courseId, uint32 indexed issuerId, string metadataURI, bytes32 metadataHash, uint40 maxValidity, bool revocable)",
  "event CohortAnchored(bytes32 indexed root, uint64 indexed courseId, uint32 indexed issuerId, uint32 graduates)",
  "event CertificateIssued(uint256 indexed tokenId, address indexed holder, uint64 indexed courseId, bytes32 cohortRoot)",
  "event CertificateRevoked(uint256 indexed tokenId, uint64 indexed courseId, uint8 reasonCode, bytes32 reasonHash)",
  "event CertificateSuspensionChanged(uint256 indexed tokenId, bool suspended)",
  "event CertificateReissued(uint256 indexed oldTokenId, uint256 indexed newTokenId)",
  // Errors, so that reverts decode to their names (AcademyCertificates, OpenZeppelin ERC-721, AccessControl, ECDSA).
  "error AcademyCertificatesAccountAlreadyIssuer(address,uint32)",
  "error AcademyCertificatesAlreadyIssued(uint256)",
  "error AcademyCertificatesAlreadyRevoked(uint256)",
  "error AcademyCertificatesApprovalDisabled()",
  "error AcademyCertificatesCohortAlreadyAnchored(bytes32)",
  "error AcademyCertificatesCohortCourseMismatch(bytes32,uint64)",
  "error AcademyCertificatesConsentExpired(uint256)",
  "error AcademyCertificatesEmptyCohort()",
  "error AcademyCertificatesHolderAlreadyCertified(address,uint64)",
  "error AcademyCertificatesInvalidBatchSize(uint256,uint256)",
  "error AcademyCertificatesInvalidConsent(address)",
  "error AcademyCertificatesInvalidProof(bytes32,bytes32)",
  "error AcademyCertificatesInvalidRetirementTime(uint32,uint40)",
  "error AcademyCertificatesInvalidValidity(uint40,uint40)",
  "error AcademyCertificatesIssuerNotActive(uint32)",
  "error AcademyCertificatesIssuerSuspensionUnchanged(uint32,bool)",
  "error AcademyCertificatesLeafRevoked(uint256)",
  "error AcademyCertificatesNotCourseIssuer(uint64,address)",
  "error AcademyCertificatesNotHolder(uint256,address)",
  "error AcademyCertificatesNotIssuer(address)",
  "error AcademyCertificatesNotRevocable(uint64)",
  "error AcademyCertificatesReissueCourseMismatch(uint256,uint64)",
  "error AcademyCertificatesSoulbound(uint256)",
  "error AcademyCertificatesSuspensionUnchanged(uint256,bool)",
  "error AcademyCertificatesUnknownCertificate(uint256)",
  "error AcademyCertificatesUnknownCohort(bytes32)",
  "error AcademyCertificatesUnknownCourse(uint64)",
  "error AcademyCertificatesUnknownIssuer(uint32)",
  "error AcademyCertificatesValidityTooLong(uint64,uint40,uint40,uint40)",
  "error AcademyCertificatesZeroAddress()",
  "error AcademyCertificatesZeroRoot()",
  "error AccessControlBadConfirmation()",
  "error AccessControlUnauthorizedAccount(address,bytes32)",
  "error ERC721IncorrectOwner(address,uint256,address)",
  "error ERC721InsufficientApproval(address,uint256)",
  "error ERC721InvalidApprover(address)",
  "error ERC721InvalidOperator(address)",
  "error ERC721InvalidOwner(address)",
  "error ERC721InvalidReceiver(address)",
  "error ERC721InvalidSender(address)",
  "error ERC721NonexistentToken(uint256)",
  "error InvalidAccountNonce(address,uint256)",
  "error InvalidShortString()",
  "error StringTooLong(string)",
] as const;

/** The interface of ACADEMY_ABI. */
export const academyInterface = new Interface(ACADEMY_ABI);

/** An AcademyCertificates contract at `address`, for reads (Provider) or writes (Signer). */
export function academyContract(address: string, runner: ContractRunner): Contract {
  return new Contract(address, academyInterface, runner);
}

/** IAcademyCertificates.Status, in declaration order. */
export const CERTIFICATE_STATUSES = [
  "Valid",
  "Revoked",
  "Suspended",
  "Expired",
  "NotYetValid",
  "UnknownIssuer",
  "IssuerRetired",
  "Superseded",
  "NotFound",
] as const;

/** The name of a certificate status. */
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** The status name of an on-chain status value. */
export function statusName(value: bigint | number): CertificateStatus {
  return CERTIFICATE_STATUSES[Number(value)] ?? "NotFound";
}

/** Everything the chain says about a certificate or a cohort leaf (`certificateState`/`leafState`). */
export interface CertificateState {
  readonly status: CertificateStatus;
  readonly tokenId: bigint;
  /** Current holder; the zero address when no token exists. */
  readonly holder: string;
  readonly courseId: bigint;
  readonly issuerId: bigint;
  readonly issuerAccount: string;
  readonly issuedAt: bigint;
  readonly validFrom: bigint;
  readonly validUntil: bigint;
  readonly proofValid: boolean;
  readonly anchored: boolean;
  /** The certificate that replaced this one, 0 when none. */
  readonly successor: bigint;
}

/** Converts the ABI-decoded state tuple. */
export function toCertificateState(raw: unknown): CertificateState {
  const r = raw as {
    status: bigint;
    tokenId: bigint;
    holder: string;
    courseId: bigint;
    issuerId: bigint;
    issuerAccount: string;
    issuedAt: bigint;
    validFrom: bigint;
    validUntil: bigint;
    proofValid: boolean;
    anchored: boolean;
    successor: bigint;
  };
  return {
    status: statusName(r.status),
    tokenId: r.tokenId,
    holder: r.holder,
    courseId: r.courseId,
    issuerId: r.issuerId,
    issuerAccount: r.issuerAccount,
    issuedAt: r.issuedAt,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    proofValid: r.proofValid,
    anchored: r.anchored,
    successor: r.successor,
  };
}
