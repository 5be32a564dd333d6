import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Ignition appends a contract's completion to `journal.jsonl` and only then adds its address to
 * `deployed_addresses.json`. A deployment killed between the two writes resumes without redeploying
 * the contract (the journal says it is done) but never records its address, and the SDK, the CLI
 * and the portal read the addresses file. This restores every address the journal holds and
 * returns the ids it had to add (none after an uninterrupted deployment).
 */
export async function restoreDeployedAddresses(deploymentDir: string): Promise<string[]> {
  const journalPath = path.join(deploymentDir, "journal.jsonl");
  const addressesPath = path.join(deploymentDir, "deployed_addresses.json");
  let journal: string;
  try {
    journal = await readFile(journalPath, "utf8");
  } catch {
    return [];
  }
  let addresses: Record<string, string> = {};
  try {
    addresses = JSON.parse(await readFile(addressesPath, "utf8")) as Record<string, string>;
  } catch {
    // No addresses file yet: every completed contract is missing from it.
  }
  const added: string[] = [];
  for (const line of journal.split("\n")) {
    const address = completedAddress(line);
    if (address === undefined || addresses[address.futureId] !== undefined) continue;
    addresses[address.futureId] = address.address;
    added.push(address.futureId);
  }
  if (added.length > 0) await writeFile(addressesPath, `${JSON.stringify(addresses, null, 2)}\n`);
  return added;
}

/** The future id and address of a journal line recording a deployed or referenced contract. */
function completedAddress(line: string): { futureId: string; address: string } | undefined {
  if (line.trim() === "") return undefined;
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return undefined; // a line cut short by the interruption
  }
  if (typeof entry !== "object" || entry === null) return undefined;
  const { type, futureId, result, contractAddress } = entry as {
    type?: unknown;
    futureId?: unknown;
    result?: { type?: unknown; address?: unknown };
    contractAddress?: unknown;
  };
  if (typeof futureId !== "string") return undefined;
  if (
    type === "DEPLOYMENT_EXECUTION_STATE_COMPLETE" &&
    result?.type === "SUCCESS" &&
    typeof result.address === "string"
  ) {
    return { futureId, address: result.address };
  }
  if (type === "CONTRACT_AT_EXECUTION_STATE_INITIALIZE" && typeof contractAddress === "string") {
    return { futureId, address: contractAddress };
  }
  return undefined;
}
