// Plans and add-ons as the API returns them. Money is integer minor units; `taxBehavior` is the
// plan's own (Stripe Price tax_behavior), null when the ISP's pricesIncludeTax applies.
import { z } from "zod";
import type { listProducts } from "./list-products";

export const planSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    kind: z.enum(["PLAN", "ADDON"]),
    technology: z.enum(["FIBRE", "WIRELESS", "LTE"]).nullable(),
    downloadMbps: z.number().nullable(),
    uploadMbps: z.number().nullable(),
    dataCapGb: z.number().nullable(),
    capAction: z.enum(["NOTIFY", "THROTTLE", "BLOCK", "BILL_OVERAGE"]),
    fupDownloadMbps: z.number().int().nullable(),
    fupUploadMbps: z.number().int().nullable(),
    overagePerGb: z.number().int().nullable().meta({ description: "Minor units per GB" }),
    uncountedFromHour: z.number().int().nullable(),
    uncountedToHour: z.number().int().nullable(),
    capRollover: z.boolean(),
    topUpGb: z.number().int().nullable(),
    topUpPrice: z.number().int().nullable().meta({ description: "Minor units" }),
    price: z.number().int().meta({ description: "Per interval, minor units" }),
    interval: z.enum(["MONTH", "QUARTER", "YEAR"]),
    setupFee: z.number().int(),
    contractMonths: z.number().int(),
    earlyTerminationPercent: z.number().int(),
    noticeDays: z.number().int(),
    addonCharge: z.enum(["RECURRING", "ONCE_OFF"]),
    status: z.enum(["ACTIVE", "RETIRED"]),
    taxClassId: z.string(),
    taxClass: z.string().meta({ description: "The tax class's name" }),
    taxBehavior: z.enum(["inclusive", "exclusive"]).nullable(),
    coverageAreaCount: z.number().int(),
    activeServices: z.number().int(),
  })
  .meta({ id: "Plan" });

type ProductRow = Awaited<ReturnType<typeof listProducts>>[number];

export function serializePlan({ _count, taxClass, taxBehavior, ...p }: ProductRow) {
  return {
    ...p,
    taxClass: taxClass.name,
    taxBehavior: taxBehavior ? (taxBehavior.toLowerCase() as "inclusive" | "exclusive") : null,
    coverageAreaCount: _count.coverageAreas,
    activeServices: _count.subscriptions,
  };
}
