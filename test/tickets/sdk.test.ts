import { expect } from "chai";
import { ZeroAddress } from "ethers";
import { network } from "hardhat";

import { BusanError, ContractRevertError, InvalidInputError } from "../../sdk/errors.js";
import { GateBatcher } from "../../sdk/tickets/batcher.js";
import { TOKEN_ID_TIER_FACTOR, tierOfToken } from "../../sdk/tickets/contract.js";
import { airdropTickets, cancelEvent, claimRefund, recordCheckIns, settleProceeds } from "../../sdk/tickets/manage.js";
import { checkPassOffline, createPass, passFromJson, passToJson, verifyPass } from "../../sdk/tickets/pass.js";
import { buyTickets, quotePurchase } from "../../sdk/tickets/purchase.js";
import { decodePassQr, encodePassQr } from "../../sdk/tickets/qr.js";
import {
  buyListing,
  cancelListing,
  listForResale,
  resaleProceedsOf,
  withdrawResaleProceeds,
} from "../../sdk/tickets/resale.js";
import { addTier, listTiers } from "../../sdk/tickets/tiers.js";
import { GRACE, PRICE, TIER, deployEvent, tierConfig } from "./fixture.js";

const { ethers, networkHelpers } = await network.create();

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected a rejection.");
}

async function eventFixture() {
  return deployEvent(ethers, networkHelpers);
}

describe("sdk/tickets", () => {
  describe("passes and QR codes", () => {
    it("creates a pass that a gate verifies with one chain read, and rejects forgeries", async () => {
      const { tickets, alice, bob } = await networkHelpers.loadFixture(eventFixture);
      const address = await tickets.getAddress();
      const { tokenIds } = await buyTickets(alice, address, { tierId: TIER.GA, quantity: 1n });
      const tokenId = tokenIds[0] ?? 0n;
      const passVerifier = (await tickets.eventInfo()).passVerifier;
      const now = BigInt(await networkHelpers.time.latest());
      const pass = await createPass(alice, { tickets: address, tokenId, now, ttlSeconds: 120 });
      expect(pass.validUntil).to.equal(now + 120n);
      expect(await verifyPass(ethers.provider, pass, { tickets: address, passVerifier, now })).to.deep.equal({
        verdict: "valid",
        holder: alice.address,
      });
      const chainId = (await ethers.provider.getNetwork()).chainId;
      expect(checkPassOffline(pass, { chainId, tickets: address, now }).signer).to.equal(alice.address);
      const forged = await createPass(bob, { tickets: address, tokenId, now });
      expect((await verifyPass(ethers.provider, forged, { tickets: address, passVerifier, now })).verdict).to.equal(
        "bad-signature",
      );
      expect(
        (await verifyPass(ethers.provider, pass, { tickets: address, passVerifier, now: now + 121n })).verdict,
      ).to.equal("expired");
      expect((await verifyPass(ethers.provider, pass, { tickets: bob.address, passVerifier, now })).verdict).to.equal(
        "wrong-contract",
      );
      expect(checkPassOffline({ ...pass, chainId: 97n }, { chainId, tickets: address, now }).verdict).to.equal(
        "wrong-chain",
      );
    });

    it("round-trips a pass through the compact QR string and JSON, and rejects malformed codes", async () => {
      const { tickets, alice } = await networkHelpers.loadFixture(eventFixture);
      const pass = await createPass(alice, { tickets: await tickets.getAddress(), tokenId: 1_000_001n });
      const text = encodePassQr(pass);
      expect(text.startsWith("BWT1.")).to.equal(true);
      expect(text.length).to.be.lessThan(160);
      expect(decodePassQr(text)).to.deep.equal({ ...pass, signature: pass.signature.toLowerCase() });
      expect(passFromJson(JSON.parse(JSON.stringify(passToJson(pass))))).to.deep.equal({
        ...pass,
        signature: pass.signature.toLowerCase(),
      });
      expect(() => decodePassQr("hello")).to.throw(InvalidInputError);
      expect(() => decodePassQr(text.replace("BWT1", "BWT2"))).to.throw(InvalidInputError);
      expect(() => decodePassQr(text.replace(/\.[0-9a-z]+\./, ".UPPER!."))).to.throw(InvalidInputError);
      expect(() => passFromJson({ version: 1, chainId: "x" })).to.throw(InvalidInputError, /chainId/);
    });
  });

  describe("gate batcher", () => {
    it("dedupes, flushes by size and by time with an injected clock, and requeues a failed batch", async () => {
      let now = 0;
      const batches: bigint[][] = [];
      let fail = false;
      const batcher = new GateBatcher({
        maxSize: 3,
        maxWaitMs: 1_000,
        clock: { now: () => now },
        flush: async (ids) => {
          if (fail) throw new Error("node down");
          batches.push([...ids]);
          await Promise.resolve();
        },
      });
      expect(await batcher.add(1n)).to.equal(true);
      expect(await batcher.add(1n)).to.equal(false);
      await batcher.add(2n);
      await batcher.poll();
      expect(batches).to.deep.equal([]);
      await batcher.add(3n);
      expect(batches).to.deep.equal([[1n, 2n, 3n]]);
      await batcher.add(4n);
      now = 999;
      await batcher.poll();
      expect(batcher.size).to.equal(1);
      now = 1_000;
      fail = true;
      let thrown: unknown;
      await batcher.poll().catch((error: unknown) => (thrown = error));
      expect(thrown).to.be.instanceOf(Error);
      expect(batcher.size).to.equal(1);
      fail = false;
      await batcher.flush();
      expect(batches).to.deep.equal([[1n, 2n, 3n], [4n]]);
      expect(() => new GateBatcher({ maxSize: 501, maxWaitMs: 0, flush: async () => {} })).to.throw(InvalidInputError);
    });
  });

  describe("purchases and management", () => {
    it("buys with ETH and an ERC-20, quoting first, and decodes reverts to their names", async () => {
      const { tickets, alice } = await networkHelpers.loadFixture(eventFixture);
      const address = await tickets.getAddress();
      const quote = await quotePurchase(alice, address, TIER.GA, 3n);
      expect(quote.total).to.equal(PRICE.GA * 3n);
      const eth = await buyTickets(alice, address, { tierId: TIER.GA, quantity: 3n });
      expect(eth.tokenIds).to.deep.equal([1_000_001n, 1_000_002n, 1_000_003n]);
      const erc20 = await buyTickets(alice, address, { tierId: TIER.TOKEN, quantity: 2n });
      expect(erc20.tokenIds).to.deep.equal([4_000_001n, 4_000_002n]);
      expect(tierOfToken(4_000_002n)).to.equal(4n);
      expect(TOKEN_ID_TIER_FACTOR).to.equal(await tickets.TOKEN_ID_TIER_FACTOR());
      let error: unknown;
      await buyTickets(alice, address, { tierId: TIER.GRADUATE, quantity: 1n }).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(ContractRevertError);
      expect((error as ContractRevertError).errorName).to.equal("EventTicketsCertificateRequired");
      const unknown = await failure(quotePurchase(alice, address, 99n, 1n));
      expect(unknown).to.be.instanceOf(ContractRevertError);
      expect((unknown as ContractRevertError).errorName).to.equal("EventTicketsUnknownTier");
    });

    it("adds and lists tiers, airdrops, records check-ins, resells, cancels, refunds and settles", async () => {
      const { tickets, organiser, minter, gate, alice, bob, carol, admin, end, now, start } =
        await networkHelpers.loadFixture(eventFixture);
      const address = await tickets.getAddress();
      const { tierId } = await addTier(organiser, address, tierConfig({ saleStart: now, saleEnd: start }), {
        name: "Press",
        imageURI: "ipfs://press",
      });
      const tiers = await listTiers(admin, address);
      expect(tiers).to.have.length(7);
      expect(tiers[6]).to.include({ tierId, name: "Press", imageURI: "ipfs://press", policy: "free" });
      const progress: number[] = [];
      const drop = await airdropTickets(minter, address, tierId, [alice.address, bob.address], (done) =>
        progress.push(done),
      );
      expect(drop.tokenIds).to.deep.equal([7_000_001n, 7_000_002n]);
      expect(progress).to.deep.equal([2]);
      expect(await failure(airdropTickets(minter, address, tierId, ["nope"]))).to.be.instanceOf(InvalidInputError);
      const result = await recordCheckIns(gate, address, [7_000_001n, 7_000_001n, 9_000_001n]);
      expect(result.recorded).to.equal(1n);
      expect(result.rejected).to.deep.equal([
        { tokenId: 7_000_001n, reason: "duplicate" },
        { tokenId: 9_000_001n, reason: "not-found" },
      ]);
      await buyTickets(alice, address, { tierId: TIER.GA, quantity: 1n });
      await listForResale(alice, address, 1_000_001n, PRICE.GA);
      await cancelListing(alice, address, 1_000_001n);
      await listForResale(alice, address, 1_000_001n, PRICE.GA);
      const sold = await buyListing(carol, address, 1_000_001n);
      expect(sold).to.include({ price: PRICE.GA, royalty: PRICE.GA / 20n, seller: alice.address });
      const owed = PRICE.GA - PRICE.GA / 20n;
      expect(await resaleProceedsOf(ethers.provider, address, alice.address)).to.equal(owed);
      expect(await withdrawResaleProceeds(alice, address)).to.include({ amount: owed });
      expect(await resaleProceedsOf(ethers.provider, address, alice.address)).to.equal(0n);
      const notListed = await failure(buyListing(carol, address, 1_000_001n));
      expect(notListed).to.be.instanceOf(BusanError);
      expect((notListed as BusanError).shortMessage).to.match(/not listed/);
      await cancelEvent(organiser, address);
      expect(await claimRefund(carol, address, 1_000_001n)).to.include({ amount: PRICE.GA, currency: ZeroAddress });
      await networkHelpers.time.increaseTo(end + GRACE);
      const settled = await settleProceeds(admin, address);
      expect(settled.donated + settled.toTreasury).to.equal(PRICE.GA / 20n);
    });
  });
});
