// Query parameters the reports take, shared by the admin pages and /api/v1/reports/*.
import { z } from "zod";
import { id, isoDate } from "@/lib/http/schemas";
import { daysBetween } from "@/lib/time/dates";

const MAX_RANGE_DAYS = 3660;

/** A period report: both ends inclusive calendar dates in the ISP's time zone. */
export const reportRangeSchema = z
  .object({
    from: isoDate().meta({ description: "First day (inclusive)" }),
    to: isoDate().meta({ description: "Last day (inclusive)" }),
  })
  .refine((r) => r.from <= r.to, { message: "must not be before from", path: ["to"] })
  .refine((r) => r.from > r.to || daysBetween(r.from, r.to) <= MAX_RANGE_DAYS, {
    message: "a report covers at most ten years",
    path: ["to"],
  });
export type ReportRange = z.infer<typeof reportRangeSchema>;

export const agingQuerySchema = z.object({
  asOf: isoDate().optional().meta({ description: "Day the aging is taken on; default today" }),
  customerId: id().optional().meta({ description: "Drill down: this customer's open invoices" }),
});
export type AgingQuery = z.infer<typeof agingQuerySchema>;
