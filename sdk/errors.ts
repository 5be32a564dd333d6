/**
 * The one error base class of the SDK. Every error the SDK throws is a `BusanError` with a short,
 * user-facing `shortMessage` (one sentence, safe to print in a CLI or a web page) and, where it
 * wraps another failure, the original error as `cause`.
 */
export class BusanError extends Error {
  override name = "BusanError";
  readonly shortMessage: string;
  readonly details: string | undefined;

  constructor(shortMessage: string, options: { cause?: unknown; details?: string } = {}) {
    super(
      options.details === undefined ? shortMessage : `${shortMessage}\n\nDetails: ${options.details}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.shortMessage = shortMessage;
    this.details = options.details;
  }
}

/** Input that does not have the expected shape (a malformed file, a bad argument). */
export class InvalidInputError extends BusanError {
  override name = "InvalidInputError";
}

/** A file that should exist does not, or cannot be read. */
export class FileNotFoundError extends BusanError {
  override name = "FileNotFoundError";
  readonly path: string;
  constructor(path: string, what = "file", options: { cause?: unknown } = {}) {
    super(`The ${what} ${path} does not exist or cannot be read.`, options);
    this.path = path;
  }
}

/** No deployment of the suite is known for a chain, or a contract is missing from it. */
export class DeploymentNotFoundError extends BusanError {
  override name = "DeploymentNotFoundError";
}

/** A contract call reverted; `errorName` is the decoded custom error (or `Error`/`Panic`). */
export class ContractRevertError extends BusanError {
  override name = "ContractRevertError";
  readonly errorName: string;
  readonly args: readonly unknown[];
  readonly signature: string | undefined;

  constructor(
    errorName: string,
    args: readonly unknown[],
    options: { cause?: unknown; signature?: string; reason?: string } = {},
  ) {
    const shown = options.reason ?? (args.length === 0 ? errorName : `${errorName}(${args.map(formatArg).join(", ")})`);
    super(`The transaction reverted with ${shown}.`, { cause: options.cause });
    this.errorName = errorName;
    this.args = args;
    this.signature = options.signature;
  }
}

function formatArg(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(formatArg).join(", ")}]`;
  return String(value);
}
