import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { network } from "hardhat";

import { ContractRevertError, FileNotFoundError, InvalidInputError } from "../../sdk/errors.js";
import { hashAgreementDocumentFile } from "../../sdk/node/partnerships.js";
import {
  proposeAgreement,
  withdrawAgreementSignature,
  submitSignaturePacket,
  signAgreementDirectly,
  reportFulfilment,
} from "../../sdk/partnerships/actions.js";
import { hashAgreementDocument, documentHashToSha256sum } from "../../sdk/partnerships/documentHash.js";
import { hashCommitmentDescription, mouToTerms, parseMou } from "../../sdk/partnerships/mou.js";
import {
  addPacketSignature,
  createSignaturePacket,
  packetEntryTypedData,
  mergeSignaturePackets,
  parseSignaturePacket,
  serializeSignaturePacket,
  signIntoPacket,
} from "../../sdk/partnerships/packet.js";
import {
  connectPartnershipRegistry,
  getAgreement,
  agreementsOfOrganisation,
  listOrganisations,
} from "../../sdk/partnerships/registry.js";
import { agreementTimeline } from "../../sdk/partnerships/timeline.js";
import { agreementTermsOf, partnershipTypedDataDigest } from "../../sdk/partnerships/typedData.js";
import { verifyPacketEntry } from "../../sdk/partnerships/verify.js";
import { DAY, deployRegistry, hashOf, highS, makeTerms, multisigSignature } from "./fixtures.js";

const { ethers, networkHelpers } = await network.create();
const loadFixture = networkHelpers.loadFixture.bind(networkHelpers);

async function fixture() {
  const base = await deployRegistry(ethers);
  const now = BigInt(await networkHelpers.time.latest());
  const terms = makeTerms(now);
  const registry = connectPartnershipRegistry(await base.registry.getAddress(), base.cityClerk);
  const proposed = await proposeAgreement(registry, "Busan blockchain MOU", [1, 2], terms);
  const packet = createSignaturePacket({
    chainId: base.chainId,
    registry: await registry.getAddress(),
    agreementId: proposed.agreementId,
    version: 1,
    terms: agreementTermsOf(terms),
  });
  return { ...base, now, terms, registry, packet, agreementId: proposed.agreementId };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

const validMou = {
  format: "busan-mou/1",
  title: "Blockchain industry MOU",
  parties: [1, 2],
  document: { sha256: "a".repeat(64), uri: "ipfs://mou.pdf" },
  effectiveAt: "2026-12-01",
  expiresAt: "2028-12-01T00:00:00Z",
  signingDeadline: 1_900_000_000,
  noticePeriodDays: 90,
  commitments: [
    { party: 2, category: "charity", due: "2027-06-30", description: "Donate through the charity arm" },
    {
      party: 1,
      category: "office",
      due: "2027-01-31",
      descriptionHash: `0x${"b".repeat(64)}`,
      descriptionURI: "ipfs://o",
    },
  ],
};

describe("sdk/partnerships", () => {
  describe("document hash", () => {
    it("hashes a file exactly as sha256sum does", async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "mou-"));
      const file = path.join(dir, "mou.pdf");
      const content = Buffer.from("%PDF-1.7 memorandum of understanding\n".repeat(5000));
      writeFileSync(file, content);
      const expected = execFileSync("sha256sum", [file]).toString().split(" ")[0];
      const hash = await hashAgreementDocumentFile(file);
      expect(documentHashToSha256sum(hash)).to.equal(expected);
      expect(hashAgreementDocument(content)).to.equal(hash);
    });

    it("names a missing document file", async () => {
      const error = await rejection(hashAgreementDocumentFile("/nonexistent/mou.pdf"));
      expect(error).to.be.instanceOf(FileNotFoundError);
      expect((error as FileNotFoundError).shortMessage).to.contain("The document /nonexistent/mou.pdf");
    });
  });

  describe("MOU file", () => {
    it("turns a valid MOU file into contract terms", () => {
      const mou = parseMou(validMou);
      const terms = mouToTerms(mou);
      expect(terms.documentHash).to.equal(`0x${"a".repeat(64)}`);
      expect(terms.effectiveAt).to.equal(BigInt(Date.parse("2026-12-01") / 1000));
      expect(terms.noticePeriod).to.equal(90n * DAY);
      expect(terms.commitments[0]?.responsibleParty).to.equal(1);
      expect(terms.commitments[0]?.category).to.equal(0);
      expect(terms.commitments[0]?.descriptionHash).to.equal(
        hashCommitmentDescription("Donate through the charity arm"),
      );
      expect(terms.commitments[1]?.category).to.equal(5);
    });

    it("names the first problem and where it is", () => {
      const cases: [unknown, string][] = [
        [{ ...validMou, format: "mou" }, "at format"],
        [{ ...validMou, parties: [1] }, "at parties: needs at least two parties"],
        [{ ...validMou, document: { uri: "x" } }, "at document: needs sha256"],
        [{ ...validMou, document: { sha256: "zz" } }, "at document.sha256: must be a 32-byte hex hash"],
        [{ ...validMou, effectiveAt: "next week" }, "at effectiveAt"],
        [
          { ...validMou, commitments: [{ ...validMou.commitments[0], category: "party" }] },
          "at commitments.0.category",
        ],
        [{ ...validMou, commitments: [{ ...validMou.commitments[0], party: 9 }] }, "at commitments.0.party"],
        [{ ...validMou, parties: [1, 1] }, "lists organisation 1 twice"],
        [{ ...validMou, extra: true }, "Unrecognized key"],
      ];
      for (const [json, message] of cases) {
        expect(() => parseMou(json, "MOU file mou.json")).to.throw(InvalidInputError, message);
      }
    });
  });

  describe("signature packet", () => {
    it("collects an EOA and a multisig signature offline, verifies them and submits them in one transaction", async () => {
      const f = await loadFixture(fixture);
      const deadline = f.now + 7n * DAY;
      let packet = await signIntoPacket(f.packet, f.exchangeSigner, { partyIndex: 1, party: 2, nonce: 0n, deadline });
      const cityEntry = { partyIndex: 0, party: 1, signer: await f.multisig.getAddress(), nonce: 0n, deadline };
      const [o0, , o2] = f.owners;
      if (o0 === undefined || o2 === undefined) throw new Error("owners");
      const digest = partnershipTypedDataDigest(packetEntryTypedData(packet, cityEntry));
      const cityPacket = addPacketSignature(f.packet, { ...cityEntry, signature: multisigSignature([o0, o2], digest) });
      packet = mergeSignaturePackets(packet, cityPacket);
      const reparsed = parseSignaturePacket(JSON.parse(serializeSignaturePacket(packet)));
      expect(reparsed).to.deep.equal(packet);
      for (const entry of reparsed.signatures) {
        const check = await verifyPacketEntry(ethers.provider, reparsed, entry);
        expect(check.valid, check.reason).to.equal(true);
      }
      const result = await submitSignaturePacket(f.registry, reparsed);
      expect(result.signed).to.deep.equal([1, 2]);
      expect(result.activatedVersion).to.equal(1);
    });

    it("flags a high-s, a wrong-signer and a wrong-magic signature off-chain", async () => {
      const f = await loadFixture(fixture);
      const deadline = f.now + DAY;
      const signed = await signIntoPacket(f.packet, f.exchangeSigner, { partyIndex: 1, party: 2, nonce: 0n, deadline });
      const entry = signed.signatures[0];
      if (entry === undefined) throw new Error("entry");
      const malleable = await verifyPacketEntry(ethers.provider, signed, {
        ...entry,
        signature: highS(entry.signature),
      });
      expect(malleable.valid).to.equal(false);
      const wrongSigner = await verifyPacketEntry(ethers.provider, signed, { ...entry, signer: f.outsider.address });
      expect(wrongSigner.valid).to.equal(false);
      expect(wrongSigner.reason).to.contain(`not by ${f.outsider.address}`);
      const wallet = await ethers.deployContract("WrongMagicWallet", ["0xdeadbeef"]);
      const wrongMagic = await verifyPacketEntry(ethers.provider, signed, {
        ...entry,
        signer: await wallet.getAddress(),
      });
      expect(wrongMagic.valid).to.equal(false);
      expect(wrongMagic.method).to.equal("erc1271");
    });

    it("rejects a malformed packet with the problem named", () => {
      expect(() => parseSignaturePacket({ format: "busan-mou-signatures/1" }, "packet p.json")).to.throw(
        InvalidInputError,
        "The packet p.json is invalid at chainId",
      );
    });

    it("refuses to merge packets of different versions", async () => {
      const f = await loadFixture(fixture);
      expect(() => mergeSignaturePackets(f.packet, { ...f.packet, version: 2 })).to.throw(InvalidInputError);
    });
  });

  describe("reads and timeline", () => {
    it("reads an agreement with its versions and commitments and rebuilds its timeline from events", async () => {
      const f = await loadFixture(fixture);
      await signAgreementDirectly(f.registry, f.agreementId, 1, 0);
      await signAgreementDirectly(
        connectPartnershipRegistry(await f.registry.getAddress(), f.exchangeSigner),
        f.agreementId,
        1,
        1,
      );
      await reportFulfilment(
        connectPartnershipRegistry(await f.registry.getAddress(), f.exchangeSigner),
        f.agreementId,
        0,
        hashOf("receipt"),
        "eip155:97:0xVault/campaign/1",
      );
      const details = await getAgreement(f.registry, f.agreementId);
      expect(details.status).to.equal("Active");
      expect(details.versions[0]?.signedBy).to.deep.equal([0, 1]);
      expect(details.commitments.map((c) => c.status)).to.deep.equal(["Reported", "Open", "Open"]);
      expect(await agreementsOfOrganisation(f.registry, 1)).to.deep.equal([1n]);
      expect((await listOrganisations(f.registry)).map((o) => o.name)).to.deep.equal([
        "City of Busan",
        "Exchange",
        "University",
      ]);
      const timeline = await agreementTimeline(ethers.provider, await f.registry.getAddress(), f.agreementId, {
        fromBlock: 0,
        pageSize: 3,
      });
      expect(timeline.map((e) => e.event)).to.deep.equal([
        "AgreementProposed",
        "VersionProposed",
        "AgreementSigned",
        "AgreementSigned",
        "VersionActivated",
        "CommitmentReported",
      ]);
      expect(timeline[5]?.summary).to.contain("eip155:97:0xVault/campaign/1");
    });

    it("withdraws a signature and reads the moved nonce", async () => {
      const f = await loadFixture(fixture);
      await signAgreementDirectly(f.registry, f.agreementId, 1, 0);
      const result = await withdrawAgreementSignature(f.registry, f.agreementId, 0);
      expect(result.txHash).to.match(/^0x[0-9a-f]{64}$/);
      const details = await getAgreement(f.registry, f.agreementId);
      expect(details.partyNonces).to.deep.equal([1n, 0n]);
      expect(details.versions[0]?.signedBy).to.deep.equal([]);
    });

    it("decodes a revert to the registry's error name", async () => {
      const f = await loadFixture(fixture);
      const error = await rejection(signAgreementDirectly(f.registry, 99n, 1, 0));
      expect(error).to.be.instanceOf(ContractRevertError);
      expect((error as ContractRevertError).errorName).to.equal("PartnershipRegistryUnknownAgreement");
      expect((error as ContractRevertError).shortMessage).to.contain("PartnershipRegistryUnknownAgreement(99)");
    });
  });
});
