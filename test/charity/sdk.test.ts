import { expect } from "chai";
import { network } from "hardhat";

import { ContractRevertError, InvalidInputError } from "../../sdk/errors.js";
import { changeCharityBeneficiary, getCharityBeneficiary } from "../../sdk/charity/beneficiary.js";
import {
  cancelCharityCampaign,
  createCharityCampaign,
  getCharityCampaign,
  listCharityCampaigns,
} from "../../sdk/charity/campaign.js";
import {
  proposeCharityDisbursement,
  executeCharityDisbursement,
  vetoCharityDisbursement,
} from "../../sdk/charity/disburse.js";
import { donateToCampaign } from "../../sdk/charity/donate.js";
import { fundCharityMatching, withdrawCharityMatching } from "../../sdk/charity/matching.js";
import { claimCharityRefund } from "../../sdk/charity/refund.js";
import { charityCampaignReport } from "../../sdk/charity/report.js";
import { parseDonationTrace } from "../../sdk/charity/schema.js";
import { donationTraceToCsv, donationTraceToJson, traceDonor } from "../../sdk/charity/trace.js";
import { withdrawCharityPayout } from "../../sdk/charity/withdraw.js";
import { DAY, deployCharity, ETH } from "./fixtures.js";

const { ethers, networkHelpers } = await network.create();
const { time } = networkHelpers;

/**
 * A campaign that paid three beneficiaries: Alice gave 1 ETH + 1 wei and 2 ETH, Bob 3 ETH + 2 wei,
 * the sponsor matched half of the first 2 ETH donated; the school, the clinic and the shelter were
 * paid amounts that do not divide evenly, and one proposal was vetoed.
 */
async function threeBeneficiariesFixture() {
  const base = await deployCharity(ethers, networkHelpers);
  const { vault, operator, guardian, alice, bob, school, clinic, shelter, params } = base;
  const address = await vault.getAddress();
  const { campaignId } = await createCharityCampaign(operator, address, {
    goal: 5n * ETH,
    deadline: BigInt(params().deadline),
    disbursementDeadline: BigInt(params().disbursementDeadline),
    hardCap: 0n,
    token: ethers.ZeroAddress,
    allOrNothing: true,
    beneficiaries: [school.address, clinic.address, shelter.address],
    detailsHash: ethers.id("winter relief"),
  });
  await fundCharityMatching(operator, address, { campaignId, amount: ETH, ratioBps: 5_000 });
  await donateToCampaign(alice, address, { campaignId, amount: ETH + 1n });
  await donateToCampaign(bob, address, { campaignId, amount: 3n * ETH + 2n });
  await donateToCampaign(alice, address, { campaignId, amount: 2n * ETH });
  await time.increase(11 * DAY);
  const payments: [string, bigint, string][] = [
    [school.address, ETH + 333_333_333_333n, "textbooks"],
    [clinic.address, 2n * ETH + 7n, "medicine"],
    [shelter.address, 777_777_777_777_777_777n, "blankets"],
  ];
  for (const [payee, amount, purpose] of payments) {
    await proposeCharityDisbursement(operator, address, {
      campaignId,
      payee,
      amount,
      purposeHash: ethers.id(purpose),
      evidenceUri: `ipfs://${purpose}`,
    });
  }
  const vetoed = await proposeCharityDisbursement(operator, address, {
    campaignId,
    payee: school.address,
    amount: ETH,
    purposeHash: ethers.id("duplicate invoice"),
    evidenceUri: "",
  });
  await vetoCharityDisbursement(guardian, address, vetoed.disbursementId, ethers.id("duplicate"));
  await time.increase(2 * DAY);
  for (const id of [1n, 2n, 3n]) await executeCharityDisbursement(alice, address, id);
  return { ...base, address, campaignId, payments };
}

async function expectInvalidInput(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidInputError);
    return;
  }
  expect.fail("expected an InvalidInputError");
}

describe("sdk/charity", () => {
  it("traces a donor whose campaign paid three beneficiaries, exact to the wei", async () => {
    const { address, alice, campaignId, payments } = await networkHelpers.loadFixture(threeBeneficiariesFixture);
    const trace = await traceDonor(ethers.provider, address, alice.address);
    const json = parseDonationTrace(JSON.parse(JSON.stringify(donationTraceToJson(trace))));
    expect(json.campaigns).to.have.length(1);
    const campaign = json.campaigns[0];
    if (campaign === undefined) throw new Error("no campaign");
    expect(campaign.campaignId).to.equal(campaignId.toString());
    expect(campaign.donations).to.have.length(2);
    const base = 6n * ETH + 3n + ETH; // donations + matching (1 ETH pool fully used)
    expect(campaign.base).to.equal(base.toString());
    const contributed = 3n * ETH + 1n;
    expect(campaign.contributed).to.equal(contributed.toString());
    // Every wei of every disbursement share, per donation, floor(X * d / base).
    let allocated = 0n;
    for (const donation of campaign.donations) {
      expect(donation.allocations.map((a) => a.beneficiary)).to.deep.equal(payments.map(([p]) => p));
      for (const [i, allocation] of donation.allocations.entries()) {
        const [, paid, purpose] = payments[i] ?? ["", 0n, ""];
        expect(allocation.amount).to.equal(((paid * BigInt(donation.amount)) / base).toString());
        expect(allocation.purposeHash).to.equal(ethers.id(purpose));
        expect(allocation.evidenceUri).to.equal(`ipfs://${purpose}`);
        expect(allocation.executedTx).to.match(/^0x[0-9a-f]{64}$/);
        allocated += BigInt(allocation.amount);
      }
    }
    // The acceptance rule: allocations sum to the contribution minus what is held or refunded.
    expect(allocated).to.equal(contributed - BigInt(campaign.held) - BigInt(campaign.refunded));
    expect(campaign.spent).to.equal(allocated.toString());
    expect(json.totals[0]?.contributed).to.equal(contributed.toString());
  });

  it("accounts for every wei of each disbursement across donors, the matching pool and rounding", async () => {
    const { address, alice, bob, vault, campaignId, payments } =
      await networkHelpers.loadFixture(threeBeneficiariesFixture);
    const a = await traceDonor(ethers.provider, address, alice.address);
    const b = await traceDonor(ethers.provider, address, bob.address);
    const donorsSpent = (a.campaigns[0]?.spent ?? 0n) + (b.campaigns[0]?.spent ?? 0n);
    const disbursed = payments.reduce((sum, [, amount]) => sum + amount, 0n);
    const info = await vault.getCampaign(campaignId);
    expect(info.disbursed).to.equal(disbursed);
    const matchedShare = payments.reduce((sum, [, x]) => sum + (x * info.matched) / (info.donated + info.matched), 0n);
    const dust = disbursed - donorsSpent - matchedShare;
    // Rounding leaves less than one wei per donation (3) plus the pool, per disbursement (3).
    expect(dust >= 0n && dust < 12n).to.equal(true);
  });

  it("includes refunds after a cancellation, and the books still add up", async () => {
    const { address, operator, alice, vault, campaignId } = await networkHelpers.loadFixture(threeBeneficiariesFixture);
    await cancelCharityCampaign(operator, address, campaignId);
    const paid = await claimCharityRefund(alice, address, campaignId);
    expect(paid.kind).to.equal("refund");
    const info = await vault.getCampaign(campaignId);
    const base = info.donated + info.matched;
    expect(paid.amount).to.equal(((3n * ETH + 1n) * (base - info.disbursed)) / base);
    const trace = await traceDonor(ethers.provider, address, alice.address);
    const c = trace.campaigns[0];
    if (c === undefined) throw new Error("no campaign");
    expect(c.refunded).to.equal(paid.amount);
    expect(c.spent + c.refunded + c.held).to.equal(c.contributed);
    // Only rounding is left: less than one wei per (donation, disbursement) pair, plus one.
    expect(c.held >= 0n && c.held <= 7n).to.equal(true);
    const csv = donationTraceToCsv(trace).trim().split("\n");
    expect(csv[0]).to.equal(
      "campaignId,token,kind,donationId,donationTx,disbursementId,beneficiary,amount,purposeHash,evidenceUri,txHash",
    );
    const sum = csv.slice(1).reduce((total, line) => total + BigInt(line.split(",")[7] ?? "0"), 0n);
    expect(sum).to.equal(c.contributed);
  });

  it("reports a campaign's raised, matched, refunded, disbursed and held amounts and its donors", async () => {
    const { address, campaignId, school } = await networkHelpers.loadFixture(threeBeneficiariesFixture);
    const report = await charityCampaignReport(ethers.provider, address, campaignId);
    expect(report.status).to.equal("Succeeded");
    expect(report.donated).to.equal(6n * ETH + 3n);
    expect(report.matched).to.equal(ETH);
    expect(report.donors).to.equal(2);
    expect(report.held).to.equal(report.donated + report.matched - report.refunded - report.disbursed);
    expect(report.disbursements.map((d) => d.status)).to.deep.equal(["Executed", "Executed", "Executed", "Vetoed"]);
    expect(report.paidTo.get(school.address)).to.equal(ETH + 333_333_333_333n);
    expect((await listCharityCampaigns(ethers.provider, address)).map((c) => c.campaignId)).to.deep.equal([campaignId]);
  });

  it("returns typed results from writes and decodes reverts to the vault's error names", async () => {
    const { address, school, operator, outsider, alice, campaignId } =
      await networkHelpers.loadFixture(threeBeneficiariesFixture);
    const paid = await withdrawCharityPayout(school, address, ethers.ZeroAddress);
    expect(paid.amount).to.equal(ETH + 333_333_333_333n);
    await changeCharityBeneficiary(operator, address, "add", outsider.address, ethers.id("docs"));
    expect((await getCharityBeneficiary(ethers.provider, address, outsider.address)).status).to.equal("Pending");
    try {
      await claimCharityRefund(alice, address, campaignId);
      expect.fail("expected a revert");
    } catch (error) {
      expect(error).to.be.instanceOf(ContractRevertError);
      expect((error as ContractRevertError).errorName).to.equal("CharityVaultWrongCampaignStatus");
    }
    // The 1 ETH pool was used up, so nothing goes back to the sponsor while the campaign succeeds.
    try {
      await withdrawCharityMatching(operator, address, campaignId);
      expect.fail("expected a revert");
    } catch (error) {
      expect((error as ContractRevertError).errorName).to.equal("CharityVaultNothingToClaim");
    }
    expect((await getCharityCampaign(ethers.provider, address, campaignId)).status).to.equal("Succeeded");
  });

  it("refuses bad input before sending anything", async () => {
    const { address, operator, campaignId } = await networkHelpers.loadFixture(threeBeneficiariesFixture);
    await expectInvalidInput(donateToCampaign(operator, address, { campaignId, amount: 0n }));
    await expectInvalidInput(
      proposeCharityDisbursement(operator, address, {
        campaignId,
        payee: "not an address",
        amount: 1n,
        purposeHash: ethers.ZeroHash,
        evidenceUri: "",
      }),
    );
    expect(() => parseDonationTrace({ version: 2 })).to.throw(InvalidInputError);
  });
});
