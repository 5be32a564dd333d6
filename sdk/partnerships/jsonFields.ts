import { getAddress, isAddress } from "ethers";
import { z } from "zod";

/** Field schemas shared by the partnership JSON formats (signature and termination packets). */

/** A whole number, written in decimal or as a JSON number, read as a bigint. */
export const uintField = z
  .union([z.string().regex(/^\d+$/, "must be a whole number written in decimal"), z.number().int().nonnegative()])
  .transform((value) => BigInt(value));

/** An address, checksummed on the way in. */
export const addressField = z
  .string()
  .refine((value) => isAddress(value), "must be an address")
  .transform((value) => getAddress(value));

/** A 0x-prefixed 32-byte hex value. */
export const bytes32Field = z.string().regex(/^0x[0-9a-fA-F]{64}$/, "must be a 0x-prefixed 32-byte hex value");
