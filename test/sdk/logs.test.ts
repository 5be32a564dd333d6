import { expect } from "chai";
import type { Filter, Log, Provider } from "ethers";
import { network } from "hardhat";

import { BusanError, InvalidInputError } from "../../sdk/errors.js";
import { getLogsPaged, isRangeError, pageLogs } from "../../sdk/logs.js";

const { ethers } = await network.create();

/** A provider stand-in that refuses ranges wider than `maxRange` the way public RPCs do. */
function cappedProvider(inner: Provider, maxRange: number, calls: [number, number][]): Provider {
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property === "getLogs") {
        return async (filter: Filter) => {
          const from = Number(filter.fromBlock);
          const to = Number(filter.toBlock);
          calls.push([from, to]);
          if (to - from + 1 > maxRange) {
            throw Object.assign(new Error("could not coalesce error"), {
              error: { code: -32005, message: `block range is too wide (maximum ${maxRange})` },
            });
          }
          return target.getLogs(filter);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

describe("sdk/logs", () => {
  it("returns every log across pages in block order", async () => {
    const probe = await ethers.deployContract("RevertProbe");
    const start = await ethers.provider.getBlockNumber();
    for (let i = 0; i < 12; i += 1) await (await probe.ping()).wait();
    const logs = await getLogsPaged(
      ethers.provider,
      { address: await probe.getAddress() },
      { fromBlock: start, pageSize: 5 },
    );
    expect(logs).to.have.length(12);
    const indexes = logs.map((log: Log) => BigInt(log.topics[1] ?? "0x0"));
    expect(indexes).to.deep.equal([...Array(12).keys()].map(BigInt));
  });

  it("halves the page when the node refuses a range, and reports progress", async () => {
    const probe = await ethers.deployContract("RevertProbe");
    const start = await ethers.provider.getBlockNumber();
    for (let i = 0; i < 9; i += 1) await (await probe.ping()).wait();
    const end = await ethers.provider.getBlockNumber();
    const calls: [number, number][] = [];
    const progress: number[] = [];
    const pages: Log[][] = [];
    for await (const page of pageLogs(
      cappedProvider(ethers.provider, 3, calls),
      { address: await probe.getAddress() },
      { fromBlock: start, toBlock: end, pageSize: 8, onProgress: (to) => progress.push(to) },
    )) {
      pages.push(page);
    }
    expect(pages.flat()).to.have.length(9);
    // 8 refused, 4 refused, then ranges of 2 blocks.
    expect(calls[0]).to.deep.equal([start, start + 7]);
    expect(calls.slice(2).every(([from, to]) => to - from + 1 <= 3)).to.equal(true);
    expect(progress.at(-1)).to.equal(end);
  });

  it("gives up with a BusanError on an error that is not about the range", async () => {
    const broken = new Proxy(ethers.provider, {
      get(target, property, receiver) {
        if (property === "getLogs") return () => Promise.reject(new Error("connection refused"));
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    try {
      await getLogsPaged(broken, {}, { fromBlock: 0, toBlock: 10 });
      expect.fail("expected an error");
    } catch (error) {
      expect(error).to.be.instanceOf(BusanError);
      expect((error as BusanError).shortMessage).to.equal("Reading logs for blocks 0 to 10 failed.");
    }
  });

  it("rejects a negative start block or a zero page size", async () => {
    for (const options of [{ fromBlock: -1 }, { fromBlock: 0, pageSize: 0 }]) {
      try {
        await getLogsPaged(ethers.provider, {}, { ...options, toBlock: 1 });
        expect.fail("expected an error");
      } catch (error) {
        expect(error).to.be.instanceOf(InvalidInputError);
      }
    }
  });

  it("recognises the range errors of common providers", () => {
    expect(isRangeError(new Error("eth_getLogs is limited to 1000 block range"))).to.equal(true);
    expect(isRangeError({ error: { message: "query returned more than 10000 results" } })).to.equal(true);
    expect(isRangeError(new Error("execution reverted"))).to.equal(false);
  });
});
