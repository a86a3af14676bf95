// Zod building blocks for everything that crosses the HTTP boundary: API params, queries and
// bodies, server-action forms, imported files. Each refuses, with a 400 naming the field, input
// PostgreSQL would reject or a billing line could not hold: NUL characters in text, dates that do
// not exist, numbers written as "1e3" or beyond 64 bits, amounts beyond the Int columns.
import { z } from "zod";
import { isIsoDate } from "@/lib/time/dates";
import { MAX_LINE_AMOUNT, MAX_QUANTITY } from "@/lib/money/limits";

export const NUL_MESSAGE = "must not contain NUL characters";
export const hasNul = (s: string) => s.includes("\u0000");

/**
 * Where the first NUL is in a decoded value — a JSON body, a query, a form — as a field path
 * ("lines.0.description"; "" for the value itself), or null when there is none.
 */
export function nulPath(value: unknown, path = ""): string | null {
  const at = (k: string | number) => (path ? `${path}.${k}` : String(k));
  if (typeof value === "string") return hasNul(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = nulPath(value[i], at(i));
      if (hit !== null) return hit;
    }
  } else if (value && typeof value === "object" && !(value instanceof Blob)) {
    for (const [k, v] of Object.entries(value)) {
      const hit = hasNul(k) ? at(k) : nulPath(v, at(k));
      if (hit !== null) return hit;
    }
  }
  return null;
}

/** The line (1-based) of the first NUL in an uploaded file's text, or null: such files are refused. */
export function nulLine(text: string): number | null {
  const at = text.indexOf("\u0000");
  return at < 0 ? null : text.slice(0, at).split("\n").length;
}

/** Any text. PostgreSQL cannot store NUL (U+0000) in text columns, so it is refused here, once. */
export const text = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine((s) => !hasNul(s), { message: NUL_MESSAGE, abort: true });

/** A record id from a path, query or body. */
export const id = () => text().min(1, "is required").max(64, "is not an id");

/** A calendar date that exists, written YYYY-MM-DD (2025-02-30 is refused). */
export const isoDate = () =>
  z
    .string()
    .refine(isIsoDate, "must be a real date written YYYY-MM-DD")
    .meta({ format: "date", examples: ["2026-12-01"] });

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * A whole number from JSON or a query string. Query strings must be plain digits: "1e3", "0x10",
 * "12.0" and " " are refused rather than read as numbers.
 */
export const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v),
    z
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`),
  );

/** A page size: 1..max, `fallback` when absent or blank. */
export const limit = (max: number, fallback: number) =>
  z
    .preprocess(blankToUndefined, wholeNumber(1, max).default(fallback))
    .meta({ description: `Page size, 1–${max} (default ${fallback})` });

/** Money in integer minor units (cents), bounded so no invoice line can overflow its column. */
export const minorUnits = (opts: { min?: number } = {}) =>
  z
    .number({ error: "must be whole minor units (cents)" })
    .int("must be whole minor units (cents)")
    .min(opts.min ?? 0, `must be at least ${opts.min ?? 0}`)
    .max(MAX_LINE_AMOUNT, `must be at most ${MAX_LINE_AMOUNT} minor units`)
    .meta({ description: "Integer minor units (cents)" });

/** A quantity: digits only (a form's "1e3" is refused), 1..MAX_QUANTITY. */
export const quantity = () => wholeNumber(1, MAX_QUANTITY);

/** A query-string flag: true/1 or false/0. */
export const flag = () =>
  z.preprocess(
    (v) => (v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v),
    z.boolean({ error: "must be true or false" }),
  );

/** A keyset cursor over a bigint id: digits within PostgreSQL's bigint. */
export const bigintCursor = () =>
  z
    .string()
    .regex(/^\d{1,19}$/, "must be a cursor from a previous page")
    .refine((v) => BigInt(v) <= 9223372036854775807n, "must be a cursor from a previous page");
