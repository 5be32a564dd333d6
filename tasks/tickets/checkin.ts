import { Contract, id } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { InvalidInputError } from "../../sdk/errors.js";
import { ticketsAt } from "../../sdk/tickets/contract.js";
import { recordCheckIns } from "../../sdk/tickets/manage.js";
import { verifyPass } from "../../sdk/tickets/pass.js";
import { decodePassQr } from "../../sdk/tickets/qr.js";
import { cliAction } from "../common/action.js";
import { type TicketsTarget, connectTickets } from "./common.js";

interface CheckInArgs extends TicketsTarget {
  readonly pass: string;
  readonly verifyOnly: boolean;
}

/** The role `recordCheckIns` requires (EventTickets.GATE_ROLE). */
const GATE_ROLE = id("GATE_ROLE");

/**
 * `npx hardhat tickets checkin --pass CODE`: verifies the pass (offline checks plus one chain read),
 * admits or refuses, then records the check-in on chain (gate role) unless `--verify-only`.
 */
export default cliAction(async (args: CheckInArgs, hre: HardhatRuntimeEnvironment) => {
  if (args.pass === "") throw new InvalidInputError("--pass is required (the code printed by `tickets pass`).");
  const pass = decodePassQr(args.pass);
  const { suite, tickets } = await connectTickets(hre, args);
  if (!args.verifyOnly) {
    // Refuse before saying ADMIT: a check-in that cannot be recorded would let the pass in twice.
    const access = new Contract(
      tickets,
      ["function hasRole(bytes32, address) view returns (bool)"],
      suite.ethers.provider,
    );
    if (!((await access.getFunction("hasRole")(GATE_ROLE, suite.signer.address)) as boolean)) {
      throw new InvalidInputError(
        `The account ${suite.signer.address} does not hold the gate role, so it cannot record check-ins; use the gate's account (--from) or --verify-only.`,
      );
    }
  }
  const { passVerifier } = await ticketsAt(tickets, suite.signer).eventInfo();
  const block = await suite.ethers.provider.getBlock("latest");
  const now = BigInt(block?.timestamp ?? Math.floor(Date.now() / 1000));
  const result = await verifyPass(suite.ethers.provider, pass, { tickets, passVerifier, now });
  if (result.verdict !== "valid") {
    throw new InvalidInputError(
      `Refused: the pass for ticket ${pass.tokenId} is ${result.verdict.replace(/-/g, " ")}.`,
    );
  }
  console.log(`ADMIT ticket ${pass.tokenId} (holder ${result.holder}).`);
  if (args.verifyOnly) return;
  const recorded = await recordCheckIns(suite.signer, tickets, [pass.tokenId]);
  const rejected = recorded.rejected[0];
  if (rejected !== undefined) console.log(`Not recorded: ticket ${rejected.tokenId} is a ${rejected.reason}.`);
  else console.log(`Check-in recorded (tx ${recorded.txHash}).`);
});
