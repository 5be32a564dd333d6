import { sha256, toUtf8Bytes } from "ethers";

import { getCharityCampaign } from "../../sdk/charity/campaign.js";
import { reportFulfilment } from "../../sdk/partnerships/actions.js";
import { connectPartnershipRegistry, getAgreement } from "../../sdk/partnerships/registry.js";
import { type DemoContext, expectFact, receiptOf, toJson } from "./context.js";
import { type CityWallet, cityExecute } from "./partnerships.js";

/** Party index of the city in the Binance MOU (the counterparty that acknowledges). */
const CITY_PARTY_INDEX = 0;

/** Chapter 5: Binance reports each commitment with evidence on chain; the city acknowledges. */
export async function commitmentsChapter(
  context: DemoContext,
  input: { city: CityWallet; agreementId: bigint; courseId: bigint; cohortRoot: string; campaignId: bigint },
): Promise<void> {
  const { actors, report, contracts, facts, ethers } = context;
  report.chapter("5. Commitments: evidence on chain");
  const chain = `eip155:${facts.chainId}`;
  const campaign = await getCharityCampaign(ethers.provider, contracts.vault, input.campaignId);
  const office = "Lease of Binance's Busan office, Busan International Finance Center, 1 March 2027.";
  // One piece of evidence per commitment of the MOU, in order: charity, education, event, office.
  const evidence = [
    {
      what: "charity",
      uri: `${chain}:${contracts.vault}/campaign/${input.campaignId}`,
      hash: sha256(toUtf8Bytes(toJson(campaign))),
      says: `campaign ${input.campaignId} in the charity vault`,
    },
    {
      what: "education",
      uri: `${chain}:${contracts.academy}/course/${input.courseId}`,
      hash: input.cohortRoot,
      says: `course ${input.courseId}; the hash is the cohort's Merkle root`,
    },
    {
      what: "event",
      uri: `${chain}:${contracts.tickets}`,
      hash: sha256(toUtf8Bytes(`${facts.ticketsCheckedIn} attendees checked in at Blockchain Week Busan 2027`)),
      says: "the Blockchain Week ticket contract",
    },
    {
      what: "office",
      uri: "ipfs://busan-demo/binance/busan-office-lease.pdf",
      hash: sha256(toUtf8Bytes(office)),
      says: "the office lease",
    },
  ] as const;
  const registry = connectPartnershipRegistry(contracts.registry, actors.binance);
  for (const [index, item] of evidence.entries()) {
    const reported = await reportFulfilment(registry, input.agreementId, index, item.hash, item.uri);
    await report.tx(
      `Binance reported its ${item.what} commitment fulfilled — evidence: ${item.says} (${item.uri})`,
      actors.binance.address,
      receiptOf(context, reported.txHash),
    );
  }
  // The city's multisig acknowledges each report: two owners approve one call per commitment.
  for (const [index, item] of evidence.entries()) {
    const data = registry.interface.encodeFunctionData("acknowledgeFulfilment", [
      input.agreementId,
      index,
      CITY_PARTY_INDEX,
    ]);
    await report.tx(
      `The city acknowledged Binance's ${item.what} commitment (2 of 3 owners approved)`,
      input.city.address,
      cityExecute(input.city, actors.operator, contracts.registry, data),
    );
  }
  const details = await getAgreement(registry, input.agreementId);
  facts.commitments = details.commitments.map((c, i) => ({
    category: c.category,
    status: c.status,
    evidenceURI: evidence[i]?.uri ?? "",
  }));
  report.note(
    "Binance MOU commitments on chain",
    facts.commitments.map((c) => `${c.category}: ${c.status}`).join(", "),
  );
  expectFact(
    facts.commitments.length === evidence.length && facts.commitments.every((c) => c.status === "Acknowledged"),
    "Every Binance commitment should be acknowledged by the city.",
  );
}
