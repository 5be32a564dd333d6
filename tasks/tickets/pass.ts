import QRCode from "qrcode";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { InvalidInputError } from "../../sdk/errors.js";
import { createPass } from "../../sdk/tickets/pass.js";
import { encodePassQr } from "../../sdk/tickets/qr.js";
import { cliAction } from "../common/action.js";
import { type TicketsTarget, connectTickets, formatTime, parseWhole } from "./common.js";

interface PassArgs extends TicketsTarget {
  readonly tokenId: string;
  readonly ttl: string;
  readonly out: string;
}

/** `npx hardhat tickets pass --token-id N`: signs a check-in pass, shows its QR code, writes a PNG. */
export default cliAction(async (args: PassArgs, hre: HardhatRuntimeEnvironment) => {
  const tokenId = parseWhole(args.tokenId, "--token-id", 1n);
  const ttl = Number(parseWhole(args.ttl, "--ttl", 1n));
  const { suite, tickets } = await connectTickets(hre, args);
  const block = await suite.ethers.provider.getBlock("latest");
  if (block === null) throw new InvalidInputError("The network returned no latest block.");
  const pass = await createPass(suite.signer, { tickets, tokenId, ttlSeconds: ttl, now: BigInt(block.timestamp) });
  const code = encodePassQr(pass);
  console.log(await QRCode.toString(code, { type: "terminal", small: true }));
  const out = args.out === "" ? `pass-${tokenId}.png` : args.out;
  await QRCode.toFile(out, code, { type: "png", errorCorrectionLevel: "M" });
  console.log(`Pass for ticket ${tokenId}, valid until ${formatTime(pass.validUntil)}:`);
  console.log(code);
  console.log(`QR code written to ${out}.`);
});
