import { expect } from "chai";
import { network } from "hardhat";

import { cancelEvent, claimRefund, recordCheckIns } from "../../sdk/tickets/manage.js";
import { ticketsOfOwner } from "../../sdk/tickets/owned.js";
import { buyTickets } from "../../sdk/tickets/purchase.js";
import { TIER, deployEvent } from "./fixture.js";

const { ethers, networkHelpers } = await network.create();

async function eventFixture() {
  return deployEvent(ethers, networkHelpers);
}

describe("sdk/tickets ticketsOfOwner", () => {
  it("lists the tickets a wallet holds now, with tier, price paid and check-in status", async () => {
    const { tickets, alice, bob, gate } = await networkHelpers.loadFixture(eventFixture);
    const address = await tickets.getAddress();
    expect(await ticketsOfOwner(ethers.provider, address, alice.address)).to.deep.equal([]);

    const bought = await buyTickets(alice, address, { tierId: TIER.GA, quantity: 2n });
    const [first, second] = bought.tokenIds;
    if (first === undefined || second === undefined) throw new Error("two tickets");
    await tickets.connect(alice).transferFrom(alice.address, bob.address, second);
    await recordCheckIns(gate, address, [first]);

    const alices = await ticketsOfOwner(ethers.provider, address, alice.address);
    expect(alices.map((t) => [t.tokenId, t.tierId, t.pricePaid, t.status])).to.deep.equal([
      [first, TIER.GA, bought.unitPrice, "checked-in"],
    ]);
    expect(alices[0]?.tokenURI).to.match(/^data:application\/json/);
    const bobs = await ticketsOfOwner(ethers.provider, address, bob.address);
    expect(bobs.map((t) => [t.tokenId, t.status])).to.deep.equal([[second, "valid"]]);
  });

  it("drops a ticket that was refunded (burned)", async () => {
    const { tickets, alice, organiser } = await networkHelpers.loadFixture(eventFixture);
    const address = await tickets.getAddress();
    const { tokenIds } = await buyTickets(alice, address, { tierId: TIER.GA, quantity: 1n });
    await cancelEvent(organiser, address);
    await claimRefund(alice, address, tokenIds[0] ?? 0n);
    expect(await ticketsOfOwner(ethers.provider, address, alice.address)).to.deep.equal([]);
  });
});
