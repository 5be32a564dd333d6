import { expect } from "chai";
import { network } from "hardhat";

import CharityModule from "../../deploy/modules/Charity.js";
import { CharityVault__factory } from "../../typechain-types/index.js";

const { ethers, ignition } = await network.create();

describe("deploy/modules/Charity", () => {
  it("deploys the vault with every role on the deployer by default", async () => {
    const [deployer] = await ethers.getSigners();
    if (deployer === undefined) throw new Error("no accounts");
    const { vault } = await ignition.deploy(CharityModule);
    const typed = CharityVault__factory.connect(await vault.getAddress(), deployer);
    for (const role of [
      await typed.DEFAULT_ADMIN_ROLE(),
      await typed.CAMPAIGN_MANAGER_ROLE(),
      await typed.DISBURSER_ROLE(),
      await typed.GUARDIAN_ROLE(),
    ]) {
      expect(await typed.hasRole(role, deployer.address)).to.equal(true);
    }
  });

  it("gives the guardian role to the address passed as a parameter", async () => {
    const [deployer, guardian] = await ethers.getSigners();
    if (deployer === undefined || guardian === undefined) throw new Error("no accounts");
    const { vault } = await ignition.deploy(CharityModule, {
      parameters: { Charity: { guardian: guardian.address } },
    });
    const typed = CharityVault__factory.connect(await vault.getAddress(), deployer);
    expect(await typed.hasRole(await typed.GUARDIAN_ROLE(), guardian.address)).to.equal(true);
    expect(await typed.hasRole(await typed.GUARDIAN_ROLE(), deployer.address)).to.equal(false);
  });
});
