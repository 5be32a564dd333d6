import { expect } from "chai";
import { TypedDataEncoder, Wallet } from "ethers";
import { network } from "hardhat";

import {
  AcademyCertificates__factory,
  PartnershipRegistry__factory,
  TicketPassVerifier__factory,
} from "../../typechain-types/index.js";
import { highS } from "../partnerships/fixtures.js";
import { NO_PROOF, PRICE, TIER, deployEvent } from "../tickets/fixture.js";

/**
 * Signature hygiene across the suite: every EIP-712 domain names the chain and the verifying
 * contract, and the malleable high-s twin of a valid signature is refused everywhere a signature is
 * checked (PartnershipRegistry's own test covers its relay: "rejects the high-s twin of a valid
 * signature").
 */
const { ethers, networkHelpers } = await network.create();

/** ERC-5267 `fields` bitmap: name, version, chainId, verifyingContract (no salt, no extensions). */
const FIELDS_NAME_VERSION_CHAIN_CONTRACT = "0x0f";
const PASS_STATUS_VALID = 0n;
const PASS_STATUS_BAD_SIGNATURE = 4n;
const RECOVERY_TYPES = {
  RecoveryConsent: [
    { name: "tokenId", type: "uint256" },
    { name: "newHolder", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};
const CHECK_IN_TYPES = {
  CheckIn: [
    { name: "tickets", type: "address" },
    { name: "tokenId", type: "uint256" },
    { name: "validUntil", type: "uint64" },
  ],
};

async function academyFixture() {
  const [admin, issuer, alice, carol] = await ethers.getSigners();
  if (!admin || !issuer || !alice || !carol) throw new Error("The tests need four accounts.");
  const deployed = await ethers.deployContract("AcademyCertificates", [admin.address]);
  const academy = AcademyCertificates__factory.connect(await deployed.getAddress(), issuer);
  await academy.connect(admin).registerIssuer(issuer.address, "Busan Blockchain Academy", "");
  await academy.createCourse("ipfs://course", ethers.ZeroHash, 0, true);
  const now = BigInt(await networkHelpers.time.latest());
  const fields = {
    courseId: 1n,
    recipient: alice.address,
    nameCommitment: ethers.ZeroHash,
    validFrom: now,
    validUntil: 0n,
  };
  const tokenId = await academy.issue.staticCall(fields);
  await academy.issue(fields);
  return { academy, alice, carol, tokenId };
}

describe("security: signature hygiene", () => {
  it("binds every EIP-712 domain to the chain id and the verifying contract (ERC-5267)", async () => {
    const [admin] = await ethers.getSigners();
    if (!admin) throw new Error("The test needs an account.");
    const chainId = (await ethers.provider.getNetwork()).chainId;
    const academy = await ethers.deployContract("AcademyCertificates", [admin.address]);
    const registry = PartnershipRegistry__factory.connect(
      await (await ethers.deployContract("PartnershipRegistry", [admin.address])).getAddress(),
      admin,
    );
    for (const contract of [AcademyCertificates__factory.connect(await academy.getAddress(), admin), registry]) {
      const domain = await contract.eip712Domain();
      expect(domain.fields).to.equal(FIELDS_NAME_VERSION_CHAIN_CONTRACT);
      expect(domain.chainId).to.equal(chainId);
      expect(domain.verifyingContract).to.equal(await contract.getAddress());
    }
  });

  it("binds the check-in pass domain to the chain id and the ticket contract", async () => {
    const { tickets, alice } = await deployEvent(ethers, networkHelpers);
    const verifier = TicketPassVerifier__factory.connect((await tickets.eventInfo()).passVerifier, alice);
    const chainId = (await ethers.provider.getNetwork()).chainId;
    expect(await verifier.domainSeparator()).to.equal(
      TypedDataEncoder.hashDomain({
        name: "EventTickets",
        version: "1",
        chainId,
        verifyingContract: await tickets.getAddress(),
      }),
    );
  });

  it("refuses the high-s twin of a valid certificate recovery consent", async () => {
    const { academy, alice, carol, tokenId } = await networkHelpers.loadFixture(academyFixture);
    const chainId = (await ethers.provider.getNetwork()).chainId;
    const deadline = BigInt(await networkHelpers.time.latest()) + 3_600n;
    const signature = await carol.signTypedData(
      { name: "Busan Academy Certificates", version: "1", chainId, verifyingContract: await academy.getAddress() },
      RECOVERY_TYPES,
      { tokenId, newHolder: carol.address, nonce: 0n, deadline },
    );
    await expect(academy.recover(tokenId, carol.address, deadline, highS(signature)))
      .to.be.revertedWithCustomError(academy, "AcademyCertificatesInvalidConsent")
      .withArgs(carol.address);
    expect(await academy.ownerOf(tokenId)).to.equal(alice.address);
    // The low-s original is accepted, and only once: the nonce moved on.
    await academy.recover(tokenId, carol.address, deadline, signature);
    expect(await academy.ownerOf(tokenId)).to.equal(carol.address);
  });

  it("reports the high-s twin of a valid check-in pass as a bad signature", async () => {
    const { tickets, alice } = await deployEvent(ethers, networkHelpers);
    await tickets.connect(alice).buy(TIER.GA, 1, PRICE.GA, NO_PROOF, { value: PRICE.GA });
    const verifier = TicketPassVerifier__factory.connect((await tickets.eventInfo()).passVerifier, alice);
    const chainId = (await ethers.provider.getNetwork()).chainId;
    const validUntil = BigInt(await networkHelpers.time.latest()) + 300n;
    const signature = await alice.signTypedData(
      { name: "EventTickets", version: "1", chainId, verifyingContract: await tickets.getAddress() },
      CHECK_IN_TYPES,
      { tickets: await tickets.getAddress(), tokenId: 1_000_001n, validUntil },
    );
    expect((await verifier.checkPass(1_000_001n, validUntil, signature))[0]).to.equal(PASS_STATUS_VALID);
    expect((await verifier.checkPass(1_000_001n, validUntil, highS(signature)))[0]).to.equal(PASS_STATUS_BAD_SIGNATURE);
    // A pass signed by anyone else than the holder is refused too.
    const stranger = Wallet.createRandom();
    const forged = await stranger.signTypedData(
      { name: "EventTickets", version: "1", chainId, verifyingContract: await tickets.getAddress() },
      CHECK_IN_TYPES,
      { tickets: await tickets.getAddress(), tokenId: 1_000_001n, validUntil },
    );
    expect((await verifier.checkPass(1_000_001n, validUntil, forged))[0]).to.equal(PASS_STATUS_BAD_SIGNATURE);
  });
});
