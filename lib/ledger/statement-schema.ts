// A statement's date range (no database: the portal form and the route parse it alike).
import { z } from "zod";
import { isoDate } from "@/lib/http/schemas";

export const STATEMENT_MAX_DAYS = 5 * 366;

export const statementRangeSchema = z
  .object({ from: isoDate(), to: isoDate() })
  .refine((r) => r.from <= r.to, { path: ["to"], message: "must be on or after the start date" })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 <= STATEMENT_MAX_DAYS, {
    path: ["from"],
    message: "a statement covers at most five years",
  });
