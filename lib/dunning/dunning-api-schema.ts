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

export const proposeArrangementBodySchema = z
  .object({
    instalments: z
      .array(
        z.object({
          dueDate: isoDate(),
          amount: z.number().int("must be whole minor units").min(1).max(1_000_000_000),
        }),
      )
      .min(1)
      .max(24)
      .meta({ description: "Payments in date order; they must add up to the overdue balance" }),
    note: text().trim().max(500).optional(),
  })
  .meta({ id: "ArrangementProposal" });

export const decideArrangementBodySchema = z
  .object({ reason: text().trim().max(500).optional() })
  .meta({ id: "ArrangementDecision" });

export const arrangementParamsSchema = z.object({
  id: text().min(1).max(64).meta({ description: "Customer id" }),
  arrangementId: text().min(1).max(64).meta({ description: "Arrangement id" }),
});
