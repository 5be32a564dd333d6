import { parse } from "csv-parse/sync";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { InvalidInputError } from "../../sdk/errors.js";
import { readTextFile } from "../../sdk/node/files.js";
import { airdropTickets } from "../../sdk/tickets/manage.js";
import { cliAction } from "../common/action.js";
import { type TicketsTarget, connectTickets, parseWhole } from "./common.js";

interface AirdropArgs extends TicketsTarget {
  readonly tier: string;
  readonly csv: string;
}

/** Recipients from a CSV file: the first column of each row, with an optional `address` header. */
export function recipientsFromCsv(text: string, file: string): string[] {
  let rows: string[][];
  try {
    const parsed: unknown = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true });
    rows = parsed as string[][];
  } catch (error) {
    throw new InvalidInputError(`The CSV file ${file} cannot be parsed.`, { cause: error });
  }
  const first = rows[0]?.[0];
  if (first !== undefined && first.toLowerCase() === "address") rows = rows.slice(1);
  const recipients = rows.map((row) => row[0] ?? "");
  if (recipients.length === 0) throw new InvalidInputError(`The CSV file ${file} lists no recipients.`);
  return recipients;
}

/** `npx hardhat tickets airdrop --csv FILE`: comps for every address in the file (minter role). */
export default cliAction(async (args: AirdropArgs, hre: HardhatRuntimeEnvironment) => {
  if (args.csv === "") throw new InvalidInputError("--csv is required.");
  const tierId = parseWhole(args.tier, "--tier", 1n);
  const recipients = recipientsFromCsv(await readTextFile(args.csv, "CSV file"), args.csv);
  const { suite, tickets } = await connectTickets(hre, args);
  const result = await airdropTickets(suite.signer, tickets, tierId, recipients, (done, total) => {
    console.log(`Airdropped ${done}/${total}…`);
  });
  const first = result.tokenIds[0];
  const last = result.tokenIds[result.tokenIds.length - 1];
  console.log(`Airdropped ${result.tokenIds.length} ticket(s) of tier ${tierId}: ${first} … ${last}.`);
});
