import { keccak256, toUtf8Bytes } from "ethers";

import { PartnershipRegistry__factory } from "../../../typechain-types/index.js";
import {
  agreementSignatureTypedData,
  signPartnershipTypedData,
  agreementTermsOf,
  type AgreementTermsInput,
} from "../../../sdk/partnerships/typedData.js";
import { type BenchContext, gasOf, type Measurement } from "../types.js";

const DAY = 86_400n;
/** 2033-05-18: a fixed start time, later than any wall clock the benchmark runs at. */
const BENCH_START = 2_000_000_000;

/**
 * Partnerships: proposing the registry's first MOU, between two organisations with five
 * commitments (their agreement lists are written fresh), then relaying the
 * first party's EIP-712 signature from an EOA (a third account pays). The relayed signature is the
 * common case: it does not activate the agreement (the last signature also sets the version in
 * force, measured separately in docs/partnerships.md).
 */
export async function measure({ ethers, networkHelpers }: BenchContext): Promise<Measurement[]> {
  const [admin, city, exchange, relayer] = await ethers.getSigners();
  if (admin === undefined || city === undefined || exchange === undefined || relayer === undefined) {
    throw new Error("The benchmark needs four accounts.");
  }
  const deployed = await ethers.deployContract("PartnershipRegistry", [admin.address]);
  const registry = PartnershipRegistry__factory.connect(await deployed.getAddress(), admin);
  await (await registry.registerOrganisation("City of Busan", 0, "ipfs://city", [city.address])).wait();
  await (await registry.registerOrganisation("Exchange", 1, "ipfs://exchange", [exchange.address])).wait();

  // A fixed clock makes the signed deadlines, hence the signature bytes and calldata cost, the same
  // on every run.
  await networkHelpers.time.increaseTo(BENCH_START);
  const now = BigInt(await networkHelpers.time.latest());
  const categories = [0, 1, 2, 3, 4];
  const terms: AgreementTermsInput = {
    documentHash: keccak256(toUtf8Bytes("MOU document")),
    documentURI: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
    effectiveAt: now,
    expiresAt: now + 730n * DAY,
    signingDeadline: now + 30n * DAY,
    noticePeriod: 90n * DAY,
    commitments: categories.map((category, i) => ({
      responsibleParty: 1,
      category,
      dueDate: now + BigInt(i + 1) * 90n * DAY,
      descriptionHash: keccak256(toUtf8Bytes(`commitment ${i}`)),
      descriptionURI: `ipfs://commitment/${i}`,
    })),
  };
  // The registry's first agreement: the parties' agreement lists are written fresh (the worst case).
  const proposeGas = await gasOf(
    await registry
      .connect(city)
      .propose("Blockchain industry MOU", [1, 2], { ...terms, commitments: [...terms.commitments] }),
  );

  const chainId = (await ethers.provider.getNetwork()).chainId;
  const deadline = now + DAY;
  const data = agreementSignatureTypedData(chainId, await registry.getAddress(), {
    agreementId: 1n,
    version: 1,
    party: 1,
    signer: city.address,
    terms: agreementTermsOf(terms),
    nonce: 0n,
    deadline,
  });
  const signature = await signPartnershipTypedData(city, data);
  const relayGas = await gasOf(
    await registry.connect(relayer).signWithSignature({
      agreementId: 1n,
      version: 1,
      partyIndex: 0,
      signer: city.address,
      nonce: 0n,
      deadline,
      signature,
    }),
  );
  // The exchange's signature completes the set: it also puts version 1 in force.
  const exchangeData = agreementSignatureTypedData(chainId, await registry.getAddress(), {
    ...data.message,
    party: 2,
    signer: exchange.address,
  });
  const lastGas = await gasOf(
    await registry.connect(relayer).signWithSignature({
      agreementId: 1n,
      version: 1,
      partyIndex: 1,
      signer: exchange.address,
      nonce: 0n,
      deadline,
      signature: await signPartnershipTypedData(exchange, exchangeData),
    }),
  );
  return [
    { operation: "partnerships: propose MOU (2 parties, 5 commitments)", gas: proposeGas, items: 1 },
    { operation: "partnerships: relay one EIP-712 signature", gas: relayGas, items: 1 },
    { operation: "partnerships: relay the last signature (activates the MOU)", gas: lastGas, items: 1 },
  ];
}
