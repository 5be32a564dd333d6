import { expect } from "chai";
import { network } from "hardhat";

import TicketsModule from "../../deploy/modules/Tickets.js";
import { EventTickets__factory } from "../../typechain-types/index.js";

const { ethers, ignition } = await network.create();

describe("deploy/modules/Tickets", () => {
  it("deploys an event with the given addresses and roles to the deployer by default", async () => {
    const [deployer, vault] = await ethers.getSigners();
    if (!deployer || !vault) throw new Error("The test needs two accounts.");
    const { tickets } = await ignition.deploy(TicketsModule, {
      parameters: { Tickets: { donationReceiver: vault.address, charityCampaignId: 3n, venue: "Busan Port" } },
    });
    const event = EventTickets__factory.connect(await tickets.getAddress(), deployer);
    const info = await event.eventInfo();
    expect(info.donationReceiver).to.equal(vault.address);
    expect(info.charityCampaignId).to.equal(3n);
    expect(info.organiser).to.equal(deployer.address);
    expect(await event.hasRole(await event.GATE_ROLE(), deployer.address)).to.equal(true);
    expect(await event.name()).to.equal("Blockchain Week Busan");
  });
});
