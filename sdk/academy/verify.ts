import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { getAddress, type Provider, ZeroAddress } from "ethers";

import { BusanError } from "../errors.js";
import { academyContract, type CertificateState, toCertificateState } from "./abi.js";
import { type Credential, credentialFields, parseCredential } from "./credential.js";
import { LEAF_ENCODING, leafHashOf, leafValues, certificateTokenId } from "./leaf.js";

/** The verification steps, in the order they run. */
export const VERIFY_STEPS = ["format", "leaf-hash", "proof", "anchor", "status", "expiry"] as const;

/** The name of a verification step. */
export type VerifyStepName = (typeof VERIFY_STEPS)[number];

/** The outcome of one step; steps after the first failure are not run. */
export interface VerifyStep {
  readonly step: VerifyStepName;
  readonly ok: boolean;
  /** One sentence: what was checked, or why it failed. */
  readonly detail: string;
}

/** The outcome of a verification. `valid` is true only when every step passed. */
export interface VerifyResult {
  readonly valid: boolean;
  readonly steps: readonly VerifyStep[];
  /** The first failed step, when any. */
  readonly failedStep: VerifyStepName | undefined;
  /** The chain's view of the certificate, when the chain was reached. */
  readonly state: CertificateState | undefined;
  /** The credential as validated, when it passed the format step. */
  readonly credential: Credential | undefined;
}

/** A step failure, carried through the verifier to its result. */
class StepFailure extends BusanError {
  override name = "StepFailure";
}

/**
 * Verifies a credential step by step against the chain — format → leaf hash → proof → anchor
 * (root or token recorded by the authorised issuer) → status → expiry — and fails closed: the
 * first failing step (or any unexpected error) ends it with a named reason. It makes two JSON-RPC
 * requests: the chain id, and one `eth_call` of `leafState` or `certificateState`.
 */
export async function verifyCredential(provider: Provider, input: unknown): Promise<VerifyResult> {
  const steps: VerifyStep[] = [];
  let credential: Credential | undefined;
  let state: CertificateState | undefined;
  const run = async (step: VerifyStepName, check: () => Promise<string> | string): Promise<boolean> => {
    try {
      steps.push({ step, ok: true, detail: await check() });
      return true;
    } catch (error) {
      const detail =
        error instanceof BusanError
          ? error.shortMessage
          : `The check failed: ${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)}`;
      steps.push({ step, ok: false, detail });
      return false;
    }
  };
  const result = (): VerifyResult => {
    const failed = steps.find((s) => !s.ok);
    return {
      valid: failed === undefined && steps.length === VERIFY_STEPS.length,
      steps,
      failedStep: failed?.step,
      state,
      credential,
    };
  };

  const formatOk = await run("format", async () => {
    credential = parseCredential(input);
    const { chainId } = await provider.getNetwork();
    if (chainId !== BigInt(credential.chainId)) {
      throw new StepFailure(
        `The credential is for chain ${credential.chainId}, but the provider is on chain ${chainId}.`,
      );
    }
    return `A ${credential.version} credential for chain ${chainId}.`;
  });
  if (!formatOk || credential === undefined) return result();
  const c = credential;
  const values = leafValues(credentialFields(c));

  if (
    !(await run("leaf-hash", () => {
      const leaf = leafHashOf(values);
      if (leaf !== c.leaf.toLowerCase()) {
        throw new StepFailure(`The fields hash to leaf ${leaf}, not the credential's leaf ${c.leaf}.`);
      }
      const tokenId = certificateTokenId(leaf, BigInt(c.courseId));
      if (tokenId.toString() !== c.tokenId) {
        throw new StepFailure(`The leaf makes token ${tokenId}, not the credential's token ${c.tokenId}.`);
      }
      return `The fields hash to leaf ${leaf}.`;
    }))
  ) {
    return result();
  }

  if (
    !(await run("proof", () => {
      if (c.anchor.type === "token") return "A directly issued certificate: its token id is derived from the leaf.";
      if (!StandardMerkleTree.verify(c.anchor.root, [...LEAF_ENCODING], values, c.anchor.proof)) {
        throw new StepFailure(`The Merkle proof does not lead from the leaf to the root ${c.anchor.root}.`);
      }
      return `The proof leads to root ${c.anchor.root}.`;
    }))
  ) {
    return result();
  }

  if (
    !(await run("anchor", async () => {
      const academy = academyContract(c.registry, provider);
      const fields = {
        courseId: values[2],
        recipient: values[3],
        nameCommitment: values[4],
        validFrom: values[5],
        validUntil: values[6],
      };
      let raw: unknown;
      try {
        raw =
          c.anchor.type === "cohort"
            ? await academy.getFunction("leafState").staticCall(c.anchor.root, fields, c.anchor.proof)
            : await academy.getFunction("certificateState").staticCall(BigInt(c.tokenId));
      } catch (error) {
        throw new StepFailure(`The registry ${c.registry} could not be read on this chain.`, { cause: error });
      }
      const s = toCertificateState(raw);
      state = s;
      if (s.issuerAccount === ZeroAddress || getAddress(s.issuerAccount) !== c.issuer) {
        throw new StepFailure(
          `Course ${c.courseId} is certified by ${s.issuerAccount === ZeroAddress ? "no issuer" : s.issuerAccount}, not by ${c.issuer}.`,
        );
      }
      if (c.anchor.type === "cohort") {
        if (!s.anchored)
          throw new StepFailure(`No issuer anchored the root ${c.anchor.root} for course ${c.courseId}.`);
        if (!s.proofValid) throw new StepFailure("The registry rejects the Merkle proof.");
        return `Root anchored by issuer ${s.issuerId} (${s.issuerAccount}).`;
      }
      if (s.holder === ZeroAddress && s.status !== "Superseded" && s.status !== "Revoked") {
        throw new StepFailure(`No certificate token ${c.tokenId} exists.`);
      }
      return `Token issued by issuer ${s.issuerId} (${s.issuerAccount}), held by ${s.holder}.`;
    }))
  ) {
    return result();
  }
  const s = state;
  if (s === undefined) return result();

  if (
    !(await run("status", () => {
      if (s.status === "Valid" || s.status === "Expired" || s.status === "NotYetValid") {
        return "Not revoked, suspended or superseded; the issuer is in good standing.";
      }
      const more = s.status === "Superseded" ? ` (replaced by token ${s.successor})` : "";
      throw new StepFailure(`The certificate's status is ${s.status}${more}.`);
    }))
  ) {
    return result();
  }

  await run("expiry", () => {
    if (s.status === "Expired") throw new StepFailure(`The certificate expired at ${isoTime(s.validUntil)}.`);
    if (s.status === "NotYetValid")
      throw new StepFailure(`The certificate is valid only from ${isoTime(s.validFrom)}.`);
    return s.validUntil === 0n ? "The certificate does not expire." : `Valid until ${isoTime(s.validUntil)}.`;
  });
  return result();
}

function isoTime(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString();
}
