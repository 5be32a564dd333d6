import { readFile } from "node:fs/promises";

import { expect } from "chai";

import { findPlaceholders } from "../../tasks/suite/deploy.js";

describe("suite deploy parameters", () => {
  it("names every placeholder left in a parameters file", () => {
    expect(
      findPlaceholders({
        Academy: { admin: "REPLACE_WITH_ACADEMY_MULTISIG_ADDRESS" },
        BusanSuite: {
          organiser: "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
          charityBps: 1000,
          nested: ["REPLACE_WITH_X"],
        },
      }),
    ).to.deep.equal(["Academy.admin", "BusanSuite.nested.0"]);
  });

  it("finds none in the local parameters and every role holder in the public-network ones", async () => {
    const read = async (name: string): Promise<unknown> =>
      JSON.parse(await readFile(`deploy/parameters/${name}.json`, "utf8")) as unknown;
    expect(findPlaceholders(await read("localhost"))).to.deep.equal([]);
    expect(findPlaceholders(await read("e2e"))).to.deep.equal([]);
    for (const network of ["bscTestnet", "opBNBTestnet", "sepolia"]) {
      expect(findPlaceholders(await read(network))).to.have.members([
        "Partnerships.admin",
        "Academy.admin",
        "Charity.admin",
        "Charity.operator",
        "Charity.guardian",
        "BusanSuite.admin",
        "BusanSuite.organiser",
        "BusanSuite.treasury",
      ]);
    }
  });
});
