import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import { expect } from "chai";
import { network } from "hardhat";

import {
  CharityReentrantDonor__factory,
  FalseReturningToken__factory,
  FeeOnTransferToken__factory,
  ForceEtherSender__factory,
  MockERC20__factory,
} from "../../typechain-types/index.js";
import { Beneficiary, DAY, deployCharity, Disbursement, ETH, Status, USD } from "./fixtures.js";

const { ethers, networkHelpers } = await network.create();
const { time } = networkHelpers;

async function deployFixture() {
  return deployCharity(ethers, networkHelpers);
}

/** Campaign 1: ETH, goal 10 ETH, all-or-nothing, paying the school, the clinic and the shelter. */
async function ethCampaignFixture() {
  const base = await deployCharity(ethers, networkHelpers);
  await base.vault.connect(base.operator).createCampaign(base.params());
  return base;
}

/** Campaign 1 succeeded: Alice gave 6 ETH, Bob 4 ETH, and the deadline passed. */
async function succeededFixture() {
  const base = await ethCampaignFixture();
  const { vault, alice, bob } = base;
  await vault.connect(alice).donate(1, 6n * ETH, alice.address, { value: 6n * ETH });
  await vault.connect(bob).donate(1, 4n * ETH, bob.address, { value: 4n * ETH });
  await time.increase(11 * DAY);
  return base;
}

/** Campaign 1 failed: Alice gave 3 ETH and Bob 2 ETH of a 10 ETH goal. */
async function failedFixture() {
  const base = await ethCampaignFixture();
  const { vault, alice, bob } = base;
  await vault.connect(alice).donate(1, 3n * ETH, alice.address, { value: 3n * ETH });
  await vault.connect(bob).donate(1, 2n * ETH, bob.address, { value: 2n * ETH });
  await time.increase(11 * DAY);
  return base;
}

/** The succeeded campaign with disbursement 1 (3 ETH to the school) proposed. */
async function proposedFixture() {
  const base = await succeededFixture();
  await base.vault
    .connect(base.operator)
    .proposeDisbursement(1, base.school.address, 3n * ETH, ethers.id("invoice 1"), "ipfs://invoice-1");
  return base;
}

describe("CharityVault", () => {
  describe("deployment and administration", () => {
    it("grants the admin, operator and guardian roles given to the constructor", async () => {
      const { vault, admin, operator, guardian } = await networkHelpers.loadFixture(deployFixture);
      expect(await vault.hasRole(await vault.DEFAULT_ADMIN_ROLE(), admin.address)).to.equal(true);
      for (const role of [
        await vault.BENEFICIARY_MANAGER_ROLE(),
        await vault.CAMPAIGN_MANAGER_ROLE(),
        await vault.DISBURSER_ROLE(),
        await vault.SPONSOR_ROLE(),
      ]) {
        expect(await vault.hasRole(role, operator.address)).to.equal(true);
      }
      expect(await vault.hasRole(await vault.GUARDIAN_ROLE(), guardian.address)).to.equal(true);
      expect(await vault.hasRole(await vault.GUARDIAN_ROLE(), operator.address)).to.equal(false);
    });

    it("refuses a zero address for any role", async () => {
      const { vault, admin } = await networkHelpers.loadFixture(deployFixture);
      const factory = await ethers.getContractFactory("CharityVault");
      await expect(factory.deploy(admin.address, ethers.ZeroAddress, admin.address)).to.be.revertedWithCustomError(
        vault,
        "CharityVaultZeroAddress",
      );
    });

    it("rejects a plain native-coin transfer with no campaign", async () => {
      const { vault, alice } = await networkHelpers.loadFixture(deployFixture);
      await expect(alice.sendTransaction({ to: await vault.getAddress(), value: ETH })).to.be.revertedWithCustomError(
        vault,
        "CharityVaultDirectTransfer",
      );
    });

    it("lets only the admin allowlist tokens, and never the zero address", async () => {
      const { vault, admin, outsider } = await networkHelpers.loadFixture(deployFixture);
      const token = await new MockERC20__factory(admin).deploy("T", "T", 18);
      await expect(vault.connect(admin).setTokenAllowed(await token.getAddress(), true))
        .to.emit(vault, "TokenAllowed")
        .withArgs(await token.getAddress(), true);
      expect(await vault.isTokenAllowed(await token.getAddress())).to.equal(true);
      await expect(vault.connect(admin).setTokenAllowed(ethers.ZeroAddress, true)).to.be.revertedWithCustomError(
        vault,
        "CharityVaultZeroAddress",
      );
      await expect(vault.connect(outsider).setTokenAllowed(await token.getAddress(), false))
        .to.be.revertedWithCustomError(vault, "AccessControlUnauthorizedAccount")
        .withArgs(outsider.address, await vault.DEFAULT_ADMIN_ROLE());
    });

    it("lets only the guardian pause and unpause", async () => {
      const { vault, guardian, operator } = await networkHelpers.loadFixture(deployFixture);
      await expect(vault.connect(operator).pause()).to.be.revertedWithCustomError(
        vault,
        "AccessControlUnauthorizedAccount",
      );
      await expect(vault.connect(guardian).pause()).to.emit(vault, "Paused");
      await expect(vault.connect(guardian).unpause()).to.emit(vault, "Unpaused");
    });
  });

  describe("beneficiaries", () => {
    it("registers a beneficiary as Pending with its vetting hash, then verifies and suspends it", async () => {
      const { vault, operator, outsider } = await networkHelpers.loadFixture(deployFixture);
      const vetting = ethers.id("vetting documents");
      await expect(vault.connect(operator).addBeneficiary(outsider.address, vetting))
        .to.emit(vault, "BeneficiaryAdded")
        .withArgs(outsider.address, vetting, operator.address);
      expect(await vault.beneficiaryOf(outsider.address)).to.deep.equal([Beneficiary.Pending, vetting]);
      const checked = ethers.id("checked documents");
      await expect(vault.connect(operator).verifyBeneficiary(outsider.address, checked))
        .to.emit(vault, "BeneficiaryVerified")
        .withArgs(outsider.address, checked, operator.address);
      expect(await vault.beneficiaryOf(outsider.address)).to.deep.equal([Beneficiary.Verified, checked]);
      const reason = ethers.id("audit finding");
      await expect(vault.connect(operator).suspendBeneficiary(outsider.address, reason))
        .to.emit(vault, "BeneficiarySuspended")
        .withArgs(outsider.address, reason, operator.address);
      expect((await vault.beneficiaryOf(outsider.address))[0]).to.equal(Beneficiary.Suspended);
    });

    it("refuses to register the same beneficiary twice or the zero address", async () => {
      const { vault, operator, school } = await networkHelpers.loadFixture(deployFixture);
      await expect(vault.connect(operator).addBeneficiary(school.address, ethers.ZeroHash))
        .to.be.revertedWithCustomError(vault, "CharityVaultBeneficiaryExists")
        .withArgs(school.address);
      await expect(
        vault.connect(operator).addBeneficiary(ethers.ZeroAddress, ethers.ZeroHash),
      ).to.be.revertedWithCustomError(vault, "CharityVaultZeroAddress");
    });

    it("refuses to verify or suspend an unregistered address", async () => {
      const { vault, operator, outsider } = await networkHelpers.loadFixture(deployFixture);
      await expect(vault.connect(operator).verifyBeneficiary(outsider.address, ethers.ZeroHash))
        .to.be.revertedWithCustomError(vault, "CharityVaultUnknownBeneficiary")
        .withArgs(outsider.address);
      await expect(vault.connect(operator).suspendBeneficiary(outsider.address, ethers.ZeroHash))
        .to.be.revertedWithCustomError(vault, "CharityVaultUnknownBeneficiary")
        .withArgs(outsider.address);
    });

    it("lets only a beneficiary manager change the registry", async () => {
      const { vault, outsider } = await networkHelpers.loadFixture(deployFixture);
      await expect(vault.connect(outsider).addBeneficiary(outsider.address, ethers.ZeroHash))
        .to.be.revertedWithCustomError(vault, "AccessControlUnauthorizedAccount")
        .withArgs(outsider.address, await vault.BENEFICIARY_MANAGER_ROLE());
    });
  });

  describe("campaigns", () => {
    it("creates a campaign with sequential ids and emits everything fixed at creation", async () => {
      const { vault, operator, params, school } = await networkHelpers.loadFixture(deployFixture);
      await expect(vault.connect(operator).createCampaign(params()))
        .to.emit(vault, "CampaignCreated")
        .withArgs(1n, ethers.ZeroAddress, operator.address, anyValue);
      await vault.connect(operator).createCampaign(params());
      expect(await vault.campaignCount()).to.equal(2n);
      const info = await vault.getCampaign(1);
      expect(info.goal).to.equal(10n * ETH);
      expect(info.status).to.equal(Status.Active);
      expect(info.allOrNothing).to.equal(true);
      expect(await vault.campaignToken(1)).to.equal(ethers.ZeroAddress);
      expect(await vault.isCampaignBeneficiary(1, school.address)).to.equal(true);
    });

    it("refuses a token that is not allowlisted", async () => {
      const { vault, operator, params, admin } = await networkHelpers.loadFixture(deployFixture);
      const token = await new MockERC20__factory(admin).deploy("T", "T", 18);
      await expect(vault.connect(operator).createCampaign(params({ token: await token.getAddress() })))
        .to.be.revertedWithCustomError(vault, "CharityVaultTokenNotAllowed")
        .withArgs(await token.getAddress());
    });

    it("refuses inconsistent goals, caps and deadlines", async () => {
      const { vault, operator, params, now } = await networkHelpers.loadFixture(deployFixture);
      const bad = [
        params({ goal: 0n }),
        params({ goal: 2n ** 104n }),
        params({ hardCap: ETH }),
        params({ deadline: BigInt(now - 1) }),
        params({ deadline: BigInt(now + 400 * DAY), disbursementDeadline: BigInt(now + 500 * DAY) }),
        params({ disbursementDeadline: BigInt(now + 10 * DAY) }),
        params({ disbursementDeadline: BigInt(now + 10 * DAY + 4 * 365 * DAY) }),
      ];
      for (const p of bad) {
        await expect(vault.connect(operator).createCampaign(p)).to.be.revertedWithCustomError(
          vault,
          "CharityVaultInvalidCampaignParams",
        );
      }
    });

    it("refuses an empty or too long list of beneficiaries, duplicates and unknown ones", async () => {
      const { vault, operator, params, school, outsider } = await networkHelpers.loadFixture(deployFixture);
      await expect(vault.connect(operator).createCampaign(params({ beneficiaries: [] })))
        .to.be.revertedWithCustomError(vault, "CharityVaultBeneficiaryCount")
        .withArgs(0n, 20n);
      await expect(
        vault.connect(operator).createCampaign(params({ beneficiaries: Array<string>(21).fill(school.address) })),
      )
        .to.be.revertedWithCustomError(vault, "CharityVaultBeneficiaryCount")
        .withArgs(21n, 20n);
      await expect(vault.connect(operator).createCampaign(params({ beneficiaries: [school.address, school.address] })))
        .to.be.revertedWithCustomError(vault, "CharityVaultDuplicateBeneficiary")
        .withArgs(school.address);
      await expect(vault.connect(operator).createCampaign(params({ beneficiaries: [outsider.address] })))
        .to.be.revertedWithCustomError(vault, "CharityVaultUnknownBeneficiary")
        .withArgs(outsider.address);
    });

    it("lets only a campaign manager create and cancel", async () => {
      const { vault, params, outsider } = await networkHelpers.loadFixture(ethCampaignFixture);
      await expect(vault.connect(outsider).createCampaign(params())).to.be.revertedWithCustomError(
        vault,
        "AccessControlUnauthorizedAccount",
      );
      await expect(vault.connect(outsider).cancelCampaign(1)).to.be.revertedWithCustomError(
        vault,
        "AccessControlUnauthorizedAccount",
      );
    });

    it("reports an unknown campaign by name", async () => {
      const { vault, operator } = await networkHelpers.loadFixture(ethCampaignFixture);
      await expect(vault.campaignToken(7))
        .to.be.revertedWithCustomError(vault, "CharityVaultUnknownCampaign")
        .withArgs(7n);
      await expect(vault.getCampaign(7)).to.be.revertedWithCustomError(vault, "CharityVaultUnknownCampaign");
      await expect(vault.connect(operator).cancelCampaign(7)).to.be.revertedWithCustomError(
        vault,
        "CharityVaultUnknownCampaign",
      );
    });

    it("derives the lifecycle: Active, Succeeded after the deadline with the goal, Closed after disbursements end", async () => {
      const { vault, alice } = await networkHelpers.loadFixture(ethCampaignFixture);
      await vault.connect(alice).donate(1, 10n * ETH, alice.address, { value: 10n * ETH });
      expect(await vault.campaignStatus(1)).to.equal(Status.Active);
      await time.increase(11 * DAY);
      expect(await vault.campaignStatus(1)).to.equal(Status.Succeeded);
      await time.increase(90 * DAY);
      expect(await vault.campaignStatus(1)).to.equal(Status.Closed);
    });

    it("fails an all-or-nothing campaign that missed its goal, and keeps what a keep-what-you-raise one raised", async () => {
      const { vault, operator, params, alice } = await networkHelpers.loadFixture(deployFixture);
      await vault.connect(operator).createCampaign(params());
      await vault.connect(operator).createCampaign(params({ allOrNothing: false }));
      await vault.connect(alice).donate(1, ETH, alice.address, { value: ETH });
      await vault.connect(alice).donate(2, ETH, alice.address, { value: ETH });
      await time.increase(11 * DAY);
      expect(await vault.campaignStatus(1)).to.equal(Status.Failed);
      expect(await vault.campaignStatus(2)).to.equal(Status.Succeeded);
    });

    it("succeeds as soon as the hard cap is reached", async () => {
      const { vault, operator, params, alice } = await networkHelpers.loadFixture(deployFixture);
      await vault.connect(operator).createCampaign(params({ goal: 2n * ETH, hardCap: 3n * ETH }));
      await vault.connect(alice).donate(1, 3n * ETH, alice.address, { value: 3n * ETH });
      expect(await vault.campaignStatus(1)).to.equal(Status.Succeeded);
    });

    it("cancels an Active campaign, but not a Failed one", async () => {
      const { vault, operator } = await networkHelpers.loadFixture(ethCampaignFixture);
      await expect(vault.connect(operator).cancelCampaign(1))
        .to.emit(vault, "CampaignCancelled")
        .withArgs(1n, operator.address);
      expect(await vault.campaignStatus(1)).to.equal(Status.Cancelled);
      await expect(vault.connect(operator).cancelCampaign(1))
        .to.be.revertedWithCustomError(vault, "CharityVaultWrongCampaignStatus")
        .withArgs(1n, Status.Cancelled);
      await vault.connect(operator).createCampaign((await deployFixtureParams())());
      await time.increase(11 * DAY);
      await expect(vault.connect(operator).cancelCampaign(2))
        .to.be.revertedWithCustomError(vault, "CharityVaultWrongCampaignStatus")
        .withArgs(2n, Status.Failed);
    });
  });

  describe("donations", () => {
    it("records a native-coin donation with a per-campaign id and a receipt event", async () => {
      const { vault, alice, bob } = await networkHelpers.loadFixture(ethCampaignFixture);
      await expect(vault.connect(alice).donate(1, ETH, alice.address, { value: ETH }))
        .to.emit(vault, "Donated")
        .withArgs(1n, 1n, alice.address, alice.address, ETH, 0n);
      await expect(vault.connect(alice).donate(1, ETH, bob.address, { value: ETH }))
        .to.emit(vault, "Donated")
        .withArgs(1n, 2n, bob.address, alice.address, ETH, 0n);
      expect(await vault.contributionOf(1, alice.address)).to.deep.equal([ETH, false]);
      expect(await vault.contributionOf(1, bob.address)).to.deep.equal([ETH, false]);
      const info = await vault.getCampaign(1);
      expect(info.donated).to.equal(2n * ETH);
      expect(info.held).to.equal(2n * ETH);
      expect(info.donationCount).to.equal(2n);
    });

    it("returns the donation id to a contract caller", async () => {
      const { vault, alice } = await networkHelpers.loadFixture(ethCampaignFixture);
      await vault.connect(alice).donate(1, ETH, alice.address, { value: ETH });
      expect(await vault.connect(alice).donate.staticCall(1, ETH, alice.address, { value: ETH })).to.equal(2n);
    });

    it("refuses a zero donor, a zero amount and a value that does not match", async () => {
      const { vault, alice } = await networkHelpers.loadFixture(ethCampaignFixture);
      await expect(
        vault.connect(alice).donate(1, ETH, ethers.ZeroAddress, { value: ETH }),
      ).to.be.revertedWithCustomError(vault, "CharityVaultZeroAddress");
      await expect(vault.connect(alice).donate(1, 0, alice.address)).to.be.revertedWithCustomError(
        vault,
        "CharityVaultZeroAmount",
      );
      await expect(vault.connect(alice).donate(1, ETH, alice.address, { value: ETH - 1n }))
        .to.be.revertedWithCustomError(vault, "CharityVaultValueMismatch")
        .withArgs(ETH - 1n, ETH);
    });

    it("refuses donations to an unknown campaign and after the deadline", async () => {
      const { vault, alice } = await networkHelpers.loadFixture(ethCampaignFixture);
      await expect(vault.connect(alice).donate(2, ETH, alice.address, { value: ETH }))
        .to.be.revertedWithCustomError(vault, "CharityVaultUnknownCampaign")
        .withArgs(2n);
      await time.increase(11 * DAY);
      await expect(vault.connect(alice).donate(1, ETH, alice.address, { value: ETH }))
        .to.be.revertedWithCustomError(vault, "CharityVaultWrongCampaignStatus")
        .withArgs(1n, Status.Failed);
    });

    it("refuses donations while paused", async () => {
      const { vault, alice, guardian } = await networkHelpers.loadFixture(ethCampaignFixture);
      await vault.connect(guardian).pause();
      await expect(vault.connect(alice).donate(1, ETH, alice.address, { value: ETH })).to.be.revertedWithCustomError(
        vault,
        "EnforcedPause",
      );
    });

    it("refuses a donation that would pass the hard cap, naming the room left", async () => {
      const { vault, operator, params, alice } = await networkHelpers.loadFixture(deployFixture);
      await vault.connect(operator).createCampaign(params({ goal: ETH, hardCap: 3n * ETH }));
      await vault.connect(alice).donate(1, 2n * ETH, alice.address, { value: 2n * ETH });
      await expect(vault.connect(alice).donate(1, 2n * ETH, alice.address, { value: 2n * ETH }))
        .to.be.revertedWithCustomError(vault, "CharityVaultHardCapExceeded")
        .withArgs(1n, ETH);
    });

    it("pulls an ERC-20 donation and refuses native coin sent with it", async () => {
      const { vault, operator, params, usd, alice } = await networkHelpers.loadFixture(deployFixture);
      await vault.connect(operator).createCampaign(params({ token: await usd.getAddress(), goal: 1_000n * USD }));
      await usd.mint(alice.address, 500n * USD);
      await usd.connect(alice).approve(await vault.getAddress(), 500n * USD);
      await expect(vault.connect(alice).donate(1, 100n * USD, alice.address, { value: 1n }))
        .to.be.revertedWithCustomError(vault, "CharityVaultValueMismatch")
        .withArgs(1n, 0n);
      await expect(vault.connect(alice).donate(1, 100n * USD, alice.address)).to.changeTokenBalances(
        ethers,
        usd,
        [alice, vault],
        [-100n * USD, 100n * USD],
      );
    });

    it("credits what a fee-on-transfer token delivered, not what was asked", async () => {
      const { vault, operator, params, admin, alice } = await networkHelpers.loadFixture(deployFixture);
      const fee = await new FeeOnTransferToken__factory(admin).deploy(100); // 1%
      await vault.connect(admin).setTokenAllowed(await fee.getAddress(), true);
      await vault.connect(operator).createCampaign(params({ token: await fee.getAddress(), goal: 1_000n * ETH }));
      await fee.mint(alice.address, 100n * ETH);
      await fee.connect(alice).approve(await vault.getAddress(), 100n * ETH);
      await expect(vault.connect(alice).donate(1, 100n * ETH, alice.address))
        .to.emit(vault, "Donated")
        .withArgs(1n, 1n, alice.address, alice.address, 99n * ETH, 0n);
      expect((await vault.getCampaign(1)).donated).to.equal(99n * ETH);
      expect(await fee.balanceOf(await vault.getAddress())).to.equal(99n * ETH);
    });

    it("refuses a token transfer that delivers nothing", async () => {
      const { vault, operator, params, admin, alice } = await networkHelpers.loadFixture(deployFixture);
      const fee = await new FeeOnTransferToken__factory(admin).deploy(10_000); // burns everything
      await vault.connect(admin).setTokenAllowed(await fee.getAddress(), true);
      await vault.connect(operator).createCampaign(params({ token: await fee.getAddress() }));
      await fee.mint(alice.address, ETH);
      await fee.connect(alice).approve(await vault.getAddress(), ETH);
      await expect(vault.connect(alice).donate(1, ETH, alice.address))
        .to.be.revertedWithCustomError(vault, "CharityVaultNothingReceived")
        .withArgs(await fee.getAddress());
    });

    it("turns a token's false return into a revert (SafeERC20)", async () => {
      const { vault, operator, params, admin, alice } = await networkHelpers.loadFixture(deployFixture);
      const token = await new FalseReturningToken__factory(admin).deploy();
      await vault.connect(admin).setTokenAllowed(await token.getAddress(), true);
      await vault.connect(operator).createCampaign(params({ token: await token.getAddress() }));
      await token.mint(alice.address, ETH);
      await token.connect(alice).approve(await vault.getAddress(), ETH);
      await token.setFailing(true);
      await expect(vault.connect(alice).donate(1, ETH, alice.address))
        .to.be.revertedWithCustomError(vault, "SafeERC20FailedOperation")
        .withArgs(await token.getAddress());
    });

    it("refuses totals beyond what the accounting can hold", async () => {
      const { vault, operator, params, usd, alice } = await networkHelpers.loadFixture(deployFixture);
      await vault.connect(operator).createCampaign(params({ token: await usd.getAddress() }));
      const huge = 2n ** 104n;
      await usd.mint(alice.address, huge);
      await usd.connect(alice).approve(await vault.getAddress(), huge);
      await expect(vault.connect(alice).donate(1, huge, alice.address))
        .to.be.revertedWithCustomError(vault, "CharityVaultAmountTooLarge")
        .withArgs(huge, huge - 1n);
    });
  });

  describe("matching", () => {
    it("matches donations at the ratio until the pool runs out, and records matched funds separately", async () => {
      const { vault, operator, alice, bob } = await networkHelpers.loadFixture(ethCampaignFixture);
      await expect(vault.connect(operator).fundMatching(1, 3n * ETH, 5_000, { value: 3n * ETH }))
        .to.emit(vault, "MatchingFunded")
        .withArgs(1n, operator.address, 3n * ETH, 5_000n);
      await expect(vault.connect(alice).donate(1, 4n * ETH, alice.address, { value: 4n * ETH }))
        .to.emit(vault, "Donated")
        .withArgs(1n, 1n, alice.address, alice.address, 4n * ETH, 2n * ETH);
      await expect(vault.connect(bob).donate(1, 4n * ETH, bob.address, { value: 4n * ETH }))
        .to.emit(vault, "Donated")
        .withArgs(1n, 2n, bob.address, bob.address, 4n * ETH, ETH);
      const info = await vault.getCampaign(1);
      expect(info.donated).to.equal(8n * ETH);
      expect(info.matched).to.equal(3n * ETH);
      expect(info.held).to.equal(11n * ETH);
      const matching = await vault.getMatching(1);
      expect(matching.pool).to.equal(3n * ETH);
      expect(matching.matched).to.equal(3n * ETH);
    });

    it("refuses a second pool, a bad ratio, a zero pool, a mismatched value and a closed campaign", async () => {
      const { vault, operator } = await networkHelpers.loadFixture(ethCampaignFixture);
      await expect(vault.connect(operator).fundMatching(1, 0, 10_000)).to.be.revertedWithCustomError(
        vault,
        "CharityVaultZeroAmount",
      );
      await expect(vault.connect(operator).fundMatching(1, ETH, 0, { value: ETH }))
        .to.be.revertedWithCustomError(vault, "CharityVaultInvalidRatio")
        .withArgs(0n, 50_000n);
      await expect(vault.connect(operator).fundMatching(1, ETH, 50_001, { value: ETH }))
        .to.be.revertedWithCustomError(vault, "CharityVaultInvalidRatio")
        .withArgs(50_001n, 50_000n);
      await vault.connect(operator).fundMatching(1, ETH, 50_000, { value: ETH });
      await expect(vault.connect(operator).fundMatching(1, ETH, 10_000, { value: ETH }))
        .to.be.revertedWithCustomError(vault, "CharityVaultMatchingExists")
        .withArgs(1n);
      await vault.connect(operator).createCampaign((await deployFixtureParams())());
      await expect(vault.connect(operator).fundMatching(2, ETH, 10_000, { value: 1n }))
        .to.be.revertedWithCustomError(vault, "CharityVaultValueMismatch")
        .withArgs(1n, ETH);
      await time.increase(11 * DAY);
      await expect(vault.connect(operator).fundMatching(2, ETH, 10_000, { value: ETH }))
        .to.be.revertedWithCustomError(vault, "CharityVaultWrongCampaignStatus")
        .withArgs(2n, Status.Failed);
    });

    it("lets only a sponsor fund matching", async () => {
      const { vault, outsider } = await networkHelpers.loadFixture(ethCampaignFixture);
      await expect(vault.connect(outsider).fundMatching(1, ETH, 10_000, { value: ETH }))
        .to.be.revertedWithCustomError(vault, "AccessControlUnauthorizedAccount")
        .withArgs(outsider.address, await vault.SPONSOR_ROLE());
    });

    it("returns the unused pool to the sponsor after success and keeps the matched funds held", async () => {
      const { vault, operator, alice } = await networkHelpers.loadFixture(ethCampaignFixture);
      await vault.connect(operator).fundMatching(1, 5n * ETH, 10_000, { value: 5n * ETH });
      await vault.connect(alice).donate(1, 10n * ETH, alice.address, { value: 10n * ETH });
      await expect(vault.connect(operator).withdrawMatching(1))
        .to.be.revertedWithCustomError(vault, "CharityVaultWrongCampaignStatus")
        .withArgs(1n, Status.Active);
      await time.increase(11 * DAY);
      // 10 ETH donated, pool 5 ETH fully matched: nothing unused.
      await expect(vault.connect(operator).withdrawMatching(1))
        .to.be.revertedWithCustomError(vault, "CharityVaultNothingToClaim")
        .withArgs(1n, operator.address);
      expect((await vault.getCampaign(1)).held).to.equal(15n * ETH);
    });

    it("returns the whole pool, matched part included, when the campaign fails", async () => {
      const { vault, operator, alice, outsider } = await networkHelpers.loadFixture(ethCampaignFixture);
      await vault.connect(operator).fundMatching(1, 5n * ETH, 10_000, { value: 5n * ETH });
      await vault.connect(alice).donate(1, 2n * ETH, alice.address, { value: 2n * ETH });
      await time.increase(11 * DAY);
      await expect(vault.connect(outsider).withdrawMatching(1))
        .to.be.revertedWithCustomError(vault, "CharityVaultNotSponsor")
        .withArgs(1n, outsider.address);
      const tx = vault.connect(operator).withdrawMatching(1);
      await expect(tx)
        .to.emit(vault, "MatchingWithdrawn")
        .withArgs(1n, operator.address, 3n * ETH, 2n * ETH);
      await expect(tx).to.changeEtherBalances(ethers, [operator, vault], [5n * ETH, -5n * ETH]);
      await vault.connect(alice).refund(1);
      // A Failed campaign whose donors and sponsor have all claimed holds nothing.
      const info = await vault.getCampaign(1);
      expect(info.held).to.equal(0n);
      expect(info.refunded).to.equal(4n * ETH);
      expect(await ethers.provider.getBalance(await vault.getAddress())).to.equal(0n);
    });
  });

  describe("refunds", () => {
    it("pays each donor of a failed campaign in full", async () => {
      const { vault, alice, bob } = await networkHelpers.loadFixture(failedFixture);
      expect(await vault.refundableAmount(1, alice.address)).to.equal(3n * ETH);
      await expect(vault.connect(alice).refund(1))
        .to.emit(vault, "Refunded")
        .withArgs(1n, alice.address, 3n * ETH);
      await expect(vault.connect(bob).refund(1)).to.changeEtherBalances(ethers, [bob, vault], [2n * ETH, -2n * ETH]);
      const info = await vault.getCampaign(1);
      expect(info.held).to.equal(0n);
      expect(info.refunded).to.equal(5n * ETH);
      expect(await vault.contributionOf(1, alice.address)).to.deep.equal([3n * ETH, true]);
    });

    it("refuses a second refund to the same donor", async () => {
      const { vault, alice } = await networkHelpers.loadFixture(failedFixture);
      await vault.connect(alice).refund(1);
      expect(await vault.refundableAmount(1, alice.address)).to.equal(0n);
      await expect(vault.connect(alice).refund(1))
        .to.be.revertedWithCustomError(vault, "CharityVaultAlreadyRefunded")
        .withArgs(1n, alice.address);
    });

    it("refuses a refund to an address that gave nothing", async () => {
      const { vault, carol } = await networkHelpers.loadFixture(failedFixture);
      await expect(vault.connect(carol).refund(1))
        .to.be.revertedWithCustomError(vault, "CharityVaultNothingToClaim")
        .withArgs(1n, carol.address);
    });

    it("refuses refunds of a successful or still active campaign", async () => {
      const { vault, alice } = await networkHelpers.loadFixture(succeededFixture);
      expect(await vault.refundableAmount(1, alice.address)).to.equal(0n);
      await expect(vault.connect(alice).refund(1))
        .to.be.revertedWithCustomError(vault, "CharityVaultWrongCampaignStatus")
        .withArgs(1n, Status.Succeeded);
      await expect(vault.connect(alice).refund(9)).to.be.revertedWithCustomError(vault, "CharityVaultUnknownCampaign");
    });

    it("pays refunds while the vault is paused", async () => {
      const { vault, alice, guardian } = await networkHelpers.loadFixture(failedFixture);
      await vault.connect(guardian).pause();
      await expect(vault.connect(alice).refund(1)).to.changeEtherBalances(ethers, [alice], [3n * ETH]);
    });

    it("refunds the unspent share pro-rata after a cancellation that followed a disbursement", async () => {
      const { vault, operator, alice, bob, school } = await networkHelpers.loadFixture(proposedFixture);
      await time.increase(2 * DAY);
      await vault.executeDisbursement(1);
      await vault.connect(operator).cancelCampaign(1);
      // 3 of 10 ETH were spent: Alice (6) gets 4.2, Bob (4) gets 2.8.
      await expect(vault.connect(alice).refund(1)).to.changeEtherBalances(ethers, [alice], [(42n * ETH) / 10n]);
      await expect(vault.connect(bob).refund(1)).to.changeEtherBalances(ethers, [bob], [(28n * ETH) / 10n]);
      expect(await vault.attributedSpending(1, alice.address)).to.equal((18n * ETH) / 10n);
      expect((await vault.getCampaign(1)).held).to.equal(0n);
      expect(await vault.owedTo(school.address, ethers.ZeroAddress)).to.equal(3n * ETH);
    });

    it("lets donors reclaim dormant funds after the disbursement deadline, rounding down", async () => {
      const { vault, operator, alice, carol, school } = await networkHelpers.loadFixture(ethCampaignFixture);
      await vault.connect(alice).donate(1, 7n * ETH + 1n, alice.address, { value: 7n * ETH + 1n });
      await vault.connect(carol).donate(1, 3n * ETH, carol.address, { value: 3n * ETH });
      await time.increase(11 * DAY);
      await vault.connect(operator).proposeDisbursement(1, school.address, 1n, ethers.id("stamp"), "");
      await time.increase(2 * DAY);
      await vault.executeDisbursement(1);
      await time.increase(90 * DAY);
      expect(await vault.campaignStatus(1)).to.equal(Status.Closed);
      const base = 10n * ETH + 1n;
      const aliceShare = ((7n * ETH + 1n) * (base - 1n)) / base;
      const carolShare = (3n * ETH * (base - 1n)) / base;
      await expect(vault.connect(alice).refund(1))
        .to.emit(vault, "DormantReclaimed")
        .withArgs(1n, alice.address, aliceShare);
      await vault.connect(carol).refund(1);
      const info = await vault.getCampaign(1);
      // The remainder of the rounding stays held: less than one wei per claimant.
      expect(info.held).to.equal(base - 1n - aliceShare - carolShare);
      expect(info.held < 2n).to.equal(true);
    });
  });

  describe("disbursements", () => {
    it("proposes a payment with its purpose and evidence and a challenge window", async () => {
      const { vault, operator, school } = await networkHelpers.loadFixture(succeededFixture);
      const purpose = ethers.id("invoice 1");
      const now = await time.latest();
      await expect(
        vault.connect(operator).proposeDisbursement(1, school.address, 3n * ETH, purpose, "ipfs://invoice-1"),
      )
        .to.emit(vault, "DisbursementProposed")
        .withArgs(1n, 1n, school.address, 3n * ETH, purpose, "ipfs://invoice-1", BigInt(now + 1 + 2 * DAY));
      const info = await vault.getDisbursement(1);
      expect(info.status).to.equal(Disbursement.Proposed);
      expect(info.executableAt - info.proposedAt).to.equal(BigInt(2 * DAY));
      expect(await vault.disbursementCount()).to.equal(1n);
    });

    it("refuses proposals for a campaign that has not succeeded", async () => {
      const { vault, operator, school } = await networkHelpers.loadFixture(ethCampaignFixture);
      await expect(vault.connect(operator).proposeDisbursement(1, school.address, 1n, ethers.ZeroHash, ""))
        .to.be.revertedWithCustomError(vault, "CharityVaultWrongCampaignStatus")
        .withArgs(1n, Status.Active);
    });

    it("refuses a payee outside the campaign, an unverified one, zero, too much and a long URI", async () => {
      const { vault, operator, school, outsider } = await networkHelpers.loadFixture(succeededFixture);
      await expect(vault.connect(operator).proposeDisbursement(1, outsider.address, 1n, ethers.ZeroHash, ""))
        .to.be.revertedWithCustomError(vault, "CharityVaultNotCampaignBeneficiary")
        .withArgs(1n, outsider.address);
      await vault.connect(operator).suspendBeneficiary(school.address, ethers.ZeroHash);
      await expect(vault.connect(operator).proposeDisbursement(1, school.address, 1n, ethers.ZeroHash, ""))
        .to.be.revertedWithCustomError(vault, "CharityVaultBeneficiaryNotVerified")
        .withArgs(school.address, Beneficiary.Suspended);
      await vault.connect(operator).verifyBeneficiary(school.address, ethers.ZeroHash);
      await expect(
        vault.connect(operator).proposeDisbursement(1, school.address, 0n, ethers.ZeroHash, ""),
      ).to.be.revertedWithCustomError(vault, "CharityVaultZeroAmount");
      await expect(vault.connect(operator).proposeDisbursement(1, school.address, 11n * ETH, ethers.ZeroHash, ""))
        .to.be.revertedWithCustomError(vault, "CharityVaultInsufficientHeld")
        .withArgs(1n, 11n * ETH, 10n * ETH);
      await expect(vault.connect(operator).proposeDisbursement(1, school.address, 1n, ethers.ZeroHash, "x".repeat(257)))
        .to.be.revertedWithCustomError(vault, "CharityVaultUriTooLong")
        .withArgs(257n, 256n);
    });

    it("lets only a disburser propose, and not while paused", async () => {
      const { vault, operator, guardian, school, outsider } = await networkHelpers.loadFixture(succeededFixture);
      await expect(
        vault.connect(outsider).proposeDisbursement(1, school.address, 1n, ethers.ZeroHash, ""),
      ).to.be.revertedWithCustomError(vault, "AccessControlUnauthorizedAccount");
      await vault.connect(guardian).pause();
      await expect(
        vault.connect(operator).proposeDisbursement(1, school.address, 1n, ethers.ZeroHash, ""),
      ).to.be.revertedWithCustomError(vault, "EnforcedPause");
    });

    it("executes after the challenge window: the payee is owed the amount and withdraws it", async () => {
      const { vault, school, outsider } = await networkHelpers.loadFixture(proposedFixture);
      await expect(vault.connect(outsider).executeDisbursement(1))
        .to.be.revertedWithCustomError(vault, "CharityVaultChallengeWindowOpen")
        .withArgs(1n, anyValue);
      await time.increase(2 * DAY);
      await expect(vault.connect(outsider).executeDisbursement(1))
        .to.emit(vault, "DisbursementExecuted")
        .withArgs(1n, 1n, school.address, 3n * ETH);
      const info = await vault.getCampaign(1);
      expect(info.disbursed).to.equal(3n * ETH);
      expect(info.held).to.equal(7n * ETH);
      expect(await vault.attributedSpending(1, school.address)).to.equal(0n);
      await expect(vault.connect(school).withdraw(ethers.ZeroAddress))
        .to.emit(vault, "Withdrawn")
        .withArgs(school.address, ethers.ZeroAddress, 3n * ETH);
      await expect(vault.connect(school).withdraw(ethers.ZeroAddress))
        .to.be.revertedWithCustomError(vault, "CharityVaultNothingToClaim")
        .withArgs(0n, school.address);
    });

    it("refuses to execute the same disbursement twice", async () => {
      const { vault } = await networkHelpers.loadFixture(proposedFixture);
      await time.increase(2 * DAY);
      await vault.executeDisbursement(1);
      await expect(vault.executeDisbursement(1))
        .to.be.revertedWithCustomError(vault, "CharityVaultDisbursementNotPending")
        .withArgs(1n, Disbursement.Executed);
    });

    it("lets a guardian veto during the window, after which it can never execute", async () => {
      const { vault, guardian, operator } = await networkHelpers.loadFixture(proposedFixture);
      const reason = ethers.id("invoice does not match the purchase order");
      await expect(vault.connect(operator).vetoDisbursement(1, reason)).to.be.revertedWithCustomError(
        vault,
        "AccessControlUnauthorizedAccount",
      );
      await expect(vault.connect(guardian).vetoDisbursement(1, reason))
        .to.emit(vault, "DisbursementVetoed")
        .withArgs(1n, 1n, guardian.address, reason);
      await expect(vault.connect(guardian).vetoDisbursement(1, reason))
        .to.be.revertedWithCustomError(vault, "CharityVaultDisbursementNotPending")
        .withArgs(1n, Disbursement.Vetoed);
      await time.increase(2 * DAY);
      await expect(vault.executeDisbursement(1))
        .to.be.revertedWithCustomError(vault, "CharityVaultDisbursementNotPending")
        .withArgs(1n, Disbursement.Vetoed);
      expect((await vault.getCampaign(1)).held).to.equal(10n * ETH);
    });

    it("refuses a veto after the challenge window", async () => {
      const { vault, guardian } = await networkHelpers.loadFixture(proposedFixture);
      await time.increase(2 * DAY);
      await expect(vault.connect(guardian).vetoDisbursement(1, ethers.ZeroHash))
        .to.be.revertedWithCustomError(vault, "CharityVaultChallengeWindowOver")
        .withArgs(1n, anyValue);
    });

    it("names an unknown disbursement", async () => {
      const { vault, guardian } = await networkHelpers.loadFixture(proposedFixture);
      await expect(vault.executeDisbursement(5))
        .to.be.revertedWithCustomError(vault, "CharityVaultUnknownDisbursement")
        .withArgs(5n);
      await expect(vault.connect(guardian).vetoDisbursement(5, ethers.ZeroHash))
        .to.be.revertedWithCustomError(vault, "CharityVaultUnknownDisbursement")
        .withArgs(5n);
      await expect(vault.getDisbursement(5)).to.be.revertedWithCustomError(vault, "CharityVaultUnknownDisbursement");
    });

    it("refuses to pay a beneficiary suspended between proposal and execution", async () => {
      const { vault, operator, school } = await networkHelpers.loadFixture(proposedFixture);
      await vault.connect(operator).suspendBeneficiary(school.address, ethers.id("fraud report"));
      await time.increase(2 * DAY);
      await expect(vault.executeDisbursement(1))
        .to.be.revertedWithCustomError(vault, "CharityVaultBeneficiaryNotVerified")
        .withArgs(school.address, Beneficiary.Suspended);
      expect(await vault.owedTo(school.address, ethers.ZeroAddress)).to.equal(0n);
    });

    it("refuses an execution above what the campaign still holds", async () => {
      const { vault, operator, clinic } = await networkHelpers.loadFixture(proposedFixture);
      // Two proposals that each fit (3 + 8 ETH) but together exceed the 10 ETH held.
      await vault.connect(operator).proposeDisbursement(1, clinic.address, 8n * ETH, ethers.id("invoice 2"), "");
      await time.increase(2 * DAY);
      await vault.executeDisbursement(1);
      await expect(vault.executeDisbursement(2))
        .to.be.revertedWithCustomError(vault, "CharityVaultInsufficientHeld")
        .withArgs(1n, 8n * ETH, 7n * ETH);
    });

    it("refuses execution while paused, after cancellation and after the disbursement deadline", async () => {
      const { vault, guardian, operator } = await networkHelpers.loadFixture(proposedFixture);
      await time.increase(2 * DAY);
      await vault.connect(guardian).pause();
      await expect(vault.executeDisbursement(1)).to.be.revertedWithCustomError(vault, "EnforcedPause");
      await vault.connect(guardian).unpause();
      const snapshot = await networkHelpers.takeSnapshot();
      await vault.connect(operator).cancelCampaign(1);
      await expect(vault.executeDisbursement(1))
        .to.be.revertedWithCustomError(vault, "CharityVaultWrongCampaignStatus")
        .withArgs(1n, Status.Cancelled);
      await snapshot.restore();
      await time.increase(100 * DAY);
      await expect(vault.executeDisbursement(1))
        .to.be.revertedWithCustomError(vault, "CharityVaultWrongCampaignStatus")
        .withArgs(1n, Status.Closed);
    });

    it("lets a beneficiary withdraw an ERC-20 while the vault is paused", async () => {
      const { vault, operator, guardian, params, usd, alice, school } = await networkHelpers.loadFixture(deployFixture);
      await vault.connect(operator).createCampaign(params({ token: await usd.getAddress(), goal: 100n * USD }));
      await usd.mint(alice.address, 100n * USD);
      await usd.connect(alice).approve(await vault.getAddress(), 100n * USD);
      await vault.connect(alice).donate(1, 100n * USD, alice.address);
      await time.increase(11 * DAY);
      await vault.connect(operator).proposeDisbursement(1, school.address, 60n * USD, ethers.id("books"), "");
      await time.increase(2 * DAY);
      await vault.executeDisbursement(1);
      await vault.connect(guardian).pause();
      await expect(vault.connect(school).withdraw(await usd.getAddress())).to.changeTokenBalances(
        ethers,
        usd,
        [school, vault],
        [60n * USD, -60n * USD],
      );
    });
  });

  describe("attacks", () => {
    it("stops a donor contract that re-enters refund while being refunded", async () => {
      const { vault, admin } = await networkHelpers.loadFixture(ethCampaignFixture);
      const attacker = await new CharityReentrantDonor__factory(admin).deploy(await vault.getAddress());
      await attacker.donate(1, { value: 2n * ETH });
      await time.increase(11 * DAY);
      await attacker.setAttack(1, 1); // Refund
      await expect(attacker.refund(1)).to.changeEtherBalances(ethers, [attacker, vault], [2n * ETH, -2n * ETH]);
      expect(await attacker.reentryAttempts()).to.equal(1n);
      expect(await attacker.reentrySucceeded()).to.equal(false);
      const selector = vault.interface.getError("ReentrancyGuardReentrantCall")?.selector;
      expect(await attacker.lastReentryError()).to.equal(selector);
      expect((await vault.getCampaign(1)).refunded).to.equal(2n * ETH);
    });

    it("stops a beneficiary contract that re-enters withdraw while being paid", async () => {
      const { vault, admin, operator, params, alice } = await networkHelpers.loadFixture(deployFixture);
      const attacker = await new CharityReentrantDonor__factory(admin).deploy(await vault.getAddress());
      const address = await attacker.getAddress();
      await vault.connect(operator).addBeneficiary(address, ethers.ZeroHash);
      await vault.connect(operator).verifyBeneficiary(address, ethers.ZeroHash);
      await vault.connect(operator).createCampaign(params({ beneficiaries: [address] }));
      await vault.connect(alice).donate(1, 10n * ETH, alice.address, { value: 10n * ETH });
      await time.increase(11 * DAY);
      await vault.connect(operator).proposeDisbursement(1, address, 4n * ETH, ethers.ZeroHash, "");
      await vault.connect(operator).proposeDisbursement(1, address, 4n * ETH, ethers.ZeroHash, "");
      await time.increase(2 * DAY);
      await vault.executeDisbursement(1);
      await attacker.setAttack(2, 0); // Withdraw
      await expect(attacker.withdraw(ethers.ZeroAddress)).to.changeEtherBalances(ethers, [attacker], [4n * ETH]);
      expect(await attacker.reentrySucceeded()).to.equal(false);
      expect(await attacker.lastReentryError()).to.equal(
        vault.interface.getError("ReentrancyGuardReentrantCall")?.selector,
      );
      expect(await vault.owedTo(address, ethers.ZeroAddress)).to.equal(0n);
    });

    it("reverts a payment the recipient refuses, leaving the claim intact", async () => {
      const { vault, admin } = await networkHelpers.loadFixture(ethCampaignFixture);
      const attacker = await new CharityReentrantDonor__factory(admin).deploy(await vault.getAddress());
      await attacker.donate(1, { value: ETH });
      await time.increase(11 * DAY);
      await attacker.setAttack(3, 0); // Reject
      await expect(attacker.refund(1))
        .to.be.revertedWithCustomError(vault, "CharityVaultTransferFailed")
        .withArgs(await attacker.getAddress(), ETH);
      expect(await vault.contributionOf(1, await attacker.getAddress())).to.deep.equal([ETH, false]);
    });

    it("keeps a refund claim intact when the token's transfer returns false (SafeERC20)", async () => {
      const { vault, operator, params, admin, alice } = await networkHelpers.loadFixture(deployFixture);
      const token = await new FalseReturningToken__factory(admin).deploy();
      await vault.connect(admin).setTokenAllowed(await token.getAddress(), true);
      await vault.connect(operator).createCampaign(params({ token: await token.getAddress() }));
      await token.mint(alice.address, ETH);
      await token.connect(alice).approve(await vault.getAddress(), ETH);
      await vault.connect(alice).donate(1, ETH, alice.address);
      await time.increase(11 * DAY);
      await token.setFailing(true);
      await expect(vault.connect(alice).refund(1))
        .to.be.revertedWithCustomError(vault, "SafeERC20FailedOperation")
        .withArgs(await token.getAddress());
      await token.setFailing(false);
      await expect(vault.connect(alice).refund(1)).to.changeTokenBalances(ethers, token, [alice], [ETH]);
    });

    it("ignores native coin forced in by selfdestruct: books unchanged, refunds exact", async () => {
      const { vault, admin, alice, bob } = await networkHelpers.loadFixture(failedFixture);
      const address = await vault.getAddress();
      await new ForceEtherSender__factory(admin).deploy(address, { value: 7n * ETH });
      expect(await ethers.provider.getBalance(address)).to.equal(12n * ETH);
      const info = await vault.getCampaign(1);
      expect(info.held).to.equal(5n * ETH);
      await vault.connect(alice).refund(1);
      await vault.connect(bob).refund(1);
      expect((await vault.getCampaign(1)).held).to.equal(0n);
      // The forced coin stays: balance >= liabilities, never ==.
      expect(await ethers.provider.getBalance(address)).to.equal(7n * ETH);
    });
  });
});

/** Fresh default campaign parameters from a new fixture's clock (for a second campaign). */
async function deployFixtureParams() {
  const now = await time.latest();
  const [, , , , , , school] = await ethers.getSigners();
  if (school === undefined) throw new Error("The tests need ten accounts.");
  return (): ReturnType<Awaited<ReturnType<typeof deployFixture>>["params"]> => ({
    token: ethers.ZeroAddress,
    goal: 10n * ETH,
    hardCap: 0n,
    deadline: BigInt(now + 10 * DAY),
    disbursementDeadline: BigInt(now + 100 * DAY),
    allOrNothing: true,
    beneficiaries: [school.address],
    detailsHash: ethers.ZeroHash,
  });
}
