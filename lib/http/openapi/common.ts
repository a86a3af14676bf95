// Shapes shared by the operation files: the error body, path ids, dates as the API writes them,
// and the enums from the schema. Response schemas describe the JSON on the wire exactly (tests
// compare live responses against them), so they use plain types: no defaults or transforms.
import { z } from "zod";
import { id } from "@/lib/http/schemas";

export const ApiError = z
  .object({
    error: z.object({
      code: z.string().meta({ examples: ["VALIDATION", "NOT_FOUND"] }),
      message: z.string(),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: "Field path → what is wrong with it" }),
    }),
  })
  .meta({ id: "Error" });

/** `{id}` in a path. */
export const idParams = (what: string) =>
  z.object({ id: id().meta({ description: `${what} id` }) });

/** A calendar date as the API writes it. */
export const date = () => z.iso.date().meta({ examples: ["2026-12-01"] });
/** An instant as the API writes it (UTC, ISO 8601). */
export const dateTime = () => z.iso.datetime();
/** Integer minor units (cents) in a response. */
export const minor = (description = "Minor units (cents)") => z.int().meta({ description });
