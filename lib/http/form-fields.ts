// Form controls send text: a ticked checkbox sends "on" and an unticked one nothing, a yes/no
// select sends "true" or "false", one ticked box of a group sends a string, not an array. These
// fields read what forms send and still take what JSON callers send (booleans, arrays), so one
// schema serves the form, the API and the tests. Pure: safe for client components.
import { z } from "zod";
import { isIsoDate } from "@/lib/time/dates";

/** A checkbox: ticked ("on", "true" or true) or not (absent, "false" or false). */
export const checkbox = () =>
  z
    .union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")])
    .optional()
    .transform((v) => v ?? false);

/** A yes/no select ("true"/"false"), or a JSON boolean. */
export const yesNo = () =>
  z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

/** Several values under one name (checkbox groups): absent is none, one is a list of one. */
export const stringList = () =>
  z
    .union([z.array(z.string()), z.string().transform((v) => [v])])
    .optional()
    .transform((v) => v ?? []);

/** A calendar date as a date input sends it ("2026-03-31"). */
export const isoDate = (message = "Use a date like 2026-03-31") =>
  z.string().trim().refine(isIsoDate, message);

/** A file input; an empty one (nothing chosen) arrives as absent. */
export const uploadedFile = (message = "Choose a file") =>
  z.instanceof(File, { message }).refine((f) => f.size > 0, message);
