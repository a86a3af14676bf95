// Request shapes of the dunning API (shared by the operations and the admin forms).
import { z } from "zod";
import { flag, isoDate, text, wholeNumber } from "@/lib/http/schemas";

export const forecastQuerySchema = z.object({
  days: wholeNumber(1, 90).meta({ description: "Days ahead, 1–90 (today counts as the first)" }),
});

export const holdBodySchema = z
  .object({
    until: isoDate()
      .nullable()
      .meta({ description: "First day dunning may act again (null lifts the hold)" }),
    reason: text().trim().min(1, "is required").max(500),
    neverSuspend: flag().optional().meta({ description: "Never suspend this account" }),
  })
  .meta({ id: "DunningHold" });
