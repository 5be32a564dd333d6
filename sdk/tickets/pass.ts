import {
  type Provider,
  type Signer,
  type TypedDataDomain,
  type TypedDataField,
  getAddress,
  isAddress,
  verifyTypedData,
} from "ethers";
import { z } from "zod";

import { InvalidInputError } from "../errors.js";
import { TicketPassVerifier__factory } from "../../typechain-types/index.js";
import { readChain } from "./contract.js";

/** EIP-712 domain name and version of check-in passes (`TicketPassVerifier`). */
export const PASS_DOMAIN_NAME = "EventTickets";
export const PASS_DOMAIN_VERSION = "1";
/** Default pass lifetime: short, so a screenshot of the QR code is useless a minute later. */
export const DEFAULT_PASS_TTL_SECONDS = 60;

/** The EIP-712 types of a check-in pass. */
export const CHECK_IN_TYPES: Record<string, TypedDataField[]> = {
  CheckIn: [
    { name: "tickets", type: "address" },
    { name: "tokenId", type: "uint256" },
    { name: "validUntil", type: "uint64" },
  ],
};

/** A signed check-in pass (format version 1). Amounts and ids are `bigint`. */
export interface CheckInPass {
  readonly version: 1;
  readonly chainId: bigint;
  /** The `EventTickets` contract. */
  readonly tickets: string;
  readonly tokenId: bigint;
  /** Unix seconds. */
  readonly validUntil: bigint;
  /** The holder's signature (65-byte ECDSA, or whatever the holder's ERC-1271 wallet accepts). */
  readonly signature: string;
}

const uintString = z.string().regex(/^\d+$/, "must be a whole number");

/** zod schema of the JSON form of a pass (numbers as decimal strings). */
export const checkInPassJsonSchema = z.object({
  version: z.literal(1),
  chainId: uintString,
  tickets: z.string().refine((v) => isAddress(v), "must be an address"),
  tokenId: uintString,
  validUntil: uintString,
  signature: z.string().regex(/^0x([0-9a-fA-F]{2})+$/, "must be hex bytes"),
});

/** A pass as JSON-safe values. */
export type CheckInPassJson = z.infer<typeof checkInPassJsonSchema>;

/** Converts a pass to its JSON form. */
export function passToJson(pass: CheckInPass): CheckInPassJson {
  return {
    version: 1,
    chainId: pass.chainId.toString(),
    tickets: pass.tickets,
    tokenId: pass.tokenId.toString(),
    validUntil: pass.validUntil.toString(),
    signature: pass.signature,
  };
}

/** Validates unknown JSON as a pass; throws `InvalidInputError` naming the first problem. */
export function passFromJson(json: unknown): CheckInPass {
  const parsed = checkInPassJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
    throw new InvalidInputError(`The pass is invalid${where}: ${issue?.message ?? "unknown problem"}.`, {
      cause: parsed.error,
    });
  }
  const p = parsed.data;
  return {
    version: 1,
    chainId: BigInt(p.chainId),
    tickets: getAddress(p.tickets),
    tokenId: BigInt(p.tokenId),
    validUntil: BigInt(p.validUntil),
    signature: p.signature.toLowerCase(),
  };
}

/** The EIP-712 domain of passes for a ticket contract on a chain. */
export function passDomain(chainId: bigint, tickets: string): TypedDataDomain {
  return { name: PASS_DOMAIN_NAME, version: PASS_DOMAIN_VERSION, chainId, verifyingContract: getAddress(tickets) };
}

/** The EIP-712 message of a pass. */
export function passMessage(tickets: string, tokenId: bigint, validUntil: bigint) {
  return { tickets: getAddress(tickets), tokenId, validUntil };
}

export interface CreatePassOptions {
  readonly tickets: string;
  readonly tokenId: bigint;
  /** Expiry in unix seconds; defaults to `now + ttlSeconds`. */
  readonly validUntil?: bigint;
  readonly ttlSeconds?: number;
  /** Current time in unix seconds (defaults to the system clock), for tests. */
  readonly now?: bigint;
}

/** Signs a pass with the holder's wallet (`signTypedData`). */
export async function createPass(signer: Signer, options: CreatePassOptions): Promise<CheckInPass> {
  const provider = signer.provider;
  if (provider === null) throw new InvalidInputError("The signer must be connected to a provider to sign a pass.");
  const chainId = (await provider.getNetwork()).chainId;
  const now = options.now ?? BigInt(Math.floor(Date.now() / 1000));
  const ttl = options.ttlSeconds ?? DEFAULT_PASS_TTL_SECONDS;
  if (!Number.isSafeInteger(ttl) || ttl <= 0) throw new InvalidInputError(`The pass lifetime ${ttl} must be positive.`);
  const validUntil = options.validUntil ?? now + BigInt(ttl);
  const signature = await signer.signTypedData(
    passDomain(chainId, options.tickets),
    CHECK_IN_TYPES,
    passMessage(options.tickets, options.tokenId, validUntil),
  );
  return { version: 1, chainId, tickets: getAddress(options.tickets), tokenId: options.tokenId, validUntil, signature };
}

/** Why a gate refuses a pass, or `valid`. Matches `IEventTickets.PassStatus` plus off-chain checks. */
export type PassVerdict =
  | "valid"
  | "expired"
  | "unknown-ticket"
  | "already-checked-in"
  | "bad-signature"
  | "event-cancelled"
  | "wrong-chain"
  | "wrong-contract";

const ON_CHAIN_VERDICTS: readonly PassVerdict[] = [
  "valid",
  "expired",
  "unknown-ticket",
  "already-checked-in",
  "bad-signature",
  "event-cancelled",
];

export interface OfflineCheck {
  readonly verdict: PassVerdict;
  /** The EOA that signed, when the signature is a plain ECDSA signature. */
  readonly signer: string | undefined;
}

/**
 * Checks a pass without the network: chain, contract and expiry, and recovers the ECDSA signer
 * (a contract wallet's signature can only be checked on chain).
 */
export function checkPassOffline(
  pass: CheckInPass,
  expected: { readonly chainId: bigint; readonly tickets: string; readonly now: bigint },
): OfflineCheck {
  if (pass.chainId !== expected.chainId) return { verdict: "wrong-chain", signer: undefined };
  if (getAddress(pass.tickets) !== getAddress(expected.tickets))
    return { verdict: "wrong-contract", signer: undefined };
  if (expected.now > pass.validUntil) return { verdict: "expired", signer: undefined };
  let signer: string | undefined;
  try {
    signer = verifyTypedData(
      passDomain(pass.chainId, pass.tickets),
      CHECK_IN_TYPES,
      passMessage(pass.tickets, pass.tokenId, pass.validUntil),
      pass.signature,
    );
  } catch {
    signer = undefined;
  }
  return { verdict: "valid", signer };
}

export interface PassVerification {
  readonly verdict: PassVerdict;
  /** The current holder (zero address when the ticket does not exist). */
  readonly holder: string | undefined;
}

/**
 * What a gate does: the offline checks, then one chain read (`TicketPassVerifier.checkPass`) for the
 * holder, the signature (EOA or ERC-1271), check-in status and cancellation.
 */
export async function verifyPass(
  provider: Provider,
  pass: CheckInPass,
  expected: { readonly tickets: string; readonly passVerifier: string; readonly now?: bigint },
): Promise<PassVerification> {
  const chainId = (await provider.getNetwork()).chainId;
  const now = expected.now ?? BigInt(Math.floor(Date.now() / 1000));
  const offline = checkPassOffline(pass, { chainId, tickets: expected.tickets, now });
  if (offline.verdict !== "valid") return { verdict: offline.verdict, holder: undefined };
  const verifier = TicketPassVerifier__factory.connect(expected.passVerifier, provider);
  const [status, holder] = await readChain(() => verifier.checkPass(pass.tokenId, pass.validUntil, pass.signature));
  return { verdict: ON_CHAIN_VERDICTS[Number(status)] ?? "bad-signature", holder };
}
