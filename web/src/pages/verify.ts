import type { Connection } from "../connection.js";
import { heading, type Page } from "../page.js";
import { el, errorBox, formatTime, loading, replace, shortAddress } from "../ui.js";
import { type Credential, parseCredential } from "../../../sdk/academy/credential.js";
import { getCourse } from "../../../sdk/academy/courses.js";
import { getIssuer } from "../../../sdk/academy/issuers.js";
import { credentialFromLink, LINK_PARAM } from "../../../sdk/academy/link.js";
import { getRevocation } from "../../../sdk/academy/status.js";
import { type VerifyResult, verifyCredential } from "../../../sdk/academy/verify.js";
import { BusanError } from "../../../sdk/errors.js";

/** What each verification step checks, in the words an employer reads. */
const STEP_LABELS: Readonly<Record<string, string>> = {
  format: "The credential is well-formed and for this chain",
  "leaf-hash": "The details on it hash to the certified record",
  proof: "The record belongs to the cohort the academy published",
  anchor: "That cohort or certificate was recorded by an authorised issuer",
  status: "It has not been revoked, suspended or replaced",
  expiry: "It is within its validity period",
};

/** Whether the current address carries a credential link (`#c=…`). */
export function isCredentialLink(hash: string): boolean {
  return hash.replace(/^#/, "").startsWith(`${LINK_PARAM}=`);
}

/** Verify a certificate: from a link (the academy's QR code) or a dropped credential file. */
export const verifyPage: Page = {
  path: "/verify",
  title: "Verify a certificate",
  nav: "Verify",
  async render(root, context) {
    const result = el("div", { "aria-live": "polite", "data-testid": "verify-result" });
    const fileInput = el("input", { type: "file", accept: "application/json,.json", id: "credential-file" });
    const drop = el(
      "div",
      { class: "dropzone", tabindex: "0", role: "group", "aria-label": "Drop a credential file here" },
      el("p", {}, "Drop the credential file (.json) here, or "),
      el("label", { for: "credential-file", class: "button-like" }, "choose a file"),
      fileInput,
    );
    const check = async (load: () => Promise<unknown>): Promise<void> => {
      replace(result, loading("the certificate"));
      let json: unknown;
      try {
        json = await load();
      } catch (error) {
        replace(
          result,
          errorBox(
            "Not a credential",
            error instanceof BusanError ? error.shortMessage : "The file could not be read as JSON.",
          ),
        );
        return;
      }
      if (context.connection === undefined) {
        replace(
          result,
          errorBox("Not connected", context.connectionError?.shortMessage ?? "Connect to a chain to verify."),
        );
        return;
      }
      replace(result, await verdict(context.connection, json));
    };
    fileInput.addEventListener("change", () => {
      const file = fileInput.files?.[0];
      if (file !== undefined) void check(async () => JSON.parse(await file.text()) as unknown);
    });
    drop.addEventListener("dragover", (event) => {
      event.preventDefault();
      drop.classList.add("dragging");
    });
    drop.addEventListener("dragleave", () => {
      drop.classList.remove("dragging");
    });
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("dragging");
      const file = event.dataTransfer?.files[0];
      if (file !== undefined) void check(async () => JSON.parse(await file.text()) as unknown);
    });
    replace(
      root,
      heading(
        "Verify a certificate",
        "Check a Busan academy certificate against the chain. No account or wallet is needed.",
      ),
      drop,
      result,
    );
    if (isCredentialLink(window.location.hash)) {
      await check(() => Promise.resolve(credentialFromLink(window.location.href)));
    } else {
      replace(
        result,
        el(
          "p",
          { class: "state state-empty", "data-state": "empty" },
          "Open the verification link from a certificate, or drop its credential file above.",
        ),
      );
    }
  },
};

/** Runs the SDK's step-by-step verification and renders the verdict with the details. */
async function verdict(connection: Connection, json: unknown): Promise<HTMLElement> {
  const verification: VerifyResult = await verifyCredential(connection.provider, json);
  const credential: Credential | undefined = verification.credential ?? tryParse(json);
  const details = credential === undefined ? null : await describe(connection, credential, verification);
  const steps = el(
    "ol",
    { class: "steps" },
    ...verification.steps.map((step) =>
      el(
        "li",
        { class: step.ok ? "step-ok" : "step-bad", "data-step": step.step },
        el("span", { "aria-hidden": "true" }, step.ok ? "✓ " : "✗ "),
        el("strong", {}, STEP_LABELS[step.step] ?? step.step),
        el("div", { class: "hint" }, step.detail),
      ),
    ),
  );
  const title = verification.valid
    ? "Valid certificate"
    : `Not valid: ${verification.failedStep ?? "unknown"} check failed`;
  const failed = verification.steps.find((s) => !s.ok);
  return el(
    "div",
    {},
    el(
      "div",
      {
        class: `verdict ${verification.valid ? "verdict-ok" : "verdict-bad"}`,
        role: verification.valid ? "status" : "alert",
        "data-verdict": verification.valid ? "valid" : (verification.failedStep ?? "invalid"),
      },
      el("h2", {}, title),
      failed === undefined ? null : el("p", {}, failed.detail),
    ),
    details,
    el("h3", {}, "What was checked"),
    steps,
  );
}

function tryParse(json: unknown): Credential | undefined {
  try {
    return parseCredential(json);
  } catch {
    return undefined;
  }
}

async function describe(
  connection: Connection,
  credential: Credential,
  verification: VerifyResult,
): Promise<HTMLElement> {
  const rows: [string, string | HTMLElement][] = [
    ["Holder", credential.recipient.name],
    ["Holder's wallet", el("span", { class: "mono" }, credential.recipient.address)],
    [
      "Valid",
      `${formatTime(BigInt(credential.validFrom))} to ${BigInt(credential.validUntil) === 0n ? "no expiry" : formatTime(BigInt(credential.validUntil))}`,
    ],
  ];
  const sameChain = BigInt(credential.chainId) === connection.chainId;
  if (sameChain) {
    const courseId = BigInt(credential.courseId);
    try {
      const course = await getCourse(connection.provider, credential.registry, courseId);
      rows.unshift(["Course", `#${courseId} — ${course.metadataURI}`]);
      const issuer = await getIssuer(connection.provider, credential.registry, course.issuerId);
      rows.unshift([
        "Issuer",
        `${issuer.name} (${shortAddress(issuer.account)})${issuer.retiredAt === 0n ? "" : `, retired ${formatTime(issuer.retiredAt)}`}`,
      ]);
    } catch {
      rows.unshift(["Course", `#${courseId} (not found on this chain)`]);
    }
    if (verification.state?.status === "Revoked") {
      const revocation = await getRevocation(connection.provider, credential.registry, BigInt(credential.tokenId), {
        fromBlock: connection.fromBlock,
      }).catch(() => undefined);
      if (revocation !== undefined) {
        rows.push([
          "Revoked",
          `reason code ${revocation.reasonCode}, reason document hash ${revocation.reasonHash.slice(0, 18)}…`,
        ]);
      }
    }
  } else {
    rows.push(["Chain", `issued on chain ${credential.chainId}; you are connected to ${connection.chainName}`]);
  }
  return el("dl", { class: "details" }, ...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}
