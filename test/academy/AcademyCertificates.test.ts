import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { Wallet, ZeroAddress, ZeroHash, id as hashText } from "ethers";
import { network } from "hardhat";

import { buildCohort, type Cohort, type Graduate } from "../../sdk/academy/cohort.js";
import { nameCommitment } from "../../sdk/academy/leaf.js";
import { type AcademyCertificates, AcademyCertificates__factory } from "../../typechain-types/index.js";

const { ethers, networkHelpers } = await network.create();
const { time } = networkHelpers;

/** IAcademyCertificates.Status, in declaration order. */
const Status = {
  Valid: 0n,
  Revoked: 1n,
  Suspended: 2n,
  Expired: 3n,
  NotYetValid: 4n,
  UnknownIssuer: 5n,
  IssuerRetired: 6n,
  Superseded: 7n,
  NotFound: 8n,
} as const;

const DAY = 24n * 3600n;
const YEAR = 365n * DAY;
const SALT = hashText("salt");
const COURSE = 1n; // revocable, at most one year of validity
const FOREVER_COURSE = 2n; // not revocable, no maximum

interface Fields {
  courseId: bigint;
  recipient: string;
  nameCommitment: string;
  validFrom: bigint;
  validUntil: bigint;
}

async function deployAcademy() {
  const [admin, issuer, alice, bob, carol, outsider, otherIssuer] = await ethers.getSigners();
  if (!admin || !issuer || !alice || !bob || !carol || !outsider || !otherIssuer) throw new Error("accounts");
  const deployed = await ethers.deployContract("AcademyCertificates", [admin.address]);
  const academy = AcademyCertificates__factory.connect(await deployed.getAddress(), admin);
  await (await academy.registerIssuer(issuer.address, "Busan Blockchain Academy", "ipfs://academy")).wait();
  await (await academy.registerIssuer(otherIssuer.address, "Pusan National University", "ipfs://pnu")).wait();
  const asIssuer = academy.connect(issuer);
  await (await asIssuer.createCourse("ipfs://course/1", hashText("course 1"), Number(YEAR), true)).wait();
  await (await asIssuer.createCourse("ipfs://course/2", hashText("course 2"), 0, false)).wait();
  const now = BigInt(await time.latest());
  const { chainId } = await ethers.provider.getNetwork();
  return { academy, asIssuer, admin, issuer, alice, bob, carol, outsider, otherIssuer, now, chainId };
}

function fieldsFor(recipient: string, now: bigint, name = "Kim Min-jun", courseId = COURSE): Fields {
  return {
    courseId,
    recipient,
    nameCommitment: nameCommitment(name, SALT),
    validFrom: now,
    validUntil: courseId === COURSE ? now + YEAR : 0n,
  };
}

async function issued(academy: AcademyCertificates, issuer: HardhatEthersSigner, fields: Fields): Promise<bigint> {
  await (await academy.connect(issuer).issue(fields)).wait();
  return academy.tokenIdOf(await academy.leafOf(fields), fields.courseId);
}

async function withDirectCertificate() {
  const base = await deployAcademy();
  const fields = fieldsFor(base.alice.address, base.now);
  const tokenId = await issued(base.academy, base.issuer, fields);
  return { ...base, fields, tokenId };
}

/** A four-graduate cohort of COURSE (alice, bob, carol, one more) anchored on chain. */
async function withCohort() {
  const base = await deployAcademy();
  const graduates: Graduate[] = [
    { name: "Alice Park", address: base.alice.address, courseId: COURSE },
    { name: "Bob Lee", address: base.bob.address, courseId: COURSE },
    { name: "Carol Choi", address: base.carol.address, courseId: COURSE },
    { name: "Dan Jung", address: Wallet.createRandom().address, courseId: COURSE },
  ];
  const cohort = buildCohort(graduates, {
    chainId: base.chainId,
    registry: await base.academy.getAddress(),
    courseId: COURSE,
    issuer: base.issuer.address,
    validFrom: base.now,
    validUntil: base.now + YEAR,
    salt: (i) => hashText(`salt ${i}`),
  });
  await (await base.asIssuer.anchorCohort(cohort.root, COURSE, graduates.length)).wait();
  return { ...base, cohort };
}

function claimArgs(cohort: Cohort, index: number): { fields: Fields; proof: string[] } {
  const credential = cohort.credentials[index];
  if (credential?.anchor.type !== "cohort") throw new Error("no cohort credential");
  return {
    fields: {
      courseId: BigInt(credential.courseId),
      recipient: credential.recipient.address,
      nameCommitment: nameCommitment(credential.recipient.name, credential.recipient.salt),
      validFrom: BigInt(credential.validFrom),
      validUntil: BigInt(credential.validUntil),
    },
    proof: credential.anchor.proof,
  };
}

async function domainOf(academy: AcademyCertificates, chainId?: bigint) {
  return {
    name: "Busan Academy Certificates",
    version: "1",
    chainId: chainId ?? (await ethers.provider.getNetwork()).chainId,
    verifyingContract: await academy.getAddress(),
  };
}

const RECOVERY_TYPES = {
  RecoveryConsent: [
    { name: "tokenId", type: "uint256" },
    { name: "newHolder", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};
const CLAIM_TYPES = {
  ClaimConsent: [
    { name: "tokenId", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

describe("AcademyCertificates", () => {
  describe("deployment and issuers", () => {
    it("test_constructor_revertsOnZeroAdmin", async () => {
      const factory = await ethers.getContractFactory("AcademyCertificates");
      await expect(factory.deploy(ZeroAddress)).to.be.revertedWithCustomError(
        factory,
        "AcademyCertificatesZeroAddress",
      );
    });

    it("test_registerIssuer_recordsProfileAndEmits", async () => {
      const { academy, outsider } = await networkHelpers.loadFixture(deployAcademy);
      await expect(academy.registerIssuer(outsider.address, "Dong-A University", "ipfs://donga"))
        .to.emit(academy, "IssuerRegistered")
        .withArgs(3, outsider.address, "Dong-A University", "ipfs://donga");
      expect(await academy.issuerCount()).to.equal(3n);
      expect(await academy.issuerIdOf(outsider.address)).to.equal(3n);
      expect(await academy.issuerProfile(3)).to.deep.equal(["Dong-A University", "ipfs://donga"]);
      expect((await academy.issuer(3)).account).to.equal(outsider.address);
    });

    it("test_registerIssuer_revertsForNonRegistrar", async () => {
      const { academy, outsider } = await networkHelpers.loadFixture(deployAcademy);
      await expect(academy.connect(outsider).registerIssuer(outsider.address, "x", "y"))
        .to.be.revertedWithCustomError(academy, "AccessControlUnauthorizedAccount")
        .withArgs(outsider.address, await academy.REGISTRAR_ROLE());
    });

    it("test_registerIssuer_revertsOnZeroAccount", async () => {
      const { academy } = await networkHelpers.loadFixture(deployAcademy);
      await expect(academy.registerIssuer(ZeroAddress, "x", "y")).to.be.revertedWithCustomError(
        academy,
        "AcademyCertificatesZeroAddress",
      );
    });

    it("test_registerIssuer_revertsWhenAccountAlreadyIssuer", async () => {
      const { academy, issuer } = await networkHelpers.loadFixture(deployAcademy);
      await expect(academy.registerIssuer(issuer.address, "again", ""))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesAccountAlreadyIssuer")
        .withArgs(issuer.address, 1);
    });

    it("test_setIssuerSuspended_togglesAndRejectsNoChange", async () => {
      const { academy } = await networkHelpers.loadFixture(deployAcademy);
      await expect(academy.setIssuerSuspended(1, true)).to.emit(academy, "IssuerSuspensionChanged").withArgs(1, true);
      expect((await academy.issuer(1)).suspended).to.equal(true);
      await expect(academy.setIssuerSuspended(1, true))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesIssuerSuspensionUnchanged")
        .withArgs(1, true);
      await expect(academy.setIssuerSuspended(1, false)).to.emit(academy, "IssuerSuspensionChanged").withArgs(1, false);
    });

    it("test_setIssuerSuspended_revertsForUnknownIssuer", async () => {
      const { academy } = await networkHelpers.loadFixture(deployAcademy);
      await expect(academy.setIssuerSuspended(99, true))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesUnknownIssuer")
        .withArgs(99);
    });

    it("test_retireIssuer_rejectsTimesOutsideRegistrationToNow", async () => {
      const { academy } = await networkHelpers.loadFixture(deployAcademy);
      const registeredAt = (await academy.issuer(1)).registeredAt;
      await expect(academy.retireIssuer(1, registeredAt - 1n))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesInvalidRetirementTime")
        .withArgs(1, registeredAt - 1n);
      const future = BigInt(await time.latest()) + 1000n;
      await expect(academy.retireIssuer(1, future))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesInvalidRetirementTime")
        .withArgs(1, future);
    });

    it("test_retireIssuer_isFinal", async () => {
      const { academy } = await networkHelpers.loadFixture(deployAcademy);
      const now = BigInt(await time.latest());
      await expect(academy.retireIssuer(1, now)).to.emit(academy, "IssuerRetired").withArgs(1, now);
      await expect(academy.retireIssuer(1, now))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesIssuerNotActive")
        .withArgs(1);
      await expect(academy.setIssuerSuspended(1, true))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesIssuerNotActive")
        .withArgs(1);
    });
  });

  describe("courses", () => {
    it("test_createCourse_recordsCourse", async () => {
      const { academy, asIssuer } = await networkHelpers.loadFixture(deployAcademy);
      await expect(asIssuer.createCourse("ipfs://c3", hashText("c3"), 3600, true))
        .to.emit(academy, "CourseCreated")
        .withArgs(3, 1, "ipfs://c3", hashText("c3"), 3600, true);
      const course = await academy.course(3);
      expect(course.issuerId).to.equal(1n);
      expect(course.maxValidity).to.equal(3600n);
      expect(course.revocable).to.equal(true);
      expect(course.metadataHash).to.equal(hashText("c3"));
      expect(await academy.courseMetadataURI(3)).to.equal("ipfs://c3");
      expect(await academy.courseCount()).to.equal(3n);
    });

    it("test_createCourse_revertsForNonIssuer", async () => {
      const { academy, outsider } = await networkHelpers.loadFixture(deployAcademy);
      await expect(academy.connect(outsider).createCourse("", ZeroHash, 0, true))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesNotIssuer")
        .withArgs(outsider.address);
    });

    it("test_createCourse_revertsForSuspendedIssuer", async () => {
      const { academy, asIssuer } = await networkHelpers.loadFixture(deployAcademy);
      await (await academy.setIssuerSuspended(1, true)).wait();
      await expect(asIssuer.createCourse("", ZeroHash, 0, true))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesIssuerNotActive")
        .withArgs(1);
    });
  });

  describe("direct issue", () => {
    it("test_issue_mintsLockedTokenWithLeafDerivedId", async () => {
      const { academy, asIssuer, alice, now } = await networkHelpers.loadFixture(deployAcademy);
      const fields = fieldsFor(alice.address, now);
      const tokenId = await academy.tokenIdOf(await academy.leafOf(fields), COURSE);
      await expect(asIssuer.issue(fields))
        .to.emit(academy, "CertificateIssued")
        .withArgs(tokenId, alice.address, COURSE, ZeroHash)
        .and.to.emit(academy, "Locked")
        .withArgs(tokenId);
      expect(await academy.ownerOf(tokenId)).to.equal(alice.address);
      expect(await academy.locked(tokenId)).to.equal(true);
      expect(tokenId & ((1n << 64n) - 1n)).to.equal(COURSE);
      expect(await academy.verifyCertificate(tokenId)).to.equal(Status.Valid);
      expect(await academy.hasValidCertificate(alice.address, COURSE)).to.equal(true);
      const state = await academy.certificateState(tokenId);
      expect(state.holder).to.equal(alice.address);
      expect(state.issuerId).to.equal(1n);
      expect(state.validUntil).to.equal(now + YEAR);
    });

    it("test_issue_revertsForUnknownCourse", async () => {
      const { academy, asIssuer, alice, now } = await networkHelpers.loadFixture(deployAcademy);
      await expect(asIssuer.issue(fieldsFor(alice.address, now, "x", 99n)))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesUnknownCourse")
        .withArgs(99);
    });

    it("test_issue_revertsForAnotherIssuersCourse", async () => {
      const { academy, otherIssuer, alice, now } = await networkHelpers.loadFixture(deployAcademy);
      await expect(academy.connect(otherIssuer).issue(fieldsFor(alice.address, now)))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesNotCourseIssuer")
        .withArgs(COURSE, otherIssuer.address);
    });

    it("test_issue_revertsForRetiredIssuer", async () => {
      const { academy, asIssuer, alice, now } = await networkHelpers.loadFixture(deployAcademy);
      await (await academy.retireIssuer(1, now)).wait();
      await expect(asIssuer.issue(fieldsFor(alice.address, now)))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesIssuerNotActive")
        .withArgs(1);
    });

    it("test_issue_revertsOnZeroRecipient", async () => {
      const { academy, asIssuer, now } = await networkHelpers.loadFixture(deployAcademy);
      await expect(asIssuer.issue(fieldsFor(ZeroAddress, now))).to.be.revertedWithCustomError(
        academy,
        "AcademyCertificatesZeroAddress",
      );
    });

    it("test_issue_revertsOnEmptyValidity", async () => {
      const { academy, asIssuer, alice, now } = await networkHelpers.loadFixture(deployAcademy);
      const fields = { ...fieldsFor(alice.address, now, "x", FOREVER_COURSE), validUntil: now };
      await expect(asIssuer.issue(fields))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesInvalidValidity")
        .withArgs(now, now);
    });

    it("test_issue_revertsWhenValidityExceedsCourseMaximum", async () => {
      const { academy, asIssuer, alice, now } = await networkHelpers.loadFixture(deployAcademy);
      const tooLong = { ...fieldsFor(alice.address, now), validUntil: now + 2n * YEAR };
      await expect(asIssuer.issue(tooLong))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesValidityTooLong")
        .withArgs(COURSE, now, now + 2n * YEAR, YEAR);
      const unbounded = { ...fieldsFor(alice.address, now), validUntil: 0n };
      await expect(asIssuer.issue(unbounded))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesValidityTooLong")
        .withArgs(COURSE, now, 0, YEAR);
    });

    it("test_issue_revertsOnSameFieldsTwice", async () => {
      const { academy, asIssuer, fields, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      await expect(asIssuer.issue(fields))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesAlreadyIssued")
        .withArgs(tokenId);
    });

    it("test_issue_revertsWhenHolderAlreadyCertifiedForCourse", async () => {
      const { academy, asIssuer, alice, now } = await networkHelpers.loadFixture(withDirectCertificate);
      await expect(asIssuer.issue(fieldsFor(alice.address, now, "Another Name")))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesHolderAlreadyCertified")
        .withArgs(alice.address, COURSE);
    });

    it("test_erc1271Wallet_actsAsIssuer", async () => {
      const { academy, alice, now } = await networkHelpers.loadFixture(deployAcademy);
      const [owner] = await ethers.getSigners();
      if (!owner) throw new Error("accounts");
      const wallet = await ethers.deployContract("ERC1271Wallet", [owner.address]);
      const walletAddress = await wallet.getAddress();
      await (await academy.registerIssuer(walletAddress, "Safe-run academy", "")).wait();
      const iface = academy.interface;
      await (
        await wallet.execute(
          await academy.getAddress(),
          0,
          iface.encodeFunctionData("createCourse", ["", ZeroHash, 0, true]),
        )
      ).wait();
      const fields = fieldsFor(alice.address, now, "Wallet Graduate", 3n);
      await expect(wallet.execute(await academy.getAddress(), 0, iface.encodeFunctionData("issue", [fields]))).to.emit(
        academy,
        "CertificateIssued",
      );
      expect(await academy.hasValidCertificate(alice.address, 3n)).to.equal(true);
    });
    it("test_multisigWallet_actsAsIssuer", async () => {
      const { academy, alice, now } = await networkHelpers.loadFixture(deployAcademy);
      const owners = [Wallet.createRandom(), Wallet.createRandom(), Wallet.createRandom()].sort((a, b) =>
        a.address.toLowerCase() < b.address.toLowerCase() ? -1 : 1,
      );
      const multisig = await ethers.deployContract("MultisigWallet", [owners.map((o) => o.address), 2]);
      const multisigAddress = await multisig.getAddress();
      await (await academy.registerIssuer(multisigAddress, "University consortium", "")).wait();
      const target = await academy.getAddress();
      const run = async (data: string) => {
        const digest = await multisig.callHash(target, 0, data, await multisig.nonce());
        const signatures = ethers.concat(owners.slice(0, 2).map((o) => o.signingKey.sign(digest).serialized));
        return multisig.execute(target, 0, data, signatures);
      };
      await (await run(academy.interface.encodeFunctionData("createCourse", ["", ZeroHash, 0, true]))).wait();
      const fields = fieldsFor(alice.address, now, "Consortium Graduate", 3n);
      await expect(run(academy.interface.encodeFunctionData("issue", [fields]))).to.emit(academy, "CertificateIssued");
      expect(await academy.hasValidCertificate(alice.address, 3n)).to.equal(true);
    });
  });

  describe("soulbound", () => {
    it("test_transferFrom_reverts", async () => {
      const { academy, alice, bob, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      await expect(academy.connect(alice).transferFrom(alice.address, bob.address, tokenId))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesSoulbound")
        .withArgs(tokenId);
    });

    it("test_safeTransferFrom_revertsInBothForms", async () => {
      const { academy, alice, bob, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      await expect(
        academy.connect(alice)["safeTransferFrom(address,address,uint256)"](alice.address, bob.address, tokenId),
      )
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesSoulbound")
        .withArgs(tokenId);
      const asAlice = academy.connect(alice);
      await expect(
        asAlice["safeTransferFrom(address,address,uint256,bytes)"](alice.address, bob.address, tokenId, "0x"),
      )
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesSoulbound")
        .withArgs(tokenId);
    });

    it("test_approve_andSetApprovalForAll_revert", async () => {
      const { academy, alice, bob, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      await expect(academy.connect(alice).approve(bob.address, tokenId)).to.be.revertedWithCustomError(
        academy,
        "AcademyCertificatesApprovalDisabled",
      );
      await expect(academy.connect(alice).setApprovalForAll(bob.address, true)).to.be.revertedWithCustomError(
        academy,
        "AcademyCertificatesApprovalDisabled",
      );
    });

    it("test_locked_revertsForUnknownToken_andErc5192IsAdvertised", async () => {
      const { academy } = await networkHelpers.loadFixture(deployAcademy);
      await expect(academy.locked(123n))
        .to.be.revertedWithCustomError(academy, "ERC721NonexistentToken")
        .withArgs(123n);
      expect(await academy.supportsInterface("0xb45a3c0e")).to.equal(true);
      expect(await academy.supportsInterface("0x80ac58cd")).to.equal(true);
      expect(await academy.supportsInterface("0xffffffff")).to.equal(false);
    });

    it("test_burn_byHolderDestroysForGood", async () => {
      const { academy, asIssuer, alice, fields, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      await expect(academy.connect(alice).burn(tokenId))
        .to.emit(academy, "CertificateBurned")
        .withArgs(tokenId, alice.address);
      expect(await academy.verifyCertificate(tokenId)).to.equal(Status.NotFound);
      expect(await academy.hasValidCertificate(alice.address, COURSE)).to.equal(false);
      await expect(asIssuer.issue(fields))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesAlreadyIssued")
        .withArgs(tokenId);
    });

    it("test_burn_revertsForNonHolder", async () => {
      const { academy, issuer, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      await expect(academy.connect(issuer).burn(tokenId))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesNotHolder")
        .withArgs(tokenId, issuer.address);
    });
  });

  describe("cohorts and claims", () => {
    it("test_anchorCohort_recordsRootAndEmits", async () => {
      const { academy, asIssuer, now } = await networkHelpers.loadFixture(deployAcademy);
      const root = hashText("root");
      await expect(asIssuer.anchorCohort(root, COURSE, 100_000))
        .to.emit(academy, "CohortAnchored")
        .withArgs(root, COURSE, 1, 100_000);
      const [courseId, anchoredAt] = await academy.cohort(root);
      expect(courseId).to.equal(COURSE);
      expect(anchoredAt).to.be.greaterThan(now);
    });

    it("test_anchorCohort_rejectsZeroRootEmptyCohortAndDuplicates", async () => {
      const { academy, asIssuer } = await networkHelpers.loadFixture(withCohort);
      await expect(asIssuer.anchorCohort(ZeroHash, COURSE, 1)).to.be.revertedWithCustomError(
        academy,
        "AcademyCertificatesZeroRoot",
      );
      await expect(asIssuer.anchorCohort(hashText("r"), COURSE, 0)).to.be.revertedWithCustomError(
        academy,
        "AcademyCertificatesEmptyCohort",
      );
      const { cohort } = await networkHelpers.loadFixture(withCohort);
      await expect(asIssuer.anchorCohort(cohort.root, COURSE, 4))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesCohortAlreadyAnchored")
        .withArgs(cohort.root);
    });

    it("test_anchorCohort_revertsForOtherIssuer", async () => {
      const { academy, otherIssuer } = await networkHelpers.loadFixture(deployAcademy);
      await expect(academy.connect(otherIssuer).anchorCohort(hashText("r"), COURSE, 1))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesNotCourseIssuer")
        .withArgs(COURSE, otherIssuer.address);
    });

    it("test_claim_mintsToRecipientWithAnchorTimeAsIssuance", async () => {
      const { academy, alice, cohort } = await networkHelpers.loadFixture(withCohort);
      const { fields, proof } = claimArgs(cohort, 0);
      const tokenId = BigInt(cohort.credentials[0]?.tokenId ?? "0");
      await expect(academy.connect(alice).claim(cohort.root, fields, proof))
        .to.emit(academy, "CertificateIssued")
        .withArgs(tokenId, alice.address, COURSE, cohort.root);
      expect(await academy.ownerOf(tokenId)).to.equal(alice.address);
      const [, anchoredAt] = await academy.cohort(cohort.root);
      expect((await academy.certificateState(tokenId)).issuedAt).to.equal(anchoredAt);
      expect(await academy.verifyLeaf(cohort.root, fields, proof)).to.equal(Status.Valid);
    });

    it("test_claim_revertsOnDoubleClaim", async () => {
      const { academy, alice, cohort } = await networkHelpers.loadFixture(withCohort);
      const { fields, proof } = claimArgs(cohort, 0);
      await (await academy.connect(alice).claim(cohort.root, fields, proof)).wait();
      await expect(academy.connect(alice).claim(cohort.root, fields, proof))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesAlreadyIssued")
        .withArgs(BigInt(cohort.credentials[0]?.tokenId ?? "0"));
    });

    it("test_claim_revertsWhenCallerIsNotRecipient", async () => {
      const { academy, bob, alice, cohort } = await networkHelpers.loadFixture(withCohort);
      const { fields, proof } = claimArgs(cohort, 0);
      await expect(academy.connect(bob).claim(cohort.root, fields, proof))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesInvalidConsent")
        .withArgs(alice.address);
    });

    it("test_claim_revertsForTamperedField", async () => {
      const { academy, alice, cohort } = await networkHelpers.loadFixture(withCohort);
      const { fields, proof } = claimArgs(cohort, 0);
      const tampered = { ...fields, nameCommitment: nameCommitment("Mallory", SALT) };
      const leaf = await academy.leafOf(tampered);
      await expect(academy.connect(alice).claim(cohort.root, tampered, proof))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesInvalidProof")
        .withArgs(cohort.root, leaf);
      const longer = { ...fields, validUntil: fields.validUntil - 1n };
      await expect(academy.connect(alice).claim(cohort.root, longer, proof)).to.be.revertedWithCustomError(
        academy,
        "AcademyCertificatesInvalidProof",
      );
    });

    it("test_claim_revertsForProofOfAnotherCohort", async () => {
      const { academy, asIssuer, alice, cohort, chainId, issuer, now } = await networkHelpers.loadFixture(withCohort);
      const other = buildCohort(
        [
          { name: "Alice Park", address: alice.address, courseId: COURSE },
          { name: "Eve Han", address: Wallet.createRandom().address, courseId: COURSE },
        ],
        {
          chainId,
          registry: await academy.getAddress(),
          courseId: COURSE,
          issuer: issuer.address,
          validFrom: now,
          validUntil: now + YEAR,
        },
      );
      await (await asIssuer.anchorCohort(other.root, COURSE, 2)).wait();
      const { fields, proof } = claimArgs(other, 0);
      await expect(academy.connect(alice).claim(cohort.root, fields, proof)).to.be.revertedWithCustomError(
        academy,
        "AcademyCertificatesInvalidProof",
      );
      expect(await academy.verifyLeaf(cohort.root, fields, proof)).to.equal(Status.NotFound);
    });

    it("test_claim_rejectsInternalNodeAsLeaf", async () => {
      const { academy, alice, cohort } = await networkHelpers.loadFixture(withCohort);
      // In a 4-leaf tree the proof of a leaf is [sibling leaf, other internal node]. The parent of
      // the leaf and its sibling is an internal node whose proof is just [other internal node].
      const { fields, proof } = claimArgs(cohort, 0);
      const [sibling, uncle] = proof;
      if (sibling === undefined || uncle === undefined) throw new Error("proof");
      const leaf = cohort.credentials[0]?.leaf ?? "";
      const [a, b] = [leaf, sibling].sort();
      const internal = ethers.keccak256(ethers.concat([a ?? "", b ?? ""]));
      // Presented as a leaf (smuggled into a field), it is hashed twice and cannot match.
      const smuggled = { ...fields, nameCommitment: internal };
      await expect(academy.connect(alice).claim(cohort.root, smuggled, [uncle])).to.be.revertedWithCustomError(
        academy,
        "AcademyCertificatesInvalidProof",
      );
      expect(await academy.verifyLeaf(cohort.root, smuggled, [uncle])).to.equal(Status.NotFound);
    });

    it("test_claim_revertsForUnknownCohortAndCourseMismatch", async () => {
      const { academy, alice, cohort, asIssuer } = await networkHelpers.loadFixture(withCohort);
      const { fields, proof } = claimArgs(cohort, 0);
      const unknown = hashText("never anchored");
      await expect(academy.connect(alice).claim(unknown, fields, proof))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesUnknownCohort")
        .withArgs(unknown);
      const otherRoot = hashText("course 2 cohort");
      await (await asIssuer.anchorCohort(otherRoot, FOREVER_COURSE, 1)).wait();
      await expect(academy.connect(alice).claim(otherRoot, fields, proof))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesCohortCourseMismatch")
        .withArgs(otherRoot, COURSE);
    });

    it("test_claimWithConsent_relaysWithRecipientSignature", async () => {
      const { academy, alice, outsider, cohort } = await networkHelpers.loadFixture(withCohort);
      const { fields, proof } = claimArgs(cohort, 0);
      const tokenId = BigInt(cohort.credentials[0]?.tokenId ?? "0");
      const deadline = BigInt(await time.latest()) + DAY;
      const signature = await alice.signTypedData(await domainOf(academy), CLAIM_TYPES, {
        tokenId,
        nonce: 0n,
        deadline,
      });
      expect(await academy.claimDigest(tokenId, alice.address, deadline)).to.equal(
        ethers.TypedDataEncoder.hash(await domainOf(academy), CLAIM_TYPES, { tokenId, nonce: 0n, deadline }),
      );
      await expect(academy.connect(outsider).claimWithConsent(cohort.root, fields, proof, deadline, signature))
        .to.emit(academy, "CertificateIssued")
        .withArgs(tokenId, alice.address, COURSE, cohort.root);
      // The same consent again: its nonce is used.
      await expect(academy.connect(outsider).claimWithConsent(cohort.root, fields, proof, deadline, signature))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesInvalidConsent")
        .withArgs(alice.address);
    });

    it("test_claimWithConsent_revertsAfterDeadline", async () => {
      const { academy, alice, outsider, cohort } = await networkHelpers.loadFixture(withCohort);
      const { fields, proof } = claimArgs(cohort, 0);
      const deadline = BigInt(await time.latest()) - 1n;
      const signature = await alice.signTypedData(await domainOf(academy), CLAIM_TYPES, {
        tokenId: BigInt(cohort.credentials[0]?.tokenId ?? "0"),
        nonce: 0n,
        deadline,
      });
      await expect(academy.connect(outsider).claimWithConsent(cohort.root, fields, proof, deadline, signature))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesConsentExpired")
        .withArgs(deadline);
    });
  });

  describe("status", () => {
    it("test_revoke_tokenReportsRevoked", async () => {
      const { academy, asIssuer, alice, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      await expect(asIssuer.revoke([tokenId], 3, hashText("plagiarism")))
        .to.emit(academy, "CertificateRevoked")
        .withArgs(tokenId, COURSE, 3, hashText("plagiarism"));
      expect(await academy.verifyCertificate(tokenId)).to.equal(Status.Revoked);
      expect(await academy.hasValidCertificate(alice.address, COURSE)).to.equal(false);
      await expect(asIssuer.revoke([tokenId], 3, ZeroHash))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesAlreadyRevoked")
        .withArgs(tokenId);
    });

    it("test_revoke_unclaimedLeafCannotBeClaimed", async () => {
      const { academy, asIssuer, alice, cohort } = await networkHelpers.loadFixture(withCohort);
      const { fields, proof } = claimArgs(cohort, 0);
      const tokenId = BigInt(cohort.credentials[0]?.tokenId ?? "0");
      await (await asIssuer.revoke([tokenId], 1, ZeroHash)).wait();
      expect(await academy.verifyLeaf(cohort.root, fields, proof)).to.equal(Status.Revoked);
      await expect(academy.connect(alice).claim(cohort.root, fields, proof))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesLeafRevoked")
        .withArgs(tokenId);
      await expect(asIssuer.revoke([tokenId], 1, ZeroHash))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesAlreadyRevoked")
        .withArgs(tokenId);
    });

    it("test_revoke_batchOfClaimedAndUnclaimed", async () => {
      const { academy, asIssuer, alice, cohort } = await networkHelpers.loadFixture(withCohort);
      const { fields, proof } = claimArgs(cohort, 0);
      await (await academy.connect(alice).claim(cohort.root, fields, proof)).wait();
      const ids = cohort.credentials.map((c) => BigInt(c.tokenId));
      await expect(asIssuer.revoke(ids, 2, ZeroHash)).to.emit(academy, "CertificateRevoked");
      for (let i = 0; i < ids.length; i += 1) {
        const args = claimArgs(cohort, i);
        expect(await academy.verifyLeaf(cohort.root, args.fields, args.proof)).to.equal(Status.Revoked);
      }
    });

    it("test_revoke_rejectsBadBatchSizes", async () => {
      const { academy, asIssuer, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      await expect(asIssuer.revoke([], 1, ZeroHash))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesInvalidBatchSize")
        .withArgs(0, 256);
      await expect(asIssuer.revoke(new Array<bigint>(257).fill(tokenId), 1, ZeroHash))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesInvalidBatchSize")
        .withArgs(257, 256);
    });

    it("test_revoke_revertsForNonRevocableCourse", async () => {
      const { academy, asIssuer, issuer, alice, now } = await networkHelpers.loadFixture(deployAcademy);
      const tokenId = await issued(academy, issuer, fieldsFor(alice.address, now, "x", FOREVER_COURSE));
      await expect(asIssuer.revoke([tokenId], 1, ZeroHash))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesNotRevocable")
        .withArgs(FOREVER_COURSE);
      await expect(asIssuer.setSuspended(tokenId, true))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesNotRevocable")
        .withArgs(FOREVER_COURSE);
    });

    it("test_revoke_revertsForBurnedToken", async () => {
      const { academy, asIssuer, alice, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      await (await academy.connect(alice).burn(tokenId)).wait();
      await expect(asIssuer.revoke([tokenId], 1, ZeroHash))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesUnknownCertificate")
        .withArgs(tokenId);
    });

    it("test_revoke_revertsForOtherIssuer", async () => {
      const { academy, otherIssuer, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      await expect(academy.connect(otherIssuer).revoke([tokenId], 1, ZeroHash))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesNotCourseIssuer")
        .withArgs(COURSE, otherIssuer.address);
    });

    it("test_setSuspended_isReversible", async () => {
      const { academy, asIssuer, alice, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      await expect(asIssuer.setSuspended(tokenId, true))
        .to.emit(academy, "CertificateSuspensionChanged")
        .withArgs(tokenId, true);
      expect(await academy.verifyCertificate(tokenId)).to.equal(Status.Suspended);
      expect(await academy.hasValidCertificate(alice.address, COURSE)).to.equal(false);
      await expect(asIssuer.setSuspended(tokenId, true))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesSuspensionUnchanged")
        .withArgs(tokenId, true);
      await (await asIssuer.setSuspended(tokenId, false)).wait();
      expect(await academy.verifyCertificate(tokenId)).to.equal(Status.Valid);
    });

    it("test_setSuspended_revertsForUnknownCertificate", async () => {
      const { academy, asIssuer } = await networkHelpers.loadFixture(deployAcademy);
      const unknown = (123n << 64n) | COURSE;
      await expect(asIssuer.setSuspended(unknown, true))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesUnknownCertificate")
        .withArgs(unknown);
    });

    it("test_issuerSuspension_reportsSuspended", async () => {
      const { academy, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      await (await academy.setIssuerSuspended(1, true)).wait();
      expect(await academy.verifyCertificate(tokenId)).to.equal(Status.Suspended);
    });

    it("test_expiry_reportsNotYetValidThenValidThenExpired", async () => {
      const { academy, issuer, alice, now } = await networkHelpers.loadFixture(deployAcademy);
      const fields = { ...fieldsFor(alice.address, now), validFrom: now + DAY, validUntil: now + 2n * DAY };
      const tokenId = await issued(academy, issuer, fields);
      expect(await academy.verifyCertificate(tokenId)).to.equal(Status.NotYetValid);
      await time.increaseTo(now + DAY);
      expect(await academy.verifyCertificate(tokenId)).to.equal(Status.Valid);
      await time.increaseTo(now + 2n * DAY);
      expect(await academy.verifyCertificate(tokenId)).to.equal(Status.Expired);
      expect(await academy.hasValidCertificate(alice.address, COURSE)).to.equal(false);
    });

    it("test_retiredIssuer_keepsEarlierCertificatesValid", async () => {
      const { academy, issuer, alice, bob } = await networkHelpers.loadFixture(deployAcademy);
      const before = await issued(academy, issuer, fieldsFor(alice.address, BigInt(await time.latest())));
      await time.increase(100);
      const cutoff = BigInt(await time.latest());
      await time.increase(100);
      const after = await issued(academy, issuer, fieldsFor(bob.address, BigInt(await time.latest())));
      await (await academy.retireIssuer(1, Number(cutoff))).wait();
      expect(await academy.verifyCertificate(before)).to.equal(Status.Valid);
      expect(await academy.verifyCertificate(after)).to.equal(Status.IssuerRetired);
      expect(await academy.hasValidCertificate(bob.address, COURSE)).to.equal(false);
    });

    it("test_verifyLeaf_unanchoredRootIsUnknownIssuer", async () => {
      const { academy, cohort } = await networkHelpers.loadFixture(withCohort);
      const { fields, proof } = claimArgs(cohort, 1);
      const state = await academy.leafState(hashText("nobody anchored this"), fields, proof);
      expect(state.status).to.equal(Status.UnknownIssuer);
      expect(state.anchored).to.equal(false);
      expect(await academy.verifyLeaf(cohort.root, fields, proof)).to.equal(Status.Valid);
    });

    it("test_verifyCertificate_unknownTokenIsNotFound", async () => {
      const { academy, alice } = await networkHelpers.loadFixture(deployAcademy);
      expect(await academy.verifyCertificate(42n)).to.equal(Status.NotFound);
      expect(await academy.hasValidCertificate(alice.address, 1n << 64n)).to.equal(false);
    });

    it("test_reissue_supersedesOldToken", async () => {
      const { academy, asIssuer, alice, now, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      const corrected = fieldsFor(alice.address, now, "Kim Min-joon");
      const newId = await academy.tokenIdOf(await academy.leafOf(corrected), COURSE);
      await expect(asIssuer.reissue(tokenId, corrected))
        .to.emit(academy, "CertificateReissued")
        .withArgs(tokenId, newId);
      expect(await academy.verifyCertificate(tokenId)).to.equal(Status.Superseded);
      expect(await academy.supersededBy(tokenId)).to.equal(newId);
      expect((await academy.certificateState(tokenId)).successor).to.equal(newId);
      expect(await academy.verifyCertificate(newId)).to.equal(Status.Valid);
      expect(await academy.ownerOf(newId)).to.equal(alice.address);
      expect(await academy.hasValidCertificate(alice.address, COURSE)).to.equal(true);
    });

    it("test_reissue_revertsForSameFieldsOtherCourseAndUnknownToken", async () => {
      const { academy, asIssuer, fields, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      await expect(asIssuer.reissue(tokenId, fields))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesAlreadyIssued")
        .withArgs(tokenId);
      const otherCourse = { ...fields, courseId: FOREVER_COURSE, validUntil: 0n };
      await expect(asIssuer.reissue(tokenId, otherCourse))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesReissueCourseMismatch")
        .withArgs(tokenId, FOREVER_COURSE);
      const unknown = (7n << 64n) | COURSE;
      await expect(asIssuer.reissue(unknown, fields))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesUnknownCertificate")
        .withArgs(unknown);
    });
  });

  describe("recovery", () => {
    it("test_recover_movesCertificateWithNewHoldersConsent", async () => {
      const { academy, asIssuer, alice, carol, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      const deadline = BigInt(await time.latest()) + DAY;
      const value = { tokenId, newHolder: carol.address, nonce: 0n, deadline };
      const signature = await carol.signTypedData(await domainOf(academy), RECOVERY_TYPES, value);
      expect(await academy.recoveryDigest(tokenId, carol.address, deadline)).to.equal(
        ethers.TypedDataEncoder.hash(await domainOf(academy), RECOVERY_TYPES, value),
      );
      await expect(asIssuer.recover(tokenId, carol.address, deadline, signature))
        .to.emit(academy, "CertificateRecovered")
        .withArgs(tokenId, alice.address, carol.address);
      expect(await academy.ownerOf(tokenId)).to.equal(carol.address);
      expect(await academy.hasValidCertificate(carol.address, COURSE)).to.equal(true);
      expect(await academy.hasValidCertificate(alice.address, COURSE)).to.equal(false);
      expect(await academy.verifyCertificate(tokenId)).to.equal(Status.Valid);
    });

    it("test_recover_consentFromErc1271Wallet", async () => {
      const { academy, asIssuer, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      const owner = Wallet.createRandom();
      const wallet = await ethers.deployContract("ERC1271Wallet", [owner.address]);
      const walletAddress = await wallet.getAddress();
      const deadline = BigInt(await time.latest()) + DAY;
      const digest = await academy.recoveryDigest(tokenId, walletAddress, deadline);
      const signature = owner.signingKey.sign(digest).serialized;
      await expect(asIssuer.recover(tokenId, walletAddress, deadline, signature))
        .to.emit(academy, "CertificateRecovered")
        .withArgs(tokenId, (await academy.certificateState(tokenId)).holder, walletAddress);
      expect(await academy.ownerOf(tokenId)).to.equal(walletAddress);
    });

    it("test_recover_rejectsContractWalletWithWrongMagicOrRevert", async () => {
      const { academy, asIssuer, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      const wallet = await ethers.deployContract("WrongMagicWallet", ["0xdeadbeef"]);
      const walletAddress = await wallet.getAddress();
      const deadline = BigInt(await time.latest()) + DAY;
      await expect(asIssuer.recover(tokenId, walletAddress, deadline, "0x1234"))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesInvalidConsent")
        .withArgs(walletAddress);
      await (await wallet.configure("0x1626ba7e", true)).wait();
      await expect(asIssuer.recover(tokenId, walletAddress, deadline, "0x1234"))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesInvalidConsent")
        .withArgs(walletAddress);
    });

    it("test_recover_replayWithUsedNonceFails", async () => {
      const { academy, asIssuer, alice, carol, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      const domain = await domainOf(academy);
      const deadline = BigInt(await time.latest()) + DAY;
      const toCarol = await carol.signTypedData(domain, RECOVERY_TYPES, {
        tokenId,
        newHolder: carol.address,
        nonce: 0n,
        deadline,
      });
      await (await asIssuer.recover(tokenId, carol.address, deadline, toCarol)).wait();
      const back = await alice.signTypedData(domain, RECOVERY_TYPES, {
        tokenId,
        newHolder: alice.address,
        nonce: 0n,
        deadline,
      });
      await (await asIssuer.recover(tokenId, alice.address, deadline, back)).wait();
      await expect(asIssuer.recover(tokenId, carol.address, deadline, toCarol))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesInvalidConsent")
        .withArgs(carol.address);
    });

    it("test_recover_consentForOtherChainOrContractFails", async () => {
      const { academy, asIssuer, admin, carol, tokenId } = await networkHelpers.loadFixture(withDirectCertificate);
      const deadline = BigInt(await time.latest()) + DAY;
      const value = { tokenId, newHolder: carol.address, nonce: 0n, deadline };
      const otherChain = await carol.signTypedData(await domainOf(academy, 97n), RECOVERY_TYPES, value);
      await expect(asIssuer.recover(tokenId, carol.address, deadline, otherChain))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesInvalidConsent")
        .withArgs(carol.address);
      const other = await ethers.deployContract("AcademyCertificates", [admin.address]);
      const otherDomain = { ...(await domainOf(academy)), verifyingContract: await other.getAddress() };
      const otherContract = await carol.signTypedData(otherDomain, RECOVERY_TYPES, value);
      await expect(asIssuer.recover(tokenId, carol.address, deadline, otherContract))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesInvalidConsent")
        .withArgs(carol.address);
    });

    it("test_recover_rejectsExpiredConsentZeroAndCertifiedHolder", async () => {
      const { academy, asIssuer, issuer, bob, carol, now, tokenId } =
        await networkHelpers.loadFixture(withDirectCertificate);
      const past = BigInt(await time.latest()) - 1n;
      const signature = await carol.signTypedData(await domainOf(academy), RECOVERY_TYPES, {
        tokenId,
        newHolder: carol.address,
        nonce: 0n,
        deadline: past,
      });
      await expect(asIssuer.recover(tokenId, carol.address, past, signature))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesConsentExpired")
        .withArgs(past);
      await expect(asIssuer.recover(tokenId, ZeroAddress, past, signature)).to.be.revertedWithCustomError(
        academy,
        "AcademyCertificatesZeroAddress",
      );
      await issued(academy, issuer, fieldsFor(bob.address, now, "Bob"));
      await expect(asIssuer.recover(tokenId, bob.address, past, signature))
        .to.be.revertedWithCustomError(academy, "AcademyCertificatesHolderAlreadyCertified")
        .withArgs(bob.address, COURSE);
    });
  });
});
