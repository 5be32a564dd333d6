import { access, readFile } from "node:fs/promises";

import type { ZodType } from "zod";

import { FileNotFoundError, InvalidInputError } from "../errors.js";

/** Reads a text file, or throws a `FileNotFoundError` naming it. */
export async function readTextFile(path: string, what = "file"): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new FileNotFoundError(path, what, { cause: error });
  }
}

/** Reads and parses a JSON file, naming the file and the position of a syntax error. */
export async function readJsonFile(path: string, what = "JSON file"): Promise<unknown> {
  const text = await readTextFile(path, what);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : "";
    throw new InvalidInputError(`The ${what} ${path} is not valid JSON${detail}.`, { cause: error });
  }
}

/** Reads a JSON file and validates it with a zod schema; the first problem is named in the error. */
export async function readValidatedJsonFile<T>(path: string, schema: ZodType<T>, what: string): Promise<T> {
  const json = await readJsonFile(path, what);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
    throw new InvalidInputError(`The ${what} ${path} is invalid${where}: ${issue?.message ?? "unknown problem"}.`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Whether a file exists and can be accessed. */
export async function fileExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
