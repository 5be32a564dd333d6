import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { expect } from "chai";
import { AbiCoder, BrowserProvider, type Eip1193Provider, Wallet, id as hashText } from "ethers";
import { network } from "hardhat";
import QRCode from "qrcode";

import { academyInterface } from "../../sdk/academy/abi.js";
import { buildCohort, CohortCsvError, type Graduate, parseCohortCsv } from "../../sdk/academy/cohort.js";
import { anchorCohort, claimCertificate } from "../../sdk/academy/cohortActions.js";
import { createCourse, getCourse, listCourses } from "../../sdk/academy/courses.js";
import { type Credential, parseCredential } from "../../sdk/academy/credential.js";
import { issueCertificate } from "../../sdk/academy/issueCertificate.js";
import { getIssuer, listIssuers, registerIssuer } from "../../sdk/academy/issuers.js";
import {
  encodeLeafValues,
  LEAF_ENCODING,
  leafHashOf,
  type LeafValues,
  nameCommitment,
  certificateTokenId,
} from "../../sdk/academy/leaf.js";
import { credentialFromLink, credentialToLink } from "../../sdk/academy/link.js";
import {
  getCertificateState,
  getRevocation,
  reissueCertificate,
  revokeCertificates,
  setCertificateSuspended,
} from "../../sdk/academy/status.js";
import { buildCohortTree } from "../../sdk/academy/tree.js";
import { verifyCredential } from "../../sdk/academy/verify.js";
import { ContractRevertError, InvalidInputError } from "../../sdk/errors.js";
import { AcademyCertificates__factory } from "../../typechain-types/index.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const YEAR = 365n * 24n * 3600n;
const COURSE = 1n;

function randomValues(count: number): LeafValues[] {
  const registry = Wallet.createRandom().address;
  return Array.from({ length: count }, (_, i) => [
    97n,
    registry,
    COURSE,
    Wallet.createRandom().address,
    hashText(`name ${i}`),
    BigInt(1_700_000_000 + i),
    0n,
  ]);
}

/** A provider that counts every JSON-RPC request it forwards. */
function countingProvider(): { provider: BrowserProvider; calls: string[] } {
  const calls: string[] = [];
  const inner = connection.provider;
  const eip1193: Eip1193Provider = {
    request: async (args: { method: string; params?: unknown[] | Record<string, unknown> }) => {
      calls.push(args.method);
      const result: unknown = await inner.request(args);
      return result;
    },
  };
  return { provider: new BrowserProvider(eip1193), calls };
}

async function deployWithCohort() {
  const [admin, issuer, alice, bob] = await ethers.getSigners();
  if (!admin || !issuer || !alice || !bob) throw new Error("accounts");
  const deployed = await ethers.deployContract("AcademyCertificates", [admin.address]);
  const registry = await deployed.getAddress();
  await registerIssuer(admin, registry, {
    account: issuer.address,
    name: "Busan Blockchain Academy",
    metadataURI: "ipfs://a",
  });
  await createCourse(issuer, registry, {
    metadataURI: "ipfs://c",
    metadataHash: hashText("c"),
    maxValidity: YEAR,
    revocable: true,
  });
  const now = BigInt(await networkHelpers.time.latest());
  const { chainId } = await ethers.provider.getNetwork();
  const graduates: Graduate[] = [
    { name: "Alice Park", address: alice.address, courseId: COURSE },
    { name: "Bob Lee", address: bob.address, courseId: COURSE },
    { name: "Cho Seo-yeon", address: Wallet.createRandom().address, courseId: COURSE },
  ];
  const cohort = buildCohort(graduates, {
    chainId,
    registry,
    courseId: COURSE,
    issuer: issuer.address,
    validFrom: now,
    validUntil: now + YEAR,
  });
  await anchorCohort(issuer, registry, cohort);
  return { admin, issuer, alice, bob, registry, cohort, now, chainId };
}

function credentialAt(credentials: readonly Credential[], index: number): Credential {
  const credential = credentials[index];
  if (credential === undefined) throw new Error("credential");
  return credential;
}

describe("sdk/academy", () => {
  describe("leaf encoding and the cohort tree", () => {
    it("encodes leaf values exactly like the ABI coder", () => {
      for (const values of randomValues(5)) {
        expect(encodeLeafValues(values)).to.equal(AbiCoder.defaultAbiCoder().encode([...LEAF_ENCODING], values));
      }
      expect(() => encodeLeafValues([97n, "0x12", 1n, Wallet.createRandom().address, hashText("x"), 0n, 0n])).to.throw(
        InvalidInputError,
      );
      expect(() =>
        encodeLeafValues([
          97n,
          Wallet.createRandom().address,
          1n << 64n,
          Wallet.createRandom().address,
          hashText("x"),
          0n,
          0n,
        ]),
      ).to.throw(InvalidInputError);
    });

    it("builds the same root, leaves and proofs as StandardMerkleTree", () => {
      for (const size of [1, 2, 3, 257]) {
        const values = randomValues(size);
        const reference = StandardMerkleTree.of(values, [...LEAF_ENCODING]);
        const tree = buildCohortTree(values);
        expect(tree.root).to.equal(reference.root);
        values.forEach((value, i) => {
          expect(tree.leaves[i]).to.equal(leafHashOf(value));
          expect(tree.proof(i)).to.deep.equal(reference.getProof(i));
        });
      }
    });

    it("computes the contract's leaf and token id", async () => {
      const { registry, cohort } = await networkHelpers.loadFixture(deployWithCohort);
      const academy = AcademyCertificates__factory.connect(registry, ethers.provider);
      const credential = credentialAt(cohort.credentials, 0);
      const fields = {
        courseId: COURSE,
        recipient: credential.recipient.address,
        nameCommitment: nameCommitment(credential.recipient.name, credential.recipient.salt),
        validFrom: BigInt(credential.validFrom),
        validUntil: BigInt(credential.validUntil),
      };
      expect(await academy.leafOf(fields)).to.equal(credential.leaf);
      expect(await academy.tokenIdOf(credential.leaf, COURSE)).to.equal(certificateTokenId(credential.leaf, COURSE));
      expect(certificateTokenId(credential.leaf, COURSE).toString()).to.equal(credential.tokenId);
    });

    it("commits to the NFC-normalised name with the salt", () => {
      const salt = hashText("s");
      expect(nameCommitment("Jos\u0065\u0301", salt)).to.equal(nameCommitment("Jos\u00e9", salt));
      expect(nameCommitment("Kim", salt)).to.not.equal(nameCommitment("Kim", hashText("t")));
    });
  });

  describe("cohort CSV", () => {
    it("parses a valid file", () => {
      const alice = Wallet.createRandom().address;
      const csv = `name,address,course\n"Park, Ji-woo",${alice.toLowerCase()},1\n\nLee Min-ho,${Wallet.createRandom().address},1\n`;
      const graduates = parseCohortCsv(csv, 1n);
      expect(graduates).to.have.length(2);
      expect(graduates[0]).to.deep.include({ name: "Park, Ji-woo", address: alice, courseId: 1n });
    });

    it("reports every bad row with its line number, including duplicates", () => {
      const alice = Wallet.createRandom().address;
      const csv = [
        "name,address,course",
        `Alice,${alice},1`,
        "Bob,0x1234,1",
        `,${Wallet.createRandom().address},1`,
        `Alice again,${alice.toLowerCase()},1`,
        `Carol,${Wallet.createRandom().address},0`,
        `Dan,${Wallet.createRandom().address},2`,
      ].join("\n");
      try {
        parseCohortCsv(csv, 1n);
        expect.fail("bad rows were accepted");
      } catch (error) {
        expect(error).to.be.instanceOf(CohortCsvError);
        const problems = (error as CohortCsvError).problems;
        expect(problems.map((p) => p.line)).to.deep.equal([3, 4, 5, 6, 7]);
        expect(problems[0]?.message).to.contain("not an address");
        expect(problems[1]?.message).to.contain("name is empty");
        expect(problems[2]?.message).to.contain("already on line 2");
        expect(problems[3]?.message).to.contain("not a course id");
        expect(problems[4]?.message).to.contain("not the cohort's course 1");
        expect((error as CohortCsvError).shortMessage).to.contain("line 3");
      }
    });

    it("rejects a file without the required columns or without rows", () => {
      expect(() => parseCohortCsv("name,wallet\nA,0x0\n")).to.throw(
        InvalidInputError,
        /columns name, address and course/,
      );
      expect(() => parseCohortCsv("name,address,course\n")).to.throw(InvalidInputError, /no graduates/);
    });
  });

  describe("credential format and links", () => {
    it("rejects malformed credentials naming the field", async () => {
      const { cohort } = await networkHelpers.loadFixture(deployWithCohort);
      const credential = credentialAt(cohort.credentials, 0);
      expect(() => parseCredential({ ...credential, version: "busan-academy-credential/0" })).to.throw(/version/);
      expect(() => parseCredential({ ...credential, leaf: "0x12" })).to.throw(/at leaf/);
      expect(() => parseCredential({ ...credential, courseId: "-1" })).to.throw(/courseId/);
      expect(() => parseCredential({ ...credential, extra: 1 })).to.throw(InvalidInputError);
    });

    it("round-trips through a short verification link that fits a QR code", async () => {
      const { cohort } = await networkHelpers.loadFixture(deployWithCohort);
      const credential = credentialAt(cohort.credentials, 2);
      const link = credentialToLink("https://portal.example/academy/verify", credential);
      expect(link.startsWith("https://portal.example/academy/verify#c=")).to.equal(true);
      expect(credentialFromLink(link)).to.deep.equal(credential);
      // A 100,000-graduate cohort has 17-hash proofs: still well inside a QR code's capacity.
      const big = {
        ...credential,
        anchor: { type: "cohort" as const, root: cohort.root, proof: new Array(17).fill(cohort.root) },
      };
      const bigLink = credentialToLink("https://portal.example/v", big);
      expect(bigLink.length).to.be.lessThan(1_100);
      const qr = await QRCode.toDataURL(bigLink, { errorCorrectionLevel: "L" });
      expect(qr.startsWith("data:image/png;base64,")).to.equal(true);
    });

    it("rejects a link without a payload or with a corrupt one", () => {
      expect(() => credentialFromLink("https://portal.example/v")).to.throw(InvalidInputError, /no credential/);
      expect(() => credentialFromLink("https://portal.example/v#c=AAAA")).to.throw(InvalidInputError, /truncated/);
      expect(() => credentialFromLink("https://portal.example/v#c=***")).to.throw(InvalidInputError, /base64url/);
    });
  });

  describe("verifyCredential", () => {
    it("accepts an unclaimed cohort credential with at most 3 JSON-RPC calls", async () => {
      const { cohort } = await networkHelpers.loadFixture(deployWithCohort);
      const { provider, calls } = countingProvider();
      const result = await verifyCredential(provider, credentialAt(cohort.credentials, 2));
      expect(result.steps.map((s) => s.step)).to.deep.equal([
        "format",
        "leaf-hash",
        "proof",
        "anchor",
        "status",
        "expiry",
      ]);
      expect(result.valid, JSON.stringify(result.steps)).to.equal(true);
      expect(calls.length, calls.join(", ")).to.be.at.most(3);
    });

    it("accepts a claimed cohort credential and a directly issued one", async () => {
      const { cohort, alice, issuer, bob, registry, now } = await networkHelpers.loadFixture(deployWithCohort);
      const credential = credentialAt(cohort.credentials, 0);
      const claimed = await claimCertificate(alice, credential);
      expect(claimed.tokenId.toString()).to.equal(credential.tokenId);
      const result = await verifyCredential(ethers.provider, credential);
      expect(result.valid).to.equal(true);
      expect(result.state?.holder).to.equal(alice.address);

      await revokeCertificates(issuer, registry, [BigInt(credentialAt(cohort.credentials, 1).tokenId)], {
        code: 1,
        hash: hashText("unclaimed leaf withdrawn"),
      });
      const direct = await issueCertificate(issuer, registry, {
        courseId: COURSE,
        recipient: bob.address,
        name: "Bob Lee",
        validFrom: now,
        validUntil: now + YEAR,
      });
      const { provider, calls } = countingProvider();
      const directResult = await verifyCredential(provider, direct.credential);
      expect(directResult.valid, JSON.stringify(directResult.steps)).to.equal(true);
      expect(calls.length).to.be.at.most(3);
    });

    it("fails at leaf-hash for an edited name, at proof for a swapped proof, at format for another chain", async () => {
      const { cohort } = await networkHelpers.loadFixture(deployWithCohort);
      const credential = credentialAt(cohort.credentials, 0);
      const edited = { ...credential, recipient: { ...credential.recipient, name: "Mallory" } };
      expect((await verifyCredential(ethers.provider, edited)).failedStep).to.equal("leaf-hash");

      const other = credentialAt(cohort.credentials, 1);
      if (credential.anchor.type !== "cohort" || other.anchor.type !== "cohort") throw new Error("cohort");
      const swapped = { ...credential, anchor: { ...credential.anchor, proof: other.anchor.proof } };
      expect((await verifyCredential(ethers.provider, swapped)).failedStep).to.equal("proof");

      const otherChain = { ...credential, chainId: "97" };
      const result = await verifyCredential(ethers.provider, otherChain);
      expect(result.failedStep).to.equal("format");
      expect(result.valid).to.equal(false);
      expect(result.steps).to.have.length(1);

      expect((await verifyCredential(ethers.provider, { hello: "world" })).failedStep).to.equal("format");
    });

    it("fails at anchor for a root nobody anchored and for a forged issuer", async () => {
      const { cohort, chainId, registry, issuer, now } = await networkHelpers.loadFixture(deployWithCohort);
      const unanchored = buildCohort([{ name: "Ghost", address: Wallet.createRandom().address, courseId: COURSE }], {
        chainId,
        registry,
        courseId: COURSE,
        issuer: issuer.address,
        validFrom: now,
        validUntil: now + YEAR,
      });
      const ghost = await verifyCredential(ethers.provider, credentialAt(unanchored.credentials, 0));
      expect(ghost.failedStep).to.equal("anchor");
      const forgedIssuer = { ...credentialAt(cohort.credentials, 0), issuer: Wallet.createRandom().address };
      expect((await verifyCredential(ethers.provider, forgedIssuer)).failedStep).to.equal("anchor");
    });

    it("fails at status for revoked, suspended and superseded certificates, at expiry after expiry", async () => {
      const { cohort, issuer, alice, bob, registry, now } = await networkHelpers.loadFixture(deployWithCohort);
      const a = credentialAt(cohort.credentials, 0);
      const b = credentialAt(cohort.credentials, 1);
      await claimCertificate(alice, a);
      await claimCertificate(bob, b);
      await revokeCertificates(issuer, registry, [BigInt(a.tokenId)], { code: 2, hash: hashText("fraud") });
      const revoked = await verifyCredential(ethers.provider, a);
      expect(revoked.failedStep).to.equal("status");
      expect(revoked.steps.at(-1)?.detail).to.contain("Revoked");

      await setCertificateSuspended(issuer, registry, BigInt(b.tokenId), true);
      expect((await verifyCredential(ethers.provider, b)).steps.at(-1)?.detail).to.contain("Suspended");
      await setCertificateSuspended(issuer, registry, BigInt(b.tokenId), false);

      const reissued = await reissueCertificate(issuer, registry, BigInt(b.tokenId), {
        courseId: COURSE,
        recipient: bob.address,
        name: "Bob J. Lee",
        validFrom: now,
        validUntil: now + YEAR,
      });
      const superseded = await verifyCredential(ethers.provider, b);
      expect(superseded.failedStep).to.equal("status");
      expect(superseded.steps.at(-1)?.detail).to.contain(`replaced by token ${reissued.newTokenId}`);
      expect((await verifyCredential(ethers.provider, reissued.credential)).valid).to.equal(true);

      await networkHelpers.time.increaseTo(now + YEAR);
      const expired = await verifyCredential(ethers.provider, reissued.credential);
      expect(expired.failedStep).to.equal("expiry");
    });
  });

  describe("registry reads and writes", () => {
    it("lists issuers and courses and reads a certificate", async () => {
      const { registry, issuer, cohort, alice } = await networkHelpers.loadFixture(deployWithCohort);
      const issuers = await listIssuers(ethers.provider, registry);
      expect(issuers).to.have.length(1);
      expect(issuers[0]).to.deep.include({ issuerId: 1n, account: issuer.address, name: "Busan Blockchain Academy" });
      const courses = await listCourses(ethers.provider, registry);
      expect(courses[0]).to.deep.include({ courseId: 1n, issuerId: 1n, maxValidity: YEAR, revocable: true });
      const credential = credentialAt(cohort.credentials, 0);
      await claimCertificate(alice, credential);
      const state = await getCertificateState(ethers.provider, registry, BigInt(credential.tokenId));
      expect(state.status).to.equal("Valid");
      expect(state.holder).to.equal(alice.address);
    });

    it("reads one issuer and one course by id", async () => {
      const { registry, issuer } = await networkHelpers.loadFixture(deployWithCohort);
      expect(await getIssuer(ethers.provider, registry, 1n)).to.deep.include({
        account: issuer.address,
        retiredAt: 0n,
      });
      expect(await getCourse(ethers.provider, registry, 1n)).to.deep.include({ metadataURI: "ipfs://c", issuerId: 1n });
    });

    it("finds why a certificate was revoked, and nothing for one that was not", async () => {
      const { registry, issuer, cohort, alice } = await networkHelpers.loadFixture(deployWithCohort);
      const credential = credentialAt(cohort.credentials, 0);
      const other = credentialAt(cohort.credentials, 1);
      await claimCertificate(alice, credential);
      expect(await getRevocation(ethers.provider, registry, BigInt(credential.tokenId))).to.equal(undefined);
      const { txHash } = await revokeCertificates(issuer, registry, [BigInt(credential.tokenId)], {
        code: 3,
        hash: hashText("plagiarism"),
      });
      const revocation = await getRevocation(ethers.provider, registry, BigInt(credential.tokenId));
      expect(revocation).to.deep.include({ reasonCode: 3, reasonHash: hashText("plagiarism"), txHash });
      expect(await getRevocation(ethers.provider, registry, BigInt(other.tokenId))).to.equal(undefined);
    });

    it("knows every custom error of the contract, so reverts decode to names", () => {
      const contractErrors = AcademyCertificates__factory.createInterface()
        .fragments.filter((f) => f.type === "error")
        .map((f) => f.format("sighash"))
        .sort();
      const sdkErrors = academyInterface.fragments
        .filter((f) => f.type === "error")
        .map((f) => f.format("sighash"))
        .sort();
      expect(sdkErrors).to.deep.equal(contractErrors);
    });

    it("decodes a revert to its custom error name", async () => {
      const { registry, alice } = await networkHelpers.loadFixture(deployWithCohort);
      try {
        await createCourse(alice, registry, {
          metadataURI: "",
          metadataHash: hashText(""),
          maxValidity: 0n,
          revocable: true,
        });
        expect.fail("a non-issuer created a course");
      } catch (error) {
        expect(error).to.be.instanceOf(ContractRevertError);
        expect((error as ContractRevertError).errorName).to.equal("AcademyCertificatesNotIssuer");
      }
    });
  });
});
