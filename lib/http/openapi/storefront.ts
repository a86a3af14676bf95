// The storefront's own helpers (public, rate-limited per IP): address look-up for the coverage
// search box and the basket's price. Mounted under /api/storefront, outside the versioned API.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import { BillingInterval, Technology } from "@/lib/generated/prisma/enums";
import { text } from "@/lib/http/schemas";
import { addressQuerySchema } from "@/lib/coverage/feasibility-schema";
import { minor } from "./common";

const totals = z.object({ netAmount: minor(), taxAmount: minor(), totalAmount: minor() });

/** A basket priced on the server from catalogue prices only (lib/orders/build-quote.ts). */
export const Quote = z
  .object({
    currency: z.string(),
    pricesIncludeTax: z.boolean(),
    plan: z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      technology: z.enum(Technology).nullable(),
      interval: z.enum(BillingInterval),
      contractMonths: z.int(),
      earlyTerminationPercent: z.int(),
      downloadMbps: z.int().nullable(),
      uploadMbps: z.int().nullable(),
      dataCapGb: z.int().nullable(),
      fairUseNote: z.string().nullable(),
    }),
    lines: z.array(
      z.object({
        productId: z.string(),
        code: z.string(),
        description: z.string(),
        kind: z
          .enum(["RECURRING", "SETUP", "ONCE_OFF"])
          .meta({ description: "SETUP: with the first period; ONCE_OFF: at activation" }),
        interval: z.enum(BillingInterval).nullable(),
        amount: minor(),
        netAmount: minor(),
        taxAmount: minor(),
        totalAmount: minor(),
        taxRate: z.string(),
      }),
    ),
    totals: z.object({ recurring: totals, onceOff: totals, firstInvoice: totals }),
  })
  .meta({ id: "Quote" });

export const searchAddresses = defineOperation({
  method: "GET",
  prefix: "/api",
  path: "/storefront/addresses",
  tag: "Storefront",
  summary: "Serviceable addresses matching typed words (public; rate-limited per IP)",
  query: addressQuerySchema,
  rateLimited: true,
  responses: {
    200: z.object({
      matches: z.array(
        z.object({
          id: z.string().nullable().meta({ description: "Null for a geocoder match" }),
          label: z.string(),
          lat: z.number(),
          lng: z.number(),
          source: z.enum(["list", "geocoder"]),
        }),
      ),
    }),
  },
});

export const quoteBasket = defineOperation({
  method: "GET",
  prefix: "/api",
  path: "/storefront/quote",
  tag: "Storefront",
  summary: "Price a basket: a plan and add-ons by code (public; rate-limited per IP)",
  query: z.object({
    plan: text().trim().min(1, "Choose a plan").max(40),
    addons: text().max(440).optional().meta({ description: "Add-on codes, comma-separated" }),
  }),
  rateLimited: true,
  responses: { 200: Quote },
});

export const storefrontOperations = [searchAddresses, quoteBasket];
