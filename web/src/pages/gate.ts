import { heading, type Page, requireContract } from "../page.js";
import { el, errorBox, field, replace } from "../ui.js";
import { BusanError } from "../../../sdk/errors.js";
import { toBusanError } from "../../../sdk/revert.js";
import { GateBatcher } from "../../../sdk/tickets/batcher.js";
import { TICKETS_ABIS, ticketsAt } from "../../../sdk/tickets/contract.js";
import { recordCheckIns } from "../../../sdk/tickets/manage.js";
import { type PassVerdict, verifyPass } from "../../../sdk/tickets/pass.js";
import { decodePassQr } from "../../../sdk/tickets/qr.js";

/** Admitted tickets are recorded on chain in batches of this many… */
const BATCH_SIZE = 100;
/** …or when the oldest has waited this long. */
const BATCH_WAIT_MS = 30_000;
const POLL_MS = 2_000;

/** Why a pass is refused, in the words gate staff say to the attendee. */
const REASONS: Readonly<Record<PassVerdict, string>> = {
  valid: "Admit",
  expired: "This pass has expired: ask for a fresh code.",
  "unknown-ticket": "No such ticket (refunded or never sold).",
  "already-checked-in": "This ticket was already checked in.",
  "bad-signature": "The pass was not signed by the ticket's holder.",
  "event-cancelled": "The event is cancelled.",
  "wrong-chain": "This pass is for another chain.",
  "wrong-contract": "This pass is for another event.",
};

interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}

/** The gate: check passes (camera or pasted text), admit or deny, record check-ins in batches. */
export const gatePage: Page = {
  path: "/gate",
  title: "Gate",
  nav: "Gate",
  async render(root, context) {
    const found = requireContract(root, context, "EventTickets");
    if (found === undefined) return;
    const { connection, address } = found;
    const contract = ticketsAt(address, connection.provider);
    const [info, name] = await Promise.all([contract.eventInfo(), contract.name()]);
    const counts = { admitted: 0, recorded: 0, duplicates: 0, denied: 0 };
    const counters = el("dl", { class: "counters", "aria-live": "polite" });
    const verdictBox = el("div", { "aria-live": "assertive", "data-testid": "gate-verdict" });
    const recordBox = el("div", { "aria-live": "polite" });
    const renderCounters = (pending: number): void => {
      replace(
        counters,
        ...(
          [
            ["Admitted", counts.admitted],
            ["Recorded on chain", counts.recorded],
            ["Waiting to record", pending],
            ["Duplicates", counts.duplicates],
            ["Denied", counts.denied],
          ] as const
        ).flatMap(([label, value]) => [el("dt", {}, label), el("dd", { "data-counter": label }, String(value))]),
      );
    };
    const batcher = new GateBatcher({
      maxSize: BATCH_SIZE,
      maxWaitMs: BATCH_WAIT_MS,
      flush: async (tokenIds) => {
        const result = await recordCheckIns(await connection.signer(), address, tokenIds);
        counts.recorded += Number(result.recorded);
        counts.duplicates += result.rejected.filter((r) => r.reason === "duplicate").length;
        replace(recordBox, el("p", { class: "hint" }, `Recorded ${result.recorded} check-in(s) on chain.`));
      },
    });
    const flush = async (): Promise<void> => {
      try {
        await batcher.flush();
      } catch (error) {
        const message =
          error instanceof BusanError ? error.shortMessage : toBusanError(error, [...TICKETS_ABIS]).shortMessage;
        replace(recordBox, errorBox("Check-ins are not recorded yet", `${message} They stay queued and are retried.`));
      }
      renderCounters(batcher.size);
    };

    const check = async (text: string): Promise<void> => {
      let verdict: PassVerdict;
      let tokenId: bigint | undefined;
      try {
        const pass = decodePassQr(text.trim());
        tokenId = pass.tokenId;
        verdict = (await verifyPass(connection.provider, pass, { tickets: address, passVerifier: info.passVerifier }))
          .verdict;
      } catch (error) {
        counts.denied += 1;
        show(false, error instanceof BusanError ? error.shortMessage : "This is not a check-in pass.");
        return;
      }
      if (verdict !== "valid") {
        if (verdict === "already-checked-in") counts.duplicates += 1;
        else counts.denied += 1;
        show(false, REASONS[verdict]);
        return;
      }
      if (!(await batcher.add(tokenId))) {
        counts.duplicates += 1;
        show(false, `Ticket ${tokenId} was already admitted at this gate.`);
        return;
      }
      counts.admitted += 1;
      show(true, `Ticket ${tokenId}: welcome!`);
    };
    const show = (ok: boolean, message: string): void => {
      replace(
        verdictBox,
        el(
          "div",
          {
            class: `verdict ${ok ? "verdict-ok" : "verdict-bad"}`,
            role: ok ? "status" : "alert",
            "data-verdict": ok ? "admit" : "deny",
          },
          el("h2", {}, ok ? "Admit" : "Deny"),
          el("p", {}, message),
        ),
      );
      renderCounters(batcher.size);
    };

    const input = el("textarea", {
      rows: "3",
      class: "mono",
      placeholder: "BWT1…",
      spellcheck: "false",
      autocomplete: "off",
    });
    const form = el(
      "form",
      {
        onsubmit: (event: Event) => {
          event.preventDefault();
          const text = input.value;
          input.value = "";
          void check(text);
        },
      },
      field("gate-pass", "Pass", input, "Scan the attendee's QR code, or paste the pass text."),
      el("button", { type: "submit" }, "Check pass"),
    );
    const recordButton = el(
      "button",
      { type: "button", class: "secondary", onclick: () => void flush() },
      "Record check-ins now",
    );
    const walletNote =
      connection.account === undefined
        ? el(
            "p",
            { class: "hint" },
            "Passes are checked without a wallet. Connect the gate's wallet (gate role) to record check-ins on chain.",
            el(
              "button",
              { type: "button", class: "secondary", onclick: () => void context.connectWallet() },
              "Connect gate wallet",
            ),
          )
        : null;
    replace(
      root,
      heading("Gate", `${name}: check passes and admit attendees; check-ins are recorded on chain in batches.`),
      cameraBox(check, context.signal),
      form,
      verdictBox,
      counters,
      recordButton,
      walletNote,
      recordBox,
    );
    renderCounters(0);

    const timer = setInterval(() => {
      if (connection.account !== undefined)
        void batcher
          .poll()
          .catch(() => undefined)
          .then(() => {
            renderCounters(batcher.size);
          });
    }, POLL_MS);
    context.signal.addEventListener(
      "abort",
      () => {
        clearInterval(timer);
      },
      { once: true },
    );
  },
};

/** Camera scanning where the browser has a QR detector (BarcodeDetector); otherwise nothing. */
function cameraBox(check: (text: string) => Promise<void>, signal: AbortSignal): HTMLElement | null {
  const Detector = (
    window as unknown as { BarcodeDetector?: new (options: { formats: string[] }) => BarcodeDetectorLike }
  ).BarcodeDetector;
  if (Detector === undefined || !("mediaDevices" in navigator)) return null;
  const video = el("video", { playsinline: true, muted: true, class: "camera", "aria-label": "Camera preview" });
  const start = el(
    "button",
    {
      type: "button",
      onclick: () => {
        void (async () => {
          const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
          video.srcObject = stream;
          await video.play();
          const detector = new Detector({ formats: ["qr_code"] });
          let last = "";
          const scan = async (): Promise<void> => {
            if (signal.aborted) {
              for (const track of stream.getTracks()) track.stop();
              return;
            }
            const [code] = await detector.detect(video).catch(() => []);
            if (code !== undefined && code.rawValue !== last) {
              last = code.rawValue;
              await check(code.rawValue);
            }
            setTimeout(() => void scan(), 300);
          };
          await scan();
        })();
      },
    },
    "Scan with camera",
  );
  return el("div", { class: "camera-box" }, start, video);
}
