import { expect } from "chai";
import { network } from "hardhat";

import PartnershipsModule from "../../deploy/modules/Partnerships.js";
import { PartnershipRegistry__factory } from "../../typechain-types/index.js";

const { ethers, ignition } = await network.create();

describe("deploy/modules/Partnerships", () => {
  it("deploys the registry with the deployer as admin and registrar by default", async () => {
    const [deployer] = await ethers.getSigners();
    if (deployer === undefined) throw new Error("accounts");
    const { registry } = await ignition.deploy(PartnershipsModule);
    const typed = PartnershipRegistry__factory.connect(await registry.getAddress(), deployer);
    expect(await typed.hasRole(await typed.REGISTRAR_ROLE(), deployer.address)).to.equal(true);
    expect(await typed.hasRole(await typed.DEFAULT_ADMIN_ROLE(), deployer.address)).to.equal(true);
  });

  it("gives the roles to the admin parameter", async () => {
    const [deployer, multisig] = await ethers.getSigners();
    if (deployer === undefined || multisig === undefined) throw new Error("accounts");
    const { registry } = await ignition.deploy(PartnershipsModule, {
      parameters: { Partnerships: { admin: multisig.address } },
    });
    const typed = PartnershipRegistry__factory.connect(await registry.getAddress(), deployer);
    expect(await typed.hasRole(await typed.REGISTRAR_ROLE(), multisig.address)).to.equal(true);
    expect(await typed.hasRole(await typed.REGISTRAR_ROLE(), deployer.address)).to.equal(false);
  });
});
