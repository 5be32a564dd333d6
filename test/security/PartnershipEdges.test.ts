import { expect } from "chai";
import { network } from "hardhat";

import { DAY, asInput, deployRegistry, makeTerms } from "../partnerships/fixtures.js";

/**
 * Found by `invariant_mouStatusOnlyMovesForward` (test/security/MouMonotonicity.t.sol): a version
 * whose signing deadline was not before its expiry could be signed after it expired and go from
 * Pending straight to Expired without ever being in force. The registry now refuses such terms.
 */
const { ethers, networkHelpers } = await network.create();

async function registryFixture() {
  return deployRegistry(ethers);
}

describe("security: PartnershipRegistry dates", () => {
  it("refuses a version whose signing deadline is not before its expiry", async () => {
    const { registry, cityClerk } = await networkHelpers.loadFixture(registryFixture);
    const now = BigInt(await networkHelpers.time.latest());
    const expiresAt = now + 10n * DAY;
    for (const signingDeadline of [expiresAt, expiresAt + 1n]) {
      const terms = makeTerms(now, { expiresAt, signingDeadline });
      await expect(registry.connect(cityClerk).propose("MOU", [1, 2], asInput(terms)))
        .to.be.revertedWithCustomError(registry, "PartnershipRegistryInvalidDates")
        .withArgs(now, expiresAt, signingDeadline);
    }
    const terms = makeTerms(now, { expiresAt, signingDeadline: expiresAt - 1n });
    await expect(registry.connect(cityClerk).propose("MOU", [1, 2], asInput(terms))).to.emit(
      registry,
      "AgreementProposed",
    );
  });

  it("still accepts any signing deadline for a version that never expires", async () => {
    const { registry, cityClerk } = await networkHelpers.loadFixture(registryFixture);
    const now = BigInt(await networkHelpers.time.latest());
    const terms = makeTerms(now, { expiresAt: 0n, signingDeadline: now + 400n * DAY });
    await expect(registry.connect(cityClerk).propose("MOU", [1, 2], asInput(terms))).to.emit(
      registry,
      "AgreementProposed",
    );
  });
});
