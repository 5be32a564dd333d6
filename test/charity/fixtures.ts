import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";

import {
  type CharityVault,
  CharityVault__factory,
  type ICharityVault,
  type MockERC20,
  MockERC20__factory,
} from "../../typechain-types/index.js";

export const DAY = 86_400;
export const ETH = 10n ** 18n;
export const USD = 10n ** 6n;

/** `ICharityVault.CampaignStatus`. */
export const Status = { None: 0n, Active: 1n, Succeeded: 2n, Failed: 3n, Cancelled: 4n, Closed: 5n } as const;
/** `ICharityVault.BeneficiaryStatus`. */
export const Beneficiary = { None: 0n, Pending: 1n, Verified: 2n, Suspended: 3n } as const;
/** `ICharityVault.DisbursementStatus`. */
export const Disbursement = { None: 0n, Proposed: 1n, Vetoed: 2n, Executed: 3n } as const;

export type CampaignParams = ICharityVault.CampaignParamsStruct;

/**
 * Deploys a vault with separate admin, operator and guardian accounts, an allowlisted 6-decimal
 * stablecoin and three verified beneficiaries (a school, a clinic and a shelter).
 */
export async function deployCharity(ethers: HardhatEthers, networkHelpers: NetworkHelpers) {
  const signers = await ethers.getSigners();
  const [admin, operator, guardian, alice, bob, carol, school, clinic, shelter, outsider] = signers;
  if (
    admin === undefined ||
    operator === undefined ||
    guardian === undefined ||
    alice === undefined ||
    bob === undefined ||
    carol === undefined ||
    school === undefined ||
    clinic === undefined ||
    shelter === undefined ||
    outsider === undefined
  ) {
    throw new Error("The tests need ten accounts.");
  }
  const vault: CharityVault = await new CharityVault__factory(admin).deploy(
    admin.address,
    operator.address,
    guardian.address,
  );
  const usd: MockERC20 = await new MockERC20__factory(admin).deploy("Busan Dollar", "BUSD", 6);
  await vault.connect(admin).setTokenAllowed(await usd.getAddress(), true);
  for (const beneficiary of [school, clinic, shelter]) {
    await vault.connect(operator).addBeneficiary(beneficiary.address, ethers.id(`vetting:${beneficiary.address}`));
    await vault.connect(operator).verifyBeneficiary(beneficiary.address, ethers.id(`vetting:${beneficiary.address}`));
  }
  const now = await networkHelpers.time.latest();
  /** Campaign parameters with sensible defaults: ETH, goal 10 ETH, all-or-nothing, 10 + 90 days. */
  const params = (overrides: Partial<CampaignParams> = {}): CampaignParams => ({
    token: ethers.ZeroAddress,
    goal: 10n * ETH,
    hardCap: 0n,
    deadline: BigInt(now + 10 * DAY),
    disbursementDeadline: BigInt(now + 100 * DAY),
    allOrNothing: true,
    beneficiaries: [school.address, clinic.address, shelter.address],
    detailsHash: ethers.id("campaign details"),
    ...overrides,
  });
  return { vault, usd, admin, operator, guardian, alice, bob, carol, school, clinic, shelter, outsider, params, now };
}
