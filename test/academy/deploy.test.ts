import { expect } from "chai";
import { network } from "hardhat";

import AcademyModule from "../../deploy/modules/Academy.js";
import { AcademyCertificates__factory } from "../../typechain-types/index.js";

const { ethers, ignition } = await network.create();

describe("deploy/modules/Academy", () => {
  it("deploys AcademyCertificates with the deployer as admin and registrar", async () => {
    const [deployer] = await ethers.getSigners();
    if (deployer === undefined) throw new Error("accounts");
    const { academyCertificates } = await ignition.deploy(AcademyModule);
    const academy = AcademyCertificates__factory.connect(await academyCertificates.getAddress(), ethers.provider);
    expect(await academy.hasRole(await academy.DEFAULT_ADMIN_ROLE(), deployer.address)).to.equal(true);
    expect(await academy.hasRole(await academy.REGISTRAR_ROLE(), deployer.address)).to.equal(true);
    expect(await academy.name()).to.equal("Busan Academy Certificate");
  });

  it("gives the roles to the admin parameter", async () => {
    const [, multisig] = await ethers.getSigners();
    if (multisig === undefined) throw new Error("accounts");
    const { academyCertificates } = await ignition.deploy(AcademyModule, {
      parameters: { Academy: { admin: multisig.address } },
    });
    const academy = AcademyCertificates__factory.connect(await academyCertificates.getAddress(), ethers.provider);
    expect(await academy.hasRole(await academy.REGISTRAR_ROLE(), multisig.address)).to.equal(true);
  });
});
