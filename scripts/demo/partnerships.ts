import { concat, type Signer, type SigningKey, toUtf8Bytes, Wallet } from "ethers";

import { submitSignaturePacket, proposeAgreement, registerOrganisation } from "../../sdk/partnerships/actions.js";
import { hashAgreementDocument } from "../../sdk/partnerships/documentHash.js";
import { hashCommitmentDescription } from "../../sdk/partnerships/mou.js";
import {
  addPacketSignature,
  createSignaturePacket,
  packetEntryTypedData,
  serializeSignaturePacket,
  signIntoPacket,
  type SignaturePacket,
} from "../../sdk/partnerships/packet.js";
import { connectPartnershipRegistry, getAgreement } from "../../sdk/partnerships/registry.js";
import {
  createTerminationPacket,
  serializeTerminationPacket,
  signTerminationConsent,
  type TerminationPacket,
  terminateByConsent,
} from "../../sdk/partnerships/termination.js";
import {
  agreementTermsOf,
  type AgreementTermsInput,
  COMMITMENT_CATEGORIES,
  type CommitmentCategoryName,
  type OrganisationKindName,
  partnershipTypedDataDigest,
  terminationTypedData,
} from "../../sdk/partnerships/typedData.js";
import { verifyPacketEntry } from "../../sdk/partnerships/verify.js";
import { MultisigWallet__factory, type MultisigWallet } from "../../typechain-types/index.js";
import { chainNow, type DemoContext, expectFact, receiptOf, writeArtifact } from "./context.js";

const DAY = 86_400n;
/** Signatures the city's multisig needs (2 of its 3 owners). */
const CITY_THRESHOLD = 2n;
/** The Binance MOU's commitments fall due after Blockchain Week 2027. */
const COMMITMENTS_DUE = 1_830_211_200n; // 2027-12-31T00:00:00Z

/** The City of Busan's wallet: a 2-of-3 multisig contract whose owners sign raw digests. */
export interface CityWallet {
  readonly address: string;
  readonly contract: MultisigWallet;
  readonly owners: readonly { readonly address: string; readonly signingKey: SigningKey }[];
}

/** The city's approval of a digest: two owners' signatures, in ascending owner order. */
export function citySignature(city: CityWallet, digest: string): string {
  const signing = [...city.owners.slice(0, Number(CITY_THRESHOLD))].sort((a, b) =>
    BigInt(a.address) < BigInt(b.address) ? -1 : 1,
  );
  return concat(signing.map((owner) => owner.signingKey.sign(digest).serialized));
}

/** Sends a call from the city's multisig, approved by two owners. */
export async function cityExecute(city: CityWallet, relayer: Signer, target: string, data: string) {
  const nonce = await city.contract.nonce();
  const digest = await city.contract.callHash(target, 0n, data, nonce);
  return city.contract.connect(relayer).execute(target, 0n, data, citySignature(city, digest));
}

/** What the partnership chapter leaves for later chapters. */
export interface PartnershipOutcome {
  readonly city: CityWallet;
  readonly cityOrgId: number;
  readonly binanceOrgId: number;
  readonly binanceAgreementId: bigint;
}

interface Party {
  readonly orgId: number;
  /** An EOA, or the city's multisig. */
  readonly signer: Signer | CityWallet;
}

function isCity(signer: Signer | CityWallet): signer is CityWallet {
  return "owners" in signer;
}

/** Chapter 1: the organisations, the city–Binance MOU co-signed by EIP-712, other MOUs, FTX's end. */
export async function partnershipsChapter(context: DemoContext): Promise<PartnershipOutcome> {
  const { actors, report, contracts, facts } = context;
  report.chapter("1. Partnerships: MOUs with the city");
  report.note("Nine organisations join the registry; the city signs with a 2-of-3 multisig wallet contract");
  const registry = connectPartnershipRegistry(contracts.registry, actors.operator);

  const owners = [Wallet.createRandom(), Wallet.createRandom(), Wallet.createRandom()];
  const multisig = await new MultisigWallet__factory(actors.operator).deploy(
    owners.map((o) => o.address),
    CITY_THRESHOLD,
  );
  const deployTx = multisig.deploymentTransaction();
  expectFact(deployTx !== null, "The city's multisig wallet was not deployed.");
  const cityAddress = await multisig.getAddress();
  report.name(cityAddress, "City of Busan (2-of-3 multisig)");
  await report.tx("The city's 2-of-3 multisig wallet (ERC-1271) is created", actors.operator.address, deployTx);
  const city: CityWallet = { address: cityAddress, contract: multisig, owners };

  const orgs: [string, OrganisationKindName, string][] = [
    ["City of Busan", "city", cityAddress],
    ["Binance", "exchange", actors.binance.address],
    ["FTX", "exchange", actors.ftx.address],
    ["Huobi Global", "exchange", actors.huobi.address],
    ["Crypto.com", "exchange", actors.cryptoCom.address],
    ["Gate.io", "exchange", actors.gateIo.address],
    ["Pusan National University", "university", actors.pnu.address],
    ["Pukyong National University", "university", actors.pknu.address],
    ["Dong-A University", "university", actors.dongA.address],
  ];
  const ids = new Map<string, number>();
  for (const [name, kind, signer] of orgs) {
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const result = await registerOrganisation(registry, name, kind, `ipfs://busan-demo/orgs/${slug}.json`, [signer]);
    ids.set(name, result.orgId);
    await report.tx(
      `${name} registered as organisation ${result.orgId} (${kind})`,
      actors.operator.address,
      receiptOf(context, result.txHash),
    );
  }
  facts.organisations = ids.size;
  const id = (name: string): number => {
    const value = ids.get(name);
    expectFact(value !== undefined, `${name} is not registered.`);
    return value;
  };
  const cityParty: Party = { orgId: id("City of Busan"), signer: city };

  // The Binance MOU, co-signed off-chain by the city's multisig and Binance, relayed in one transaction.
  const now = await chainNow(context);
  const binanceTerms = mouTerms(now, "Busan–Binance MOU on the blockchain industry (2022)", [
    ["charity", "Binance Charity funds a Busan charity campaign"],
    ["education", "An academy course for Busan's blockchain developers"],
    ["event", "Support for Blockchain Week in Busan"],
    ["office", "A Binance office in Busan"],
  ]);
  const binanceId = await propose(
    context,
    actors.binance,
    "Busan–Binance blockchain MOU",
    [cityParty.orgId, id("Binance")],
    binanceTerms,
  );
  const packet = await coSign(
    context,
    binanceId,
    binanceTerms,
    [cityParty, { orgId: id("Binance"), signer: actors.binance }],
    {
      packetFile: "mou/binance-signature-packet.json",
      label: "Binance MOU",
    },
  );
  expectFact(packet.signatures.length === 2, "The Binance MOU packet should hold two signatures.");

  // The other exchanges and the universities.
  const others: [string, string, CommitmentCategoryName, string][] = [
    ["Huobi Global", "Busan–Huobi Global MOU", "research", "Research on a Busan digital asset exchange"],
    ["Crypto.com", "Busan–Crypto.com MOU", "investment", "Investment in Busan's blockchain start-ups"],
    ["Gate.io", "Busan–Gate.io MOU", "office", "A Gate.io office in Busan"],
    ["FTX", "Busan–FTX MOU", "investment", "FTX's support for a Busan digital asset exchange"],
  ];
  const agreementIds = new Map<string, bigint>([["Binance", binanceId]]);
  for (const [partner, title, category, promise] of others) {
    const terms = mouTerms(now, `${title} (2022)`, [[category, promise]]);
    const agreementId = await propose(
      context,
      pickSigner(context, partner),
      title,
      [cityParty.orgId, id(partner)],
      terms,
    );
    await coSign(
      context,
      agreementId,
      terms,
      [cityParty, { orgId: id(partner), signer: pickSigner(context, partner) }],
      {
        label: `${partner} MOU`,
      },
    );
    agreementIds.set(partner, agreementId);
  }
  const universities = ["Pusan National University", "Pukyong National University", "Dong-A University"];
  const eduTerms = mouTerms(now, "Busan blockchain education MOU with three universities (2022)", [
    ["education", "Blockchain courses and internships for Busan students"],
  ]);
  const eduId = await propose(
    context,
    actors.pnu,
    "Busan blockchain education MOU",
    [cityParty.orgId, ...universities.map(id)],
    eduTerms,
  );
  await coSign(
    context,
    eduId,
    eduTerms,
    [
      cityParty,
      { orgId: id(universities[0] ?? ""), signer: actors.pnu },
      { orgId: id(universities[1] ?? ""), signer: actors.pknu },
      { orgId: id(universities[2] ?? ""), signer: actors.dongA },
    ],
    { label: "universities' MOU" },
  );
  agreementIds.set("Universities", eduId);

  // FTX collapsed in November 2022: both parties consent to end the MOU, with the reason on chain.
  const ftxId = agreementIds.get("FTX") ?? 0n;
  await terminateFtx(context, city, ftxId, cityParty.orgId, id("FTX"));

  for (const [name, agreementId] of agreementIds) {
    const details = await getAgreement(registry, agreementId);
    facts.agreements.push({ name, id: agreementId, status: details.status });
  }
  const statuses = facts.agreements.map((a) => `${a.name}: ${a.status}`).join(", ");
  report.note("Agreement statuses on chain", statuses);
  expectFact(
    facts.agreements.find((a) => a.name === "Binance")?.status === "Active",
    "The Binance MOU should be Active after both signatures.",
  );
  expectFact(
    facts.agreements.find((a) => a.name === "FTX")?.status === "Terminated",
    "The FTX MOU should be Terminated.",
  );
  facts.binanceAgreementId = binanceId;
  return { city, cityOrgId: cityParty.orgId, binanceOrgId: id("Binance"), binanceAgreementId: binanceId };
}

function pickSigner(context: DemoContext, partner: string): Signer {
  const { actors } = context;
  const bySigner: Record<string, Signer> = {
    Binance: actors.binance,
    FTX: actors.ftx,
    "Huobi Global": actors.huobi,
    "Crypto.com": actors.cryptoCom,
    "Gate.io": actors.gateIo,
  };
  const signer = bySigner[partner];
  expectFact(signer !== undefined, `No signer is known for ${partner}.`);
  return signer;
}

/** The terms of an MOU signed now: the document's SHA-256, 90 days' notice, commitments due end 2027. */
function mouTerms(now: bigint, document: string, commitments: [CommitmentCategoryName, string][]): AgreementTermsInput {
  return {
    documentHash: hashAgreementDocument(toUtf8Bytes(document)),
    documentURI: `ipfs://busan-demo/mou/${document.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.pdf`,
    effectiveAt: now,
    expiresAt: 0n,
    signingDeadline: now + 30n * DAY,
    noticePeriod: 90n * DAY,
    commitments: commitments.map(([category, text]) => ({
      // The partner (party 1) is responsible for every promise here.
      responsibleParty: 1,
      category: COMMITMENT_CATEGORIES.indexOf(category),
      dueDate: COMMITMENTS_DUE,
      descriptionHash: hashCommitmentDescription(text),
      descriptionURI: "",
    })),
  };
}

async function propose(
  context: DemoContext,
  proposer: Signer,
  title: string,
  parties: number[],
  terms: AgreementTermsInput,
): Promise<bigint> {
  const registry = connectPartnershipRegistry(context.contracts.registry, proposer);
  const result = await proposeAgreement(registry, title, parties, terms);
  const commitments = terms.commitments.length;
  await context.report.tx(
    `"${title}" proposed as agreement ${result.agreementId} with ${commitments} commitment${commitments === 1 ? "" : "s"}`,
    await proposer.getAddress(),
    receiptOf(context, result.txHash),
  );
  return result.agreementId;
}

/**
 * Collects every party's EIP-712 signature of version 1 in a packet (the city's by two multisig
 * owners, checked with ERC-1271), then relays the packet in one transaction.
 */
async function coSign(
  context: DemoContext,
  agreementId: bigint,
  terms: AgreementTermsInput,
  parties: readonly Party[],
  options: { label: string; packetFile?: string },
): Promise<SignaturePacket> {
  const { report, ethers, facts } = context;
  const registry = connectPartnershipRegistry(context.contracts.registry, context.actors.operator);
  const details = await getAgreement(registry, agreementId);
  const deadline = (await chainNow(context)) + 7n * DAY;
  let packet = createSignaturePacket({
    chainId: facts.chainId,
    registry: context.contracts.registry,
    agreementId,
    version: 1,
    terms: agreementTermsOf(terms),
  });
  for (const [partyIndex, party] of parties.entries()) {
    const entry = { partyIndex, party: party.orgId, nonce: details.partyNonces[partyIndex] ?? 0n, deadline };
    if (isCity(party.signer)) {
      const full = { ...entry, signer: party.signer.address };
      const digest = partnershipTypedDataDigest(packetEntryTypedData(packet, full));
      packet = addPacketSignature(packet, { ...full, signature: citySignature(party.signer, digest) });
    } else {
      packet = await signIntoPacket(packet, party.signer, entry);
    }
  }
  if (options.packetFile !== undefined) {
    for (const entry of packet.signatures) {
      const check = await verifyPacketEntry(ethers.provider, packet, entry);
      expectFact(
        check.valid,
        `The ${report.who(entry.signer)} signature of the ${options.label} does not verify: ${check.reason ?? ""}`,
      );
      report.note(
        `${report.who(entry.signer)} signed the ${options.label} off-chain (EIP-712)`,
        check.method === "erc1271" ? "2 of 3 owners; the wallet confirms by ERC-1271" : "checked by ECDSA recovery",
      );
    }
    await writeArtifact(context, options.packetFile, serializeSignaturePacket(packet));
    report.note("Signature packet written", options.packetFile);
  }
  const result = await submitSignaturePacket(registry, packet);
  expectFact(result.activatedVersion === 1, `The ${options.label} did not become active.`);
  await report.tx(
    `${parties.length} signatures of the ${options.label} relayed in one transaction — now Active`,
    context.actors.operator.address,
    receiptOf(context, result.txHash),
  );
  return packet;
}

/** Ends the FTX MOU by consent: the city (multisig) and FTX sign the reason; one relay terminates it. */
async function terminateFtx(
  context: DemoContext,
  city: CityWallet,
  agreementId: bigint,
  cityOrgId: number,
  ftxOrgId: number,
): Promise<void> {
  const { report, facts, actors } = context;
  const registry = connectPartnershipRegistry(context.contracts.registry, actors.operator);
  const reason =
    "FTX filed for Chapter 11 bankruptcy on 11 November 2022; the City of Busan and FTX end the MOU by mutual consent.";
  const details = await getAgreement(registry, agreementId);
  const deadline = (await chainNow(context)) + DAY;
  let packet: TerminationPacket = createTerminationPacket({
    chainId: facts.chainId,
    registry: context.contracts.registry,
    agreementId,
    reasonHash: hashAgreementDocument(toUtf8Bytes(reason)),
    reasonURI: "ipfs://busan-demo/mou/ftx-termination.txt",
  });
  const cityEntry = {
    partyIndex: 0,
    party: cityOrgId,
    signer: city.address,
    nonce: details.partyNonces[0] ?? 0n,
    deadline,
  };
  const digest = partnershipTypedDataDigest(
    terminationTypedData(packet.chainId, packet.registry, { ...cityEntry, agreementId, reasonHash: packet.reasonHash }),
  );
  packet = { ...packet, signatures: [{ ...cityEntry, signature: citySignature(city, digest) }] };
  packet = await signTerminationConsent(packet, actors.ftx, {
    partyIndex: 1,
    party: ftxOrgId,
    nonce: details.partyNonces[1] ?? 0n,
    deadline,
  });
  await writeArtifact(context, "mou/ftx-termination-packet.json", serializeTerminationPacket(packet));
  const result = await terminateByConsent(registry, packet);
  await report.tx(
    "FTX MOU terminated by consent of both parties — reason: FTX's bankruptcy (Nov 2022)",
    actors.operator.address,
    receiptOf(context, result.txHash),
  );
}
