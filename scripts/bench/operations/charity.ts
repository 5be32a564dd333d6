import { CharityVault__factory, MockERC20__factory } from "../../../typechain-types/index.js";
import { type BenchContext, gasOf, type Measurement } from "../types.js";

const DAY = 86_400;
const ETH = 10n ** 18n;

/**
 * The charity vault's hot paths, each measured in the state it usually runs in: donations to a
 * campaign that already has donations (so the totals slot is non-zero), a refund by a donor of a
 * failed campaign, and the execution of a disbursement to a beneficiary who is owed nothing yet.
 */
export async function measure({ ethers, networkHelpers }: BenchContext): Promise<Measurement[]> {
  const [admin, donorA, donorB, donorC, beneficiary] = await ethers.getSigners();
  if (admin === undefined || donorA === undefined || donorB === undefined || donorC === undefined) {
    throw new Error("The benchmark needs five accounts.");
  }
  if (beneficiary === undefined) throw new Error("The benchmark needs five accounts.");
  const vault = await new CharityVault__factory(admin).deploy(admin.address, admin.address, admin.address);
  const token = await new MockERC20__factory(admin).deploy("Busan Dollar", "BUSD", 6);
  await (await vault.setTokenAllowed(await token.getAddress(), true)).wait();
  await (await vault.addBeneficiary(beneficiary.address, ethers.id("vetting"))).wait();
  await (await vault.verifyBeneficiary(beneficiary.address, ethers.id("vetting"))).wait();

  const now = await networkHelpers.time.latest();
  const campaign = (tokenAddress: string, goal: bigint, allOrNothing: boolean) => ({
    token: tokenAddress,
    goal,
    hardCap: 0n,
    deadline: BigInt(now + 10 * DAY),
    disbursementDeadline: BigInt(now + 100 * DAY),
    allOrNothing,
    beneficiaries: [beneficiary.address],
    detailsHash: ethers.id("campaign"),
  });
  // 1: ETH, will succeed. 2: ETH, will fail. 3: ERC-20.
  await (await vault.createCampaign(campaign(ethers.ZeroAddress, 5n * ETH, true))).wait();
  await (await vault.createCampaign(campaign(ethers.ZeroAddress, 1_000n * ETH, true))).wait();
  await (await vault.createCampaign(campaign(await token.getAddress(), 1_000_000n * 10n ** 6n, true))).wait();

  const measurements: Measurement[] = [];
  // Campaign 1 already has a donation from someone else.
  await (await vault.connect(donorC).donate(1, ETH / 10n, donorC.address, { value: ETH / 10n })).wait();
  measurements.push({
    operation: "charity: first ETH donation by a new donor",
    gas: await gasOf(await vault.connect(donorA).donate(1, ETH, donorA.address, { value: ETH })),
    items: 1,
  });
  measurements.push({
    operation: "charity: repeat ETH donation",
    gas: await gasOf(await vault.connect(donorA).donate(1, ETH / 2n, donorA.address, { value: ETH / 2n })),
    items: 1,
  });

  // ERC-20 donation by a new donor to a campaign that already holds the token.
  const amount = 250n * 10n ** 6n;
  for (const donor of [donorB, donorC]) {
    await (await token.mint(donor.address, amount)).wait();
    await (await token.connect(donor).approve(await vault.getAddress(), amount)).wait();
  }
  await (await vault.connect(donorC).donate(3, amount, donorC.address)).wait();
  measurements.push({
    operation: "charity: ERC-20 donation",
    gas: await gasOf(await vault.connect(donorB).donate(3, amount, donorB.address)),
    items: 1,
  });

  // Campaign 2 fails: its donors claim refunds.
  await (await vault.connect(donorB).donate(2, ETH, donorB.address, { value: ETH })).wait();
  await (await vault.connect(donorC).donate(2, ETH, donorC.address, { value: ETH })).wait();
  await (await vault.connect(donorC).donate(1, 4n * ETH, donorC.address, { value: 4n * ETH })).wait();
  await networkHelpers.time.increase(11 * DAY);
  await (await vault.connect(donorC).refund(2)).wait();
  measurements.push({
    operation: "charity: refund claim",
    gas: await gasOf(await vault.connect(donorB).refund(2)),
    items: 1,
  });

  // Campaign 1 succeeded (its goal is reached before the deadline): a disbursement passes its challenge window and is executed.
  await (
    await vault.proposeDisbursement(1, beneficiary.address, ETH, ethers.id("invoice-1"), "ipfs://invoice-1")
  ).wait();
  await networkHelpers.time.increase(3 * DAY);
  measurements.push({
    operation: "charity: disbursement execution",
    gas: await gasOf(await vault.connect(donorA).executeDisbursement(1)),
    items: 1,
  });
  return measurements;
}
