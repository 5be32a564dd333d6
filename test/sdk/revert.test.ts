import { expect } from "chai";
import { AbiCoder, Interface } from "ethers";
import { network } from "hardhat";

import { ContractRevertError } from "../../sdk/errors.js";
import { decodeRevert, decodeRevertData, findRevertData, toBusanError } from "../../sdk/revert.js";

const { ethers } = await network.create();

async function deployProbe() {
  const probe = await ethers.deployContract("RevertProbe");
  return { probe, abi: probe.interface };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("sdk/revert", () => {
  describe("decodeRevert against a real node", () => {
    it("names a custom error and its arguments", async () => {
      const { probe } = await deployProbe();
      const [signer] = await ethers.getSigners();
      const error = await caught(probe.failCustom(7n));
      const decoded = decodeRevert(error, [probe.interface]);
      expect(decoded?.name).to.equal("RevertProbeFailed");
      expect(decoded?.args).to.deep.equal([7n, signer?.address]);
    });

    it("decodes a custom error from raw data when ethers did not (unknown ABI at call time)", async () => {
      const { probe } = await deployProbe();
      const bare = new ethers.Contract(
        await probe.getAddress(),
        ["function failCustom(uint256) view"],
        ethers.provider,
      );
      const error = await caught(bare.getFunction("failCustom").staticCall(3n));
      expect(findRevertData(error)).to.match(/^0x[0-9a-f]{8}/);
      const wrapped = toBusanError(error, [probe.interface]);
      if (!(wrapped instanceof ContractRevertError)) throw new Error("expected a ContractRevertError");
      expect(wrapped.errorName).to.equal("RevertProbeFailed");
      expect(wrapped.shortMessage).to.match(/^The transaction reverted with RevertProbeFailed\(3, 0x/);
    });

    it("decodes a revert string and a panic", async () => {
      const { probe } = await deployProbe();
      const stringError = decodeRevert(await caught(probe.failString()));
      expect(stringError?.name).to.equal("Error");
      expect(stringError?.reason).to.equal("probe failed");
      const panic = decodeRevert(await caught(probe.failPanic(0n)));
      expect(panic?.name).to.equal("Panic");
      expect(panic?.reason).to.equal("Panic(0x12: division or modulo by zero)");
    });

    it("decodes the revert of a sent transaction", async () => {
      const { probe } = await deployProbe();
      const bare = new ethers.Contract(
        await probe.getAddress(),
        ["function failPanic(uint256) returns (uint256)"],
        (await ethers.getSigners())[0],
      );
      const error = await caught(bare.getFunction("failPanic").send(0n, { gasLimit: 100_000n }));
      expect(toBusanError(error).shortMessage).to.equal(
        "The transaction reverted with Panic(0x12: division or modulo by zero).",
      );
    });
  });

  describe("decodeRevertData", () => {
    const iface = new Interface(["error VaultEmpty(uint256 campaignId)"]);

    it("returns undefined for an unknown selector", () => {
      expect(decodeRevertData("0xdeadbeef", [iface])).to.equal(undefined);
    });

    it("decodes with the first ABI that knows the selector", () => {
      const data = iface.encodeErrorResult("VaultEmpty", [9n]);
      const other = new Interface(["error Other()"]);
      expect(decodeRevertData(data, [other, iface])?.args).to.deep.equal([9n]);
    });

    it("names unknown panic codes", () => {
      const data = `0x4e487b71${AbiCoder.defaultAbiCoder().encode(["uint256"], [0x99]).slice(2)}`;
      expect(decodeRevertData(data)?.reason).to.equal("Panic(0x99: unknown panic)");
    });
  });

  describe("findRevertData", () => {
    it("finds data nested the way JSON-RPC providers nest it", () => {
      const nested = { message: "call failed", info: { error: { code: 3, data: "0x12345678" } } };
      expect(findRevertData(nested)).to.equal("0x12345678");
    });

    it("ignores values that are not revert data and survives cycles", () => {
      const cyclic: Record<string, unknown> = { data: "not hex" };
      cyclic["error"] = cyclic;
      expect(findRevertData(cyclic)).to.equal(undefined);
      expect(findRevertData(null)).to.equal(undefined);
      expect(findRevertData("0x12345678")).to.equal(undefined);
    });
  });

  describe("toBusanError", () => {
    it("keeps the first line of an unknown error as one sentence", () => {
      const wrapped = toBusanError(new Error("connection refused\n    at somewhere"));
      expect(wrapped.shortMessage).to.equal("Connection refused.");
      expect(wrapped.cause).to.be.instanceOf(Error);
    });

    it("prefers ethers' shortMessage", () => {
      expect(toBusanError({ shortMessage: "insufficient funds", message: "long text" }).shortMessage).to.equal(
        "Insufficient funds.",
      );
    });

    it("has a message for a thrown non-error", () => {
      expect(toBusanError(42).shortMessage).to.equal("An unexpected error occurred.");
    });
  });
});
