import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import {
  concat,
  keccak256,
  Signature,
  type Signer,
  type SigningKey,
  toBeHex,
  toUtf8Bytes,
  Wallet,
  zeroPadValue,
} from "ethers";

import {
  agreementSignatureTypedData,
  type AgreementCommitmentInput,
  signPartnershipTypedData,
  agreementTermsOf,
  terminationTypedData,
  type AgreementTermsInput,
  partnershipTypedDataDigest,
} from "../../sdk/partnerships/typedData.js";
import type { IPartnershipRegistry, PartnershipRegistry } from "../../typechain-types/index.js";

export const DAY = 86_400n;
/** secp256k1 group order, to build the malleable (high-s) twin of a signature. */
export const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

export const hashOf = (text: string): string => keccak256(toUtf8Bytes(text));

export function commitment(party: number, category: number, dueDate: bigint, text: string): AgreementCommitmentInput {
  return {
    responsibleParty: party,
    category,
    dueDate,
    descriptionHash: hashOf(text),
    descriptionURI: `ipfs://${text}`,
  };
}

/** Version terms starting at `now`: signable for 30 days, two years long, 90 days' notice. */
export function makeTerms(now: bigint, overrides: Partial<AgreementTermsInput> = {}): AgreementTermsInput {
  return {
    documentHash: hashOf("MOU v1"),
    documentURI: "ipfs://mou-v1.pdf",
    effectiveAt: now,
    expiresAt: now + 730n * DAY,
    signingDeadline: now + 30n * DAY,
    noticePeriod: 90n * DAY,
    commitments: [
      commitment(1, 0, now + 180n * DAY, "charity"),
      commitment(1, 1, now + 365n * DAY, "academy"),
      commitment(0, 5, now + 90n * DAY, "office"),
    ],
    ...overrides,
  };
}

/** Contract call shape of terms (mutable arrays for TypeChain). */
export function asInput(terms: AgreementTermsInput): IPartnershipRegistry.TermsInputStruct {
  return { ...terms, commitments: terms.commitments.map((c) => ({ ...c })) };
}

export interface SignArgs {
  readonly registry: PartnershipRegistry;
  readonly chainId: bigint;
  readonly agreementId: bigint;
  readonly version: number;
  readonly partyIndex: number;
  readonly orgId: number;
  readonly signerAddress: string;
  readonly terms: AgreementTermsInput;
  readonly nonce?: bigint;
  readonly deadline: bigint;
  /** Overrides for what is signed (to forge replays). */
  readonly registryAddress?: string;
}

export async function signatureData(args: SignArgs) {
  return agreementSignatureTypedData(args.chainId, args.registryAddress ?? (await args.registry.getAddress()), {
    agreementId: args.agreementId,
    version: args.version,
    party: args.orgId,
    signer: args.signerAddress,
    terms: agreementTermsOf(args.terms),
    nonce: args.nonce ?? 0n,
    deadline: args.deadline,
  });
}

/** An EOA's relayable signature input. */
export async function eoaSignature(signer: Signer, args: SignArgs): Promise<IPartnershipRegistry.SignatureInputStruct> {
  const signature = await signPartnershipTypedData(signer, await signatureData(args));
  return input(args, signature);
}

export function input(args: SignArgs, signature: string): IPartnershipRegistry.SignatureInputStruct {
  return {
    agreementId: args.agreementId,
    version: args.version,
    partyIndex: args.partyIndex,
    signer: args.signerAddress,
    nonce: args.nonce ?? 0n,
    deadline: args.deadline,
    signature,
  };
}

/** A key that signs raw digests (an ethers Wallet or HDNodeWallet). */
export interface OwnerKey {
  readonly address: string;
  readonly signingKey: SigningKey;
}

/** Owner signatures of a digest, concatenated in ascending owner order (as MultisigWallet wants). */
export function multisigSignature(owners: readonly OwnerKey[], digest: string): string {
  const sorted = [...owners].sort((a, b) => (BigInt(a.address) < BigInt(b.address) ? -1 : 1));
  return concat(sorted.map((owner) => owner.signingKey.sign(digest).serialized));
}

/** The malleable twin of a valid signature: s' = n - s, v flipped. Same signer, high s. */
export function highS(signature: string): string {
  const sig = Signature.from(signature);
  const s = SECP256K1_N - BigInt(sig.s);
  const v = sig.v === 27 ? 28 : 27;
  return concat([sig.r, zeroPadValue(toBeHex(s), 32), toBeHex(v, 1)]);
}

export async function terminationSignature(
  signer: Signer,
  registry: PartnershipRegistry,
  chainId: bigint,
  agreementId: bigint,
  reasonHash: string,
  partyIndex: number,
  orgId: number,
  deadline: bigint,
  nonce = 0n,
): Promise<IPartnershipRegistry.TerminationSignatureStruct> {
  const address = await signer.getAddress();
  const data = terminationTypedData(chainId, await registry.getAddress(), {
    agreementId,
    reasonHash,
    party: orgId,
    signer: address,
    nonce,
    deadline,
  });
  return { partyIndex, signer: address, deadline, signature: await signPartnershipTypedData(signer, data) };
}

export { partnershipTypedDataDigest };

/** Deploys the registry with three organisations: the city (a 2-of-3 multisig and an EOA), an
 *  exchange and a university. */
export async function deployRegistry(ethers: HardhatEthers) {
  const [admin, cityClerk, exchangeSigner, universitySigner, relayer, outsider, spare] = await ethers.getSigners();
  if (
    admin === undefined ||
    cityClerk === undefined ||
    exchangeSigner === undefined ||
    universitySigner === undefined ||
    relayer === undefined ||
    outsider === undefined ||
    spare === undefined
  ) {
    throw new Error("seven accounts are needed");
  }
  const owners = [Wallet.createRandom(), Wallet.createRandom(), Wallet.createRandom()];
  const multisig = await ethers.deployContract("MultisigWallet", [owners.map((o) => o.address), 2n]);
  const registry = await ethers.deployContract("PartnershipRegistry", [admin.address]);
  const multisigAddress = await multisig.getAddress();
  await registry.registerOrganisation("City of Busan", 0, "ipfs://city", [multisigAddress, cityClerk.address]);
  await registry.registerOrganisation("Exchange", 1, "ipfs://exchange", [exchangeSigner.address]);
  await registry.registerOrganisation("University", 2, "ipfs://university", [universitySigner.address]);
  const chainId = (await ethers.provider.getNetwork()).chainId;
  return {
    registry,
    multisig,
    owners,
    chainId,
    admin,
    cityClerk,
    exchangeSigner,
    universitySigner,
    relayer,
    outsider,
    spare,
  } satisfies Record<string, unknown> & { admin: HardhatEthersSigner };
}
