import { z } from "zod";

/** A refund request: the whole remaining amount when `amount` is left out. */
export const refundSchema = z.object({
  amount: z
    .number()
    .int("Whole minor units")
    .positive("More than zero")
    .max(1_000_000_000)
    .optional()
    .meta({ description: "Minor units; default: everything not yet refunded" }),
  reason: z.string().trim().min(1, "Give a reason, e.g. customer cancelled").max(500),
});
