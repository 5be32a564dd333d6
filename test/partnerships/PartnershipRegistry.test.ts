import { expect } from "chai";
import { Wallet, ZeroAddress, ZeroHash } from "ethers";
import { network } from "hardhat";

import { agreementTermsOf, hashAgreementTerms } from "../../sdk/partnerships/typedData.js";
import {
  asInput,
  commitment,
  DAY,
  deployRegistry,
  eoaSignature,
  hashOf,
  highS,
  input,
  makeTerms,
  multisigSignature,
  signatureData,
  terminationSignature,
  partnershipTypedDataDigest,
} from "./fixtures.js";

const { ethers, networkHelpers } = await network.create();
const { time } = networkHelpers;
const loadFixture = networkHelpers.loadFixture.bind(networkHelpers);

const Status = { None: 0n, Pending: 1n, Active: 2n, Expired: 3n, Terminated: 4n, Cancelled: 5n };
const CStatus = { Open: 0n, Overdue: 1n, Reported: 2n, Acknowledged: 3n, Disputed: 4n };
const CITY = 1;
const EXCHANGE = 2;
const UNIVERSITY = 3;

async function deployFixture() {
  return deployRegistry(ethers);
}

/** Agreement 1 between the city (party 0) and the exchange (party 1), proposed by the city clerk. */
async function proposedFixture() {
  const base = await deployRegistry(ethers);
  const now = BigInt(await time.latest());
  const terms = makeTerms(now);
  await base.registry.connect(base.cityClerk).propose("Busan blockchain MOU", [CITY, EXCHANGE], asInput(terms));
  return { ...base, terms, now, id: 1n };
}

/** Agreement 1 signed by both parties (version 1 in force). */
async function activeFixture() {
  const base = await proposedFixture();
  await base.registry.connect(base.cityClerk).sign(1n, 1, 0);
  await base.registry.connect(base.exchangeSigner).sign(1n, 1, 1);
  return base;
}

/** Active agreement whose exchange commitment 0 has been reported. */
async function reportedFixture() {
  const base = await activeFixture();
  await base.registry
    .connect(base.exchangeSigner)
    .reportFulfilment(1n, 0n, hashOf("receipt"), "eip155:97:0xVault/campaign/1");
  return base;
}

describe("PartnershipRegistry", () => {
  describe("organisations", () => {
    it("registers an organisation with its signers and lists them", async () => {
      const { registry, cityClerk } = await loadFixture(deployFixture);
      await expect(registry.registerOrganisation("Pusan National University", 2, "ipfs://pnu", [cityClerk.address]))
        .to.emit(registry, "OrganisationRegistered")
        .withArgs(4, 2, "Pusan National University", "ipfs://pnu")
        .and.to.emit(registry, "SignerSet")
        .withArgs(4, cityClerk.address, true);
      const org = await registry.organisation(4);
      expect(org.name).to.equal("Pusan National University");
      expect(org.kind).to.equal(2n);
      expect(org.active).to.equal(true);
      expect(org.signerCount).to.equal(1n);
      expect(await registry.organisationCount()).to.equal(4n);
      expect(await registry.signersOf(4)).to.deep.equal([cityClerk.address]);
    });

    it("rejects registration by a non-registrar", async () => {
      const { registry, outsider } = await loadFixture(deployFixture);
      await expect(registry.connect(outsider).registerOrganisation("X", 4, "", []))
        .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
        .withArgs(outsider.address, await registry.REGISTRAR_ROLE());
    });

    it("rejects signer and activation changes by a non-registrar", async () => {
      const { registry, outsider } = await loadFixture(deployFixture);
      const role = await registry.REGISTRAR_ROLE();
      await expect(registry.connect(outsider).setSigner(EXCHANGE, outsider.address, true))
        .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
        .withArgs(outsider.address, role);
      await expect(registry.connect(outsider).setOrganisationActive(EXCHANGE, false))
        .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
        .withArgs(outsider.address, role);
    });

    it("rejects an empty name", async () => {
      const { registry } = await loadFixture(deployFixture);
      await expect(registry.registerOrganisation("", 4, "", [])).to.be.revertedWithCustomError(
        registry,
        "PartnershipRegistryEmptyName",
      );
    });

    it("rejects more than MAX_SIGNERS signers", async () => {
      const { registry } = await loadFixture(deployFixture);
      const many = Array.from({ length: 33 }, () => Wallet.createRandom().address);
      await expect(registry.registerOrganisation("X", 4, "", many))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryBatchSize")
        .withArgs(33);
    });

    it("rejects the zero address and an unchanged signer", async () => {
      const { registry, exchangeSigner } = await loadFixture(deployFixture);
      await expect(registry.setSigner(EXCHANGE, ZeroAddress, true)).to.be.revertedWithCustomError(
        registry,
        "PartnershipRegistryZeroSigner",
      );
      await expect(registry.setSigner(EXCHANGE, exchangeSigner.address, true))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistrySignerUnchanged")
        .withArgs(EXCHANGE, exchangeSigner.address, true);
    });

    it("rejects an unknown organisation", async () => {
      const { registry, outsider } = await loadFixture(deployFixture);
      await expect(registry.setSigner(9, outsider.address, true))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryUnknownOrganisation")
        .withArgs(9);
      await expect(registry.organisation(0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryUnknownOrganisation")
        .withArgs(0);
    });

    it("removes a signer and keeps the list consistent", async () => {
      const { registry, multisig, cityClerk } = await loadFixture(deployFixture);
      await expect(registry.setSigner(CITY, await multisig.getAddress(), false))
        .to.emit(registry, "SignerSet")
        .withArgs(CITY, await multisig.getAddress(), false);
      expect(await registry.signersOf(CITY)).to.deep.equal([cityClerk.address]);
      expect(await registry.isSigner(CITY, await multisig.getAddress())).to.equal(false);
      await registry.setSigner(CITY, cityClerk.address, false);
      expect(await registry.signersOf(CITY)).to.deep.equal([]);
      expect((await registry.organisation(CITY)).signerCount).to.equal(0n);
    });

    it("lets a signer rotate itself out, and the rotated-out key can no longer sign", async () => {
      const { registry, cityClerk, spare, exchangeSigner } = await loadFixture(deployFixture);
      await expect(registry.connect(cityClerk).rotateSigner(CITY, cityClerk.address, spare.address))
        .to.emit(registry, "SignerSet")
        .withArgs(CITY, spare.address, true);
      expect(await registry.isSigner(CITY, cityClerk.address)).to.equal(false);
      expect(await registry.isSigner(CITY, spare.address)).to.equal(true);
      const now = BigInt(await time.latest());
      await registry.connect(exchangeSigner).propose("MOU", [CITY, EXCHANGE], asInput(makeTerms(now)));
      await expect(registry.connect(cityClerk).sign(1n, 1, 0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryNotSigner")
        .withArgs(CITY, cityClerk.address);
      const chainId = (await ethers.provider.getNetwork()).chainId;
      const relayed = await eoaSignature(cityClerk, {
        registry,
        chainId,
        agreementId: 1n,
        version: 1,
        partyIndex: 0,
        orgId: CITY,
        signerAddress: cityClerk.address,
        terms: makeTerms(now),
        deadline: now + DAY,
      });
      await expect(registry.signWithSignature(relayed))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryNotSigner")
        .withArgs(CITY, cityClerk.address);
      await expect(registry.connect(spare).sign(1n, 1, 0)).to.emit(registry, "AgreementSigned");
    });

    it("rejects rotation by an outsider, of a non-signer, and to an existing signer", async () => {
      const { registry, cityClerk, outsider, spare, multisig } = await loadFixture(deployFixture);
      await expect(registry.connect(outsider).rotateSigner(CITY, cityClerk.address, spare.address))
        .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
        .withArgs(outsider.address, await registry.REGISTRAR_ROLE());
      await expect(registry.rotateSigner(CITY, outsider.address, spare.address))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryNotSigner")
        .withArgs(CITY, outsider.address);
      await expect(registry.rotateSigner(CITY, cityClerk.address, await multisig.getAddress()))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistrySignerUnchanged")
        .withArgs(CITY, await multisig.getAddress(), true);
    });

    it("deactivates an organisation: its signers are suspended until it is reactivated", async () => {
      const { registry, exchangeSigner, cityClerk } = await loadFixture(proposedFixture);
      await expect(registry.setOrganisationActive(EXCHANGE, false))
        .to.emit(registry, "OrganisationActiveSet")
        .withArgs(EXCHANGE, false);
      await expect(registry.connect(exchangeSigner).sign(1n, 1, 1))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryOrganisationInactive")
        .withArgs(EXCHANGE);
      const now = BigInt(await time.latest());
      await expect(registry.connect(cityClerk).propose("MOU", [CITY, EXCHANGE], asInput(makeTerms(now))))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryOrganisationInactive")
        .withArgs(EXCHANGE);
      expect(await registry.isSigner(EXCHANGE, exchangeSigner.address)).to.equal(true);
      await expect(registry.setOrganisationActive(EXCHANGE, false))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryActiveUnchanged")
        .withArgs(EXCHANGE, false);
      await registry.setOrganisationActive(EXCHANGE, true);
      await expect(registry.connect(exchangeSigner).sign(1n, 1, 1)).to.emit(registry, "AgreementSigned");
    });

    it("suspends a signer added while the organisation is inactive", async () => {
      const { registry, spare } = await loadFixture(proposedFixture);
      await registry.setOrganisationActive(EXCHANGE, false);
      await registry.setSigner(EXCHANGE, spare.address, true);
      await expect(registry.connect(spare).sign(1n, 1, 1))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryOrganisationInactive")
        .withArgs(EXCHANGE);
      await registry.setOrganisationActive(EXCHANGE, true);
      await expect(registry.connect(spare).sign(1n, 1, 1)).to.emit(registry, "AgreementSigned");
    });
  });

  describe("propose", () => {
    it("records the agreement, its first version and commitments", async () => {
      const { registry, terms, id, now } = await loadFixture(proposedFixture);
      const view = await registry.agreement(id);
      expect(view.status).to.equal(Status.Pending);
      expect(view.parties).to.deep.equal([BigInt(CITY), BigInt(EXCHANGE)]);
      expect(view.latestVersion).to.equal(1n);
      expect(view.currentVersion).to.equal(0n);
      expect(view.commitmentCount).to.equal(3n);
      const version = await registry.agreementVersion(id, 1);
      expect(version.documentHash).to.equal(terms.documentHash);
      expect(version.termsHash).to.equal(hashAgreementTerms(agreementTermsOf(terms)));
      expect(version.signingDeadline).to.equal(now + 30n * DAY);
      const c = await registry.commitment(id, 2n);
      expect(c.responsibleParty).to.equal(0n);
      expect(c.category).to.equal(5n);
      expect(c.status).to.equal(CStatus.Open);
      expect(await registry.agreementsOf(CITY, 0, 10)).to.deep.equal([[1n], 1n]);
      expect(await registry.agreementCount()).to.equal(1n);
      expect((await registry.agreementVersion(id, 1)).signedMask).to.equal(0n);
    });

    it("emits the proposal with title, terms and commitments", async () => {
      const { registry, cityClerk } = await loadFixture(deployFixture);
      const now = BigInt(await time.latest());
      const terms = makeTerms(now + 10n);
      await expect(registry.connect(cityClerk).propose("Title", [CITY, EXCHANGE], asInput(terms)))
        .to.emit(registry, "AgreementProposed")
        .withArgs(1n, cityClerk.address, "Title", [CITY, EXCHANGE])
        .and.to.emit(registry, "VersionProposed");
    });

    it("lets the registrar propose without being a party signer", async () => {
      const { registry } = await loadFixture(deployFixture);
      const now = BigInt(await time.latest());
      await expect(registry.propose("MOU", [EXCHANGE, UNIVERSITY], asInput(makeTerms(now)))).to.emit(
        registry,
        "AgreementProposed",
      );
    });

    it("rejects a proposer who is neither registrar nor party signer", async () => {
      const { registry, universitySigner } = await loadFixture(deployFixture);
      const now = BigInt(await time.latest());
      await expect(registry.connect(universitySigner).propose("MOU", [CITY, EXCHANGE], asInput(makeTerms(now))))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryUnauthorisedProposer")
        .withArgs(universitySigner.address);
    });

    it("rejects too few, too many and duplicate parties, and unknown organisations", async () => {
      const { registry } = await loadFixture(deployFixture);
      const terms = asInput(makeTerms(BigInt(await time.latest())));
      await expect(registry.propose("MOU", [CITY], terms))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryPartyCount")
        .withArgs(1);
      await expect(registry.propose("MOU", [1, 2, 3, 4, 5, 6, 7, 8, 9], terms))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryPartyCount")
        .withArgs(9);
      await expect(registry.propose("MOU", [CITY, EXCHANGE, CITY], terms))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryDuplicateParty")
        .withArgs(CITY);
      await expect(registry.propose("MOU", [CITY, 7], terms))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryUnknownOrganisation")
        .withArgs(7);
    });

    it("rejects bad terms", async () => {
      const { registry } = await loadFixture(deployFixture);
      const now = BigInt(await time.latest());
      const parties = [CITY, EXCHANGE];
      await expect(
        registry.propose("MOU", parties, asInput(makeTerms(now, { documentHash: ZeroHash }))),
      ).to.be.revertedWithCustomError(registry, "PartnershipRegistryEmptyDocumentHash");
      await expect(registry.propose("MOU", parties, asInput(makeTerms(now, { signingDeadline: now - 1n }))))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryInvalidDates")
        .withArgs(now, now + 730n * DAY, now - 1n);
      await expect(registry.propose("MOU", parties, asInput(makeTerms(now, { expiresAt: now }))))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryInvalidDates")
        .withArgs(now, now, now + 30n * DAY);
      await expect(
        registry.propose("MOU", parties, asInput(makeTerms(now, { expiresAt: 0n, effectiveAt: 2n ** 40n }))),
      ).to.be.revertedWithCustomError(registry, "PartnershipRegistryInvalidDates");
      await expect(registry.propose("MOU", parties, asInput(makeTerms(now, { noticePeriod: 731n * DAY }))))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryNoticePeriodTooLong")
        .withArgs(731n * DAY);
      const many = Array.from({ length: 65 }, (_, i) => commitment(0, 6, now + DAY, `c${i}`));
      await expect(registry.propose("MOU", parties, asInput(makeTerms(now, { commitments: many }))))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryTooManyCommitments")
        .withArgs(65);
    });

    it("rejects a commitment with a bad party, no due date or no description hash", async () => {
      const { registry } = await loadFixture(deployFixture);
      const now = BigInt(await time.latest());
      const good = commitment(0, 0, now + DAY, "ok");
      const cases = [
        { ...good, responsibleParty: 2 },
        { ...good, dueDate: 0n },
        { ...good, dueDate: 2n ** 32n },
        { ...good, descriptionHash: ZeroHash },
      ];
      for (const bad of cases) {
        await expect(registry.propose("MOU", [CITY, EXCHANGE], asInput(makeTerms(now, { commitments: [good, bad] }))))
          .to.be.revertedWithCustomError(registry, "PartnershipRegistryInvalidCommitment")
          .withArgs(1);
      }
    });

    it("accepts an agreement without expiry or commitments", async () => {
      const { registry } = await loadFixture(deployFixture);
      const now = BigInt(await time.latest());
      await registry.propose("MOU", [CITY, EXCHANGE], asInput(makeTerms(now, { expiresAt: 0n, commitments: [] })));
      expect((await registry.agreementVersion(1n, 1)).expiresAt).to.equal(0n);
    });
  });

  describe("signing", () => {
    it("activates when every party has signed, by direct call", async () => {
      const { registry, cityClerk, exchangeSigner, id } = await loadFixture(proposedFixture);
      await expect(registry.connect(cityClerk).sign(id, 1, 0))
        .to.emit(registry, "AgreementSigned")
        .withArgs(id, CITY, 1, cityClerk.address);
      expect(await registry.agreementStatus(id)).to.equal(Status.Pending);
      await expect(registry.connect(exchangeSigner).sign(id, 1, 1))
        .to.emit(registry, "VersionActivated")
        .withArgs(id, 1);
      expect(await registry.agreementStatus(id)).to.equal(Status.Active);
      const version = await registry.agreementVersion(id, 1);
      expect(version.signedMask).to.equal(3n);
      expect(version.activatedAt).to.be.greaterThan(0n);
    });

    it("relays one EOA signature from anyone", async () => {
      const { registry, exchangeSigner, relayer, chainId, terms, now, id } = await loadFixture(proposedFixture);
      const relayed = await eoaSignature(exchangeSigner, {
        registry,
        chainId,
        agreementId: id,
        version: 1,
        partyIndex: 1,
        orgId: EXCHANGE,
        signerAddress: exchangeSigner.address,
        terms,
        deadline: now + DAY,
      });
      await expect(registry.connect(relayer).signWithSignature(relayed))
        .to.emit(registry, "AgreementSigned")
        .withArgs(id, EXCHANGE, 1, exchangeSigner.address);
    });

    it("lets a 2-of-3 multisig sign as the city (ERC-1271) and relays all signatures in one batch", async () => {
      const { registry, multisig, owners, exchangeSigner, relayer, chainId, terms, now, id } =
        await loadFixture(proposedFixture);
      const multisigAddress = await multisig.getAddress();
      const cityArgs = {
        registry,
        chainId,
        agreementId: id,
        version: 1,
        partyIndex: 0,
        orgId: CITY,
        signerAddress: multisigAddress,
        terms,
        deadline: now + DAY,
      };
      const digest = partnershipTypedDataDigest(await signatureData(cityArgs));
      const [o0, o1] = owners;
      if (o0 === undefined || o1 === undefined) throw new Error("owners");
      const citySig = input(cityArgs, multisigSignature([o0, o1], digest));
      const exchangeSig = await eoaSignature(exchangeSigner, {
        ...cityArgs,
        partyIndex: 1,
        orgId: EXCHANGE,
        signerAddress: exchangeSigner.address,
      });
      await expect(registry.connect(relayer).signBatch([citySig, exchangeSig]))
        .to.emit(registry, "VersionActivated")
        .withArgs(id, 1);
      expect(await registry.agreementStatus(id)).to.equal(Status.Active);
    });

    it("rejects a multisig signature below the threshold", async () => {
      const { registry, multisig, owners, chainId, terms, now, id } = await loadFixture(proposedFixture);
      const args = {
        registry,
        chainId,
        agreementId: id,
        version: 1,
        partyIndex: 0,
        orgId: CITY,
        signerAddress: await multisig.getAddress(),
        terms,
        deadline: now + DAY,
      };
      const [o0] = owners;
      if (o0 === undefined) throw new Error("owners");
      const one = input(args, multisigSignature([o0], partnershipTypedDataDigest(await signatureData(args))));
      await expect(registry.signWithSignature(one))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryInvalidSignature")
        .withArgs(args.signerAddress);
    });

    it("rejects a wallet that answers with the wrong magic value or reverts", async () => {
      const { registry, chainId, terms, now, id, exchangeSigner } = await loadFixture(proposedFixture);
      const wallet = await ethers.deployContract("WrongMagicWallet", ["0xdeadbeef"]);
      const walletAddress = await wallet.getAddress();
      await registry.setSigner(EXCHANGE, walletAddress, true);
      const args = {
        registry,
        chainId,
        agreementId: id,
        version: 1,
        partyIndex: 1,
        orgId: EXCHANGE,
        signerAddress: walletAddress,
        terms,
        deadline: now + DAY,
      };
      const sig = input(
        args,
        await exchangeSigner.signTypedData((await signatureData(args)).domain, (await signatureData(args)).types, {
          ...(await signatureData(args)).message,
        }),
      );
      await expect(registry.signWithSignature(sig))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryInvalidSignature")
        .withArgs(walletAddress);
      await wallet.configure("0x1626ba7e", true);
      await expect(registry.signWithSignature(sig))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryInvalidSignature")
        .withArgs(walletAddress);
    });

    it("rejects the high-s twin of a valid signature", async () => {
      const { registry, exchangeSigner, chainId, terms, now, id } = await loadFixture(proposedFixture);
      const valid = await eoaSignature(exchangeSigner, {
        registry,
        chainId,
        agreementId: id,
        version: 1,
        partyIndex: 1,
        orgId: EXCHANGE,
        signerAddress: exchangeSigner.address,
        terms,
        deadline: now + DAY,
      });
      const malleable = { ...valid, signature: highS(valid.signature as string) };
      await expect(registry.signWithSignature(malleable))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryInvalidSignature")
        .withArgs(exchangeSigner.address);
      await expect(registry.signWithSignature(valid)).to.emit(registry, "AgreementSigned");
    });

    it("rejects a signature by another key than the claimed signer", async () => {
      const { registry, exchangeSigner, outsider, chainId, terms, now, id } = await loadFixture(proposedFixture);
      const forged = await eoaSignature(outsider, {
        registry,
        chainId,
        agreementId: id,
        version: 1,
        partyIndex: 1,
        orgId: EXCHANGE,
        signerAddress: exchangeSigner.address,
        terms,
        deadline: now + DAY,
      });
      await expect(registry.signWithSignature(forged))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryInvalidSignature")
        .withArgs(exchangeSigner.address);
    });

    describe("replay", () => {
      async function exchangeArgs() {
        const f = await loadFixture(proposedFixture);
        return {
          f,
          args: {
            registry: f.registry,
            chainId: f.chainId,
            agreementId: f.id,
            version: 1,
            partyIndex: 1,
            orgId: EXCHANGE,
            signerAddress: f.exchangeSigner.address,
            terms: f.terms,
            deadline: f.now + DAY,
          },
        };
      }

      it("fails for the same signature twice (same nonce)", async () => {
        const { f, args } = await exchangeArgs();
        const sig = await eoaSignature(f.exchangeSigner, args);
        await f.registry.signWithSignature(sig);
        await expect(f.registry.signWithSignature(sig))
          .to.be.revertedWithCustomError(f.registry, "PartnershipRegistryAlreadySigned")
          .withArgs(f.id, 1, 1);
      });

      it("fails after the party withdrew: its nonce moved on", async () => {
        const { f, args } = await exchangeArgs();
        const sig = await eoaSignature(f.exchangeSigner, args);
        await f.registry.signWithSignature(sig);
        await expect(f.registry.connect(f.exchangeSigner).withdrawSignature(f.id, 1))
          .to.emit(f.registry, "SignatureWithdrawn")
          .withArgs(f.id, 1, EXCHANGE, f.exchangeSigner.address);
        expect(await f.registry.partyNonce(f.id, 1)).to.equal(1n);
        await expect(f.registry.signWithSignature(sig))
          .to.be.revertedWithCustomError(f.registry, "PartnershipRegistryWrongNonce")
          .withArgs(1, 0);
        const fresh = await eoaSignature(f.exchangeSigner, { ...args, nonce: 1n });
        await expect(f.registry.signWithSignature(fresh)).to.emit(f.registry, "AgreementSigned");
      });

      it("fails for a signature made for another chain id", async () => {
        const { f, args } = await exchangeArgs();
        const sig = await eoaSignature(f.exchangeSigner, { ...args, chainId: 97n });
        await expect(f.registry.signWithSignature(sig))
          .to.be.revertedWithCustomError(f.registry, "PartnershipRegistryInvalidSignature")
          .withArgs(f.exchangeSigner.address);
      });

      it("fails for a signature made for another registry with the same agreement", async () => {
        const { f, args } = await exchangeArgs();
        const other = await ethers.deployContract("PartnershipRegistry", [f.admin.address]);
        await other.registerOrganisation("City of Busan", 0, "", [f.cityClerk.address]);
        await other.registerOrganisation("Exchange", 1, "", [f.exchangeSigner.address]);
        await other.connect(f.cityClerk).propose("Busan blockchain MOU", [CITY, EXCHANGE], asInput(f.terms));
        const forOther = await eoaSignature(f.exchangeSigner, { ...args, registry: other });
        await expect(other.signWithSignature(forOther)).to.emit(other, "AgreementSigned");
        await expect(f.registry.signWithSignature(forOther))
          .to.be.revertedWithCustomError(f.registry, "PartnershipRegistryInvalidSignature")
          .withArgs(f.exchangeSigner.address);
      });

      it("fails for a signature of an older version once an amendment is proposed", async () => {
        const f = await loadFixture(activeFixture);
        const v1Args = {
          registry: f.registry,
          chainId: f.chainId,
          agreementId: f.id,
          version: 1,
          partyIndex: 1,
          orgId: EXCHANGE,
          signerAddress: f.exchangeSigner.address,
          terms: f.terms,
          deadline: f.now + 60n * DAY,
        };
        const oldSig = await eoaSignature(f.exchangeSigner, v1Args);
        const amended = makeTerms(f.now, { documentHash: hashOf("MOU v2") });
        await f.registry.connect(f.cityClerk).proposeAmendment(f.id, 0, asInput(amended));
        await expect(f.registry.signWithSignature(oldSig))
          .to.be.revertedWithCustomError(f.registry, "PartnershipRegistryWrongVersion")
          .withArgs(f.id, 2, 1);
        // The v1 signature relabelled as v2 does not match v2's digest either.
        await expect(f.registry.signWithSignature({ ...oldSig, version: 2 }))
          .to.be.revertedWithCustomError(f.registry, "PartnershipRegistryInvalidSignature")
          .withArgs(f.exchangeSigner.address);
      });
    });

    describe("deadlines", () => {
      async function signAt(offset: bigint) {
        const f = await loadFixture(proposedFixture);
        const deadline = f.now + 10n * DAY;
        const sig = await eoaSignature(f.exchangeSigner, {
          registry: f.registry,
          chainId: f.chainId,
          agreementId: f.id,
          version: 1,
          partyIndex: 1,
          orgId: EXCHANGE,
          signerAddress: f.exchangeSigner.address,
          terms: f.terms,
          deadline,
        });
        await time.setNextBlockTimestamp(deadline + offset);
        return { f, tx: f.registry.signWithSignature(sig), deadline };
      }

      it("accepts a signature at its deadline minus one second", async () => {
        const { f, tx } = await signAt(-1n);
        await expect(tx).to.emit(f.registry, "AgreementSigned");
      });

      it("accepts a signature at its deadline", async () => {
        const { f, tx } = await signAt(0n);
        await expect(tx).to.emit(f.registry, "AgreementSigned");
      });

      it("rejects a signature one second after its deadline", async () => {
        const { f, tx, deadline } = await signAt(1n);
        await expect(tx)
          .to.be.revertedWithCustomError(f.registry, "PartnershipRegistrySignatureExpired")
          .withArgs(deadline);
      });

      for (const [offset, ok] of [
        [-1n, true],
        [0n, true],
        [1n, false],
      ] as const) {
        it(`${ok ? "allows" : "refuses"} signing at the signing deadline ${offset >= 0n ? "+" : ""}${offset}s and derives the status`, async () => {
          const f = await loadFixture(proposedFixture);
          const signingDeadline = f.now + 30n * DAY;
          await time.setNextBlockTimestamp(signingDeadline + offset);
          const tx = f.registry.connect(f.exchangeSigner).sign(f.id, 1, 1);
          if (ok) {
            await expect(tx).to.emit(f.registry, "AgreementSigned");
            expect(await f.registry.agreementStatus(f.id)).to.equal(Status.Pending);
          } else {
            await expect(tx)
              .to.be.revertedWithCustomError(f.registry, "PartnershipRegistrySigningClosed")
              .withArgs(f.id, 1, signingDeadline);
            await networkHelpers.mine();
            expect(await f.registry.agreementStatus(f.id)).to.equal(Status.Cancelled);
          }
        });
      }
    });

    it("rejects signing an unknown agreement, a wrong version, an unknown party, or a non-signer", async () => {
      const { registry, cityClerk, outsider, id } = await loadFixture(proposedFixture);
      await expect(registry.connect(cityClerk).sign(9n, 1, 0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryUnknownAgreement")
        .withArgs(9n);
      await expect(registry.connect(cityClerk).sign(id, 2, 0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryWrongVersion")
        .withArgs(id, 1, 2);
      await expect(registry.connect(cityClerk).sign(id, 1, 2))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryUnknownParty")
        .withArgs(id, 2);
      await expect(registry.connect(outsider).sign(id, 1, 0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryNotSigner")
        .withArgs(CITY, outsider.address);
    });

    it("rejects signing a version already in force", async () => {
      const { registry, cityClerk, id } = await loadFixture(activeFixture);
      await expect(registry.connect(cityClerk).sign(id, 1, 0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryWrongVersion")
        .withArgs(id, 0, 1);
    });

    it("rejects an empty or oversized batch", async () => {
      const { registry, exchangeSigner, chainId, terms, now, id } = await loadFixture(proposedFixture);
      await expect(registry.signBatch([]))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryBatchSize")
        .withArgs(0);
      const sig = await eoaSignature(exchangeSigner, {
        registry,
        chainId,
        agreementId: id,
        version: 1,
        partyIndex: 1,
        orgId: EXCHANGE,
        signerAddress: exchangeSigner.address,
        terms,
        deadline: now + DAY,
      });
      await expect(registry.signBatch(Array.from({ length: 33 }, () => sig)))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryBatchSize")
        .withArgs(33);
    });

    it("withdraws only a signature that exists, and only before activation", async () => {
      const { registry, cityClerk, exchangeSigner, outsider, id } = await loadFixture(proposedFixture);
      await expect(registry.connect(cityClerk).withdrawSignature(id, 0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryNotSigned")
        .withArgs(id, 1, 0);
      await registry.connect(cityClerk).sign(id, 1, 0);
      await expect(registry.connect(outsider).withdrawSignature(id, 0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryNotSigner")
        .withArgs(CITY, outsider.address);
      await registry.connect(cityClerk).withdrawSignature(id, 0);
      expect((await registry.agreementVersion(id, 1)).signedMask).to.equal(0n);
      await registry.connect(cityClerk).sign(id, 1, 0);
      await registry.connect(exchangeSigner).sign(id, 1, 1);
      await expect(registry.connect(cityClerk).withdrawSignature(id, 0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryWrongStatus")
        .withArgs(id, Status.Active);
    });
  });

  describe("amendments", () => {
    it("keeps the version in force until every party signed the new one, and keeps all versions", async () => {
      const { registry, cityClerk, exchangeSigner, id, now } = await loadFixture(activeFixture);
      const v2 = makeTerms(now, {
        documentHash: hashOf("MOU v2"),
        expiresAt: now + 1000n * DAY,
        commitments: [commitment(1, 3, now + 200n * DAY, "investment")],
      });
      await expect(registry.connect(exchangeSigner).proposeAmendment(id, 1, asInput(v2))).to.emit(
        registry,
        "VersionProposed",
      );
      let view = await registry.agreement(id);
      expect(view.currentVersion).to.equal(1n);
      expect(view.latestVersion).to.equal(2n);
      expect(view.status).to.equal(Status.Active);
      await registry.connect(cityClerk).sign(id, 2, 0);
      expect((await registry.agreement(id)).currentVersion).to.equal(1n);
      await expect(registry.connect(exchangeSigner).sign(id, 2, 1))
        .to.emit(registry, "VersionActivated")
        .withArgs(id, 2);
      view = await registry.agreement(id);
      expect(view.currentVersion).to.equal(2n);
      expect(view.commitmentCount).to.equal(4n);
      expect((await registry.agreementVersion(id, 1)).documentHash).to.equal(hashOf("MOU v1"));
      expect((await registry.agreementVersion(id, 2)).firstCommitment).to.equal(3n);
      // Commitments of version 1 are no longer the ones in force.
      await expect(registry.connect(exchangeSigner).reportFulfilment(id, 0n, hashOf("e"), ""))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryUnknownCommitment")
        .withArgs(id, 0n);
      await expect(registry.connect(exchangeSigner).reportFulfilment(id, 3n, hashOf("e"), "")).to.emit(
        registry,
        "CommitmentReported",
      );
    });

    it("supersedes a pending amendment with a newer one", async () => {
      const { registry, cityClerk, id, now } = await loadFixture(activeFixture);
      await registry
        .connect(cityClerk)
        .proposeAmendment(id, 0, asInput(makeTerms(now, { documentHash: hashOf("v2") })));
      await registry.connect(cityClerk).sign(id, 2, 0);
      await registry
        .connect(cityClerk)
        .proposeAmendment(id, 0, asInput(makeTerms(now, { documentHash: hashOf("v3") })));
      await expect(registry.connect(cityClerk).sign(id, 2, 0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryWrongVersion")
        .withArgs(id, 3, 2);
      expect((await registry.agreementVersion(id, 2)).signedMask).to.equal(1n);
      await expect(registry.agreementVersion(id, 4))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryWrongVersion")
        .withArgs(id, 3, 4);
    });

    it("rejects an amendment of a pending agreement or by a non-signer", async () => {
      const { registry, cityClerk, outsider, id, now } = await loadFixture(proposedFixture);
      await expect(registry.connect(cityClerk).proposeAmendment(id, 0, asInput(makeTerms(now))))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryWrongStatus")
        .withArgs(id, Status.Pending);
      const active = await loadFixture(activeFixture);
      await expect(active.registry.connect(outsider).proposeAmendment(id, 0, asInput(makeTerms(now))))
        .to.be.revertedWithCustomError(active.registry, "PartnershipRegistryNotSigner")
        .withArgs(CITY, outsider.address);
    });

    it("refuses to sign an amendment once the agreement expired or a notice is running", async () => {
      const { registry, cityClerk, exchangeSigner, id, now } = await loadFixture(activeFixture);
      await registry
        .connect(cityClerk)
        .proposeAmendment(
          id,
          0,
          asInput(makeTerms(now, { signingDeadline: now + 1000n * DAY, expiresAt: now + 2000n * DAY })),
        );
      await registry.connect(exchangeSigner).giveTerminationNotice(id, 1, hashOf("reason"), "");
      await expect(registry.connect(cityClerk).sign(id, 2, 0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryTerminationPending")
        .withArgs(id, (await registry.agreement(id)).terminationEffectiveAt);
      await time.increaseTo(now + 730n * DAY);
      await expect(registry.connect(cityClerk).sign(id, 2, 0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryWrongStatus")
        .withArgs(id, Status.Terminated);
    });
  });

  describe("commitments", () => {
    it("reports with evidence, then the counterparty acknowledges", async () => {
      const { registry, exchangeSigner, cityClerk, id } = await loadFixture(activeFixture);
      const uri = "eip155:97:0x000000000000000000000000000000000000dEaD/campaign/1";
      await expect(registry.connect(exchangeSigner).reportFulfilment(id, 0n, hashOf("receipt"), uri))
        .to.emit(registry, "CommitmentReported")
        .withArgs(id, 0n, exchangeSigner.address, hashOf("receipt"), uri);
      expect((await registry.commitment(id, 0n)).status).to.equal(CStatus.Reported);
      expect((await registry.commitment(id, 0n)).evidenceHash).to.equal(hashOf("receipt"));
      await expect(registry.connect(cityClerk).acknowledgeFulfilment(id, 0n, 0))
        .to.emit(registry, "CommitmentAcknowledged")
        .withArgs(id, 0n, CITY, cityClerk.address);
      expect((await registry.commitment(id, 0n)).status).to.equal(CStatus.Acknowledged);
      await expect(registry.connect(exchangeSigner).reportFulfilment(id, 0n, hashOf("again"), ""))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryCommitmentState")
        .withArgs(id, 0n, CStatus.Acknowledged);
    });

    it("lets the counterparty dispute, and the responsible party report again", async () => {
      const { registry, exchangeSigner, cityClerk, id } = await loadFixture(reportedFixture);
      await expect(registry.connect(cityClerk).disputeFulfilment(id, 0n, 0, hashOf("no receipt"), "ipfs://why"))
        .to.emit(registry, "CommitmentDisputed")
        .withArgs(id, 0n, CITY, hashOf("no receipt"), "ipfs://why");
      expect((await registry.commitment(id, 0n)).status).to.equal(CStatus.Disputed);
      await expect(registry.connect(cityClerk).acknowledgeFulfilment(id, 0n, 0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryCommitmentState")
        .withArgs(id, 0n, CStatus.Disputed);
      await registry.connect(exchangeSigner).reportFulfilment(id, 0n, hashOf("receipt 2"), "");
      expect((await registry.commitment(id, 0n)).status).to.equal(CStatus.Reported);
    });

    it("accepts reports during a termination notice, and none once terminated", async () => {
      const { registry, exchangeSigner, cityClerk, id } = await loadFixture(activeFixture);
      await registry.connect(cityClerk).giveTerminationNotice(id, 0, hashOf("reason"), "");
      await expect(registry.connect(exchangeSigner).reportFulfilment(id, 0n, hashOf("e"), "")).to.emit(
        registry,
        "CommitmentReported",
      );
      await time.increaseTo((await registry.agreement(id)).terminationEffectiveAt);
      await expect(registry.connect(exchangeSigner).reportFulfilment(id, 1n, hashOf("e"), ""))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryWrongStatus")
        .withArgs(id, Status.Terminated);
    });

    it("derives Overdue after the due date for an open commitment", async () => {
      const { registry, id, now } = await loadFixture(activeFixture);
      await time.increaseTo(now + 90n * DAY);
      expect((await registry.commitment(id, 2n)).status).to.equal(CStatus.Open);
      await time.increaseTo(now + 90n * DAY + 1n);
      expect((await registry.commitment(id, 2n)).status).to.equal(CStatus.Overdue);
    });

    it("rejects reports by the wrong party, without evidence, or on an unknown commitment", async () => {
      const { registry, exchangeSigner, cityClerk, id } = await loadFixture(activeFixture);
      await expect(registry.connect(cityClerk).reportFulfilment(id, 0n, hashOf("e"), ""))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryNotSigner")
        .withArgs(EXCHANGE, cityClerk.address);
      await expect(
        registry.connect(exchangeSigner).reportFulfilment(id, 0n, ZeroHash, ""),
      ).to.be.revertedWithCustomError(registry, "PartnershipRegistryEmptyHash");
      await expect(registry.connect(exchangeSigner).reportFulfilment(id, 3n, hashOf("e"), ""))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryUnknownCommitment")
        .withArgs(id, 3n);
      await expect(registry.commitment(id, 3n))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryUnknownCommitment")
        .withArgs(id, 3n);
    });

    it("rejects reports before activation", async () => {
      const { registry, exchangeSigner, id } = await loadFixture(proposedFixture);
      await expect(registry.connect(exchangeSigner).reportFulfilment(id, 0n, hashOf("e"), ""))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryWrongStatus")
        .withArgs(id, Status.Pending);
      await expect(registry.connect(exchangeSigner).acknowledgeFulfilment(id, 0n, 0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryWrongStatus")
        .withArgs(id, Status.Pending);
    });

    it("rejects a review by the responsible party itself, by a non-signer, or of an open commitment", async () => {
      const { registry, exchangeSigner, outsider, cityClerk, id } = await loadFixture(reportedFixture);
      await expect(registry.connect(exchangeSigner).acknowledgeFulfilment(id, 0n, 1))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryNotCounterparty")
        .withArgs(id, 0n, 1);
      await expect(registry.connect(outsider).acknowledgeFulfilment(id, 0n, 0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryNotSigner")
        .withArgs(CITY, outsider.address);
      await expect(registry.connect(cityClerk).acknowledgeFulfilment(id, 1n, 0))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryCommitmentState")
        .withArgs(id, 1n, CStatus.Open);
      await expect(
        registry.connect(cityClerk).disputeFulfilment(id, 0n, 0, ZeroHash, ""),
      ).to.be.revertedWithCustomError(registry, "PartnershipRegistryEmptyHash");
    });
  });

  describe("termination and status", () => {
    it("terminates after the notice period given by one party, with the reason on record", async () => {
      const { registry, exchangeSigner, id } = await loadFixture(activeFixture);
      const tx = registry.connect(exchangeSigner).giveTerminationNotice(id, 1, hashOf("collapse"), "ipfs://reason");
      await expect(tx).to.emit(registry, "TerminationNoticeGiven");
      const effectiveAt = (await registry.agreement(id)).terminationEffectiveAt;
      expect(effectiveAt).to.equal(BigInt(await time.latest()) + 90n * DAY);
      await time.increaseTo(effectiveAt - 1n);
      expect(await registry.agreementStatus(id)).to.equal(Status.Active);
      await time.increaseTo(effectiveAt);
      expect(await registry.agreementStatus(id)).to.equal(Status.Terminated);
    });

    it("rejects a second notice, an empty reason and a notice by a non-party", async () => {
      const { registry, exchangeSigner, cityClerk, outsider, id } = await loadFixture(activeFixture);
      await expect(
        registry.connect(exchangeSigner).giveTerminationNotice(id, 1, ZeroHash, ""),
      ).to.be.revertedWithCustomError(registry, "PartnershipRegistryEmptyHash");
      await expect(registry.connect(outsider).giveTerminationNotice(id, 1, hashOf("r"), ""))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryNotSigner")
        .withArgs(EXCHANGE, outsider.address);
      await registry.connect(exchangeSigner).giveTerminationNotice(id, 1, hashOf("r"), "");
      const effectiveAt = (await registry.agreement(id)).terminationEffectiveAt;
      await expect(registry.connect(cityClerk).giveTerminationNotice(id, 0, hashOf("r"), ""))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryTerminationPending")
        .withArgs(id, effectiveAt);
    });

    it("terminates at once with every party's signature, also while a notice runs", async () => {
      const { registry, cityClerk, exchangeSigner, relayer, chainId, id, now } = await loadFixture(activeFixture);
      await registry.connect(exchangeSigner).giveTerminationNotice(id, 1, hashOf("r"), "");
      const reason = hashOf("mutual");
      const sigs = [
        await terminationSignature(cityClerk, registry, chainId, id, reason, 0, CITY, now + DAY),
        await terminationSignature(exchangeSigner, registry, chainId, id, reason, 1, EXCHANGE, now + DAY),
      ];
      await expect(registry.connect(relayer).terminateByConsent(id, reason, sigs))
        .to.emit(registry, "AgreementTerminatedByConsent")
        .withArgs(id, reason);
      expect(await registry.agreementStatus(id)).to.equal(Status.Terminated);
      const view = await registry.agreement(id);
      expect(view.terminatedByConsent).to.equal(true);
      await expect(registry.connect(relayer).terminateByConsent(id, reason, sigs))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryWrongStatus")
        .withArgs(id, Status.Terminated);
    });

    it("rejects a consent termination missing a party, duplicated, expired, forged or empty", async () => {
      const { registry, cityClerk, exchangeSigner, outsider, chainId, id, now } = await loadFixture(activeFixture);
      const reason = hashOf("mutual");
      const city = await terminationSignature(cityClerk, registry, chainId, id, reason, 0, CITY, now + DAY);
      const exchange = await terminationSignature(
        exchangeSigner,
        registry,
        chainId,
        id,
        reason,
        1,
        EXCHANGE,
        now + DAY,
      );
      await expect(registry.terminateByConsent(id, reason, [city]))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryMissingParty")
        .withArgs(id, 1);
      await expect(registry.terminateByConsent(id, reason, [city, city]))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryAlreadySigned")
        .withArgs(id, 1, 0);
      await expect(registry.terminateByConsent(id, reason, []))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryBatchSize")
        .withArgs(0);
      await expect(registry.terminateByConsent(id, ZeroHash, [city, exchange])).to.be.revertedWithCustomError(
        registry,
        "PartnershipRegistryEmptyHash",
      );
      await expect(registry.terminateByConsent(id, hashOf("other reason"), [city, exchange]))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryInvalidSignature")
        .withArgs(cityClerk.address);
      const forged = await terminationSignature(outsider, registry, chainId, id, reason, 1, EXCHANGE, now + DAY);
      await expect(registry.terminateByConsent(id, reason, [city, forged]))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryNotSigner")
        .withArgs(EXCHANGE, outsider.address);
      await time.increaseTo(now + DAY + 1n);
      await expect(registry.terminateByConsent(id, reason, [city, exchange]))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistrySignatureExpired")
        .withArgs(now + DAY);
    });

    it("expires at the expiry date of the version in force", async () => {
      const { registry, id, now } = await loadFixture(activeFixture);
      await time.increaseTo(now + 730n * DAY - 1n);
      expect(await registry.agreementStatus(id)).to.equal(Status.Active);
      await time.increaseTo(now + 730n * DAY);
      expect(await registry.agreementStatus(id)).to.equal(Status.Expired);
    });

    it("reports whichever of expiry and termination came first", async () => {
      const { registry, exchangeSigner, id, now } = await loadFixture(activeFixture);
      await time.increaseTo(now + 700n * DAY);
      await registry.connect(exchangeSigner).giveTerminationNotice(id, 1, hashOf("r"), "");
      await time.increaseTo(now + 800n * DAY);
      expect(await registry.agreementStatus(id)).to.equal(Status.Expired);
    });

    it("reports None for an unknown agreement and rejects views of it", async () => {
      const { registry } = await loadFixture(deployFixture);
      expect(await registry.agreementStatus(5n)).to.equal(Status.None);
      await expect(registry.agreement(5n))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryUnknownAgreement")
        .withArgs(5n);
      await expect(registry.partyNonce(5n, 0)).to.be.revertedWithCustomError(
        registry,
        "PartnershipRegistryUnknownAgreement",
      );
    });
  });

  describe("agreementsOf", () => {
    it("pages an organisation's agreements, oldest first", async () => {
      const { registry } = await loadFixture(deployFixture);
      const now = BigInt(await time.latest());
      for (let i = 0; i < 6; i += 1) {
        await registry.propose(
          `MOU ${i}`,
          i % 2 === 0 ? [CITY, EXCHANGE] : [CITY, UNIVERSITY],
          asInput(makeTerms(now + 5n)),
        );
      }
      expect(await registry.agreementsOf(CITY, 0, 4)).to.deep.equal([[1n, 2n, 3n, 4n], 6n]);
      expect(await registry.agreementsOf(CITY, 4, 4)).to.deep.equal([[5n, 6n], 6n]);
      expect(await registry.agreementsOf(UNIVERSITY, 1, 500)).to.deep.equal([[4n, 6n], 3n]);
      expect(await registry.agreementsOf(EXCHANGE, 9, 2)).to.deep.equal([[], 3n]);
    });
  });
});
