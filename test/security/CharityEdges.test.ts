import { expect } from "chai";
import { network } from "hardhat";

import { deployCharity } from "../charity/fixtures.js";

/** Edges of the vault's amount bounds and of its views for campaigns that do not exist. */
const { ethers, networkHelpers } = await network.create();

async function charityFixture() {
  return deployCharity(ethers, networkHelpers);
}

describe("security: CharityVault edges", () => {
  it("refuses a matching pool above MAX_AMOUNT, so 104-bit books cannot be overflowed", async () => {
    const { vault, usd, operator, params } = await networkHelpers.loadFixture(charityFixture);
    await vault.connect(operator).createCampaign(params({ token: await usd.getAddress() }));
    const max = await vault.MAX_AMOUNT();
    await usd.mint(operator.address, max + 1n);
    await usd.connect(operator).approve(await vault.getAddress(), max + 1n);
    await expect(vault.connect(operator).fundMatching(1n, max + 1n, 10_000))
      .to.be.revertedWithCustomError(vault, "CharityVaultAmountTooLarge")
      .withArgs(max + 1n, max);
    expect((await vault.getMatching(1n)).sponsor).to.equal(ethers.ZeroAddress);
  });

  it("reports nothing refundable and nothing spent for a campaign that does not exist", async () => {
    const { vault, alice } = await networkHelpers.loadFixture(charityFixture);
    expect(await vault.refundableAmount(99n, alice.address)).to.equal(0n);
    expect(await vault.attributedSpending(99n, alice.address)).to.equal(0n);
  });
});
