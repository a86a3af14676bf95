// Subscriptions: create, list, read, change plan, cancel. Dates are YYYY-MM-DD in the ISP's time zone; period ends exclusive.
import { z } from "zod";
import { rolesWith } from "@/lib/auth/roles";
import { defineOperation } from "@/lib/http/define-operation";
import { createSubscriptionSchema } from "@/lib/subscriptions/subscription-schema";
import { subscriptionFilterSchema } from "@/lib/subscriptions/list-subscriptions";
import { isIsoDate } from "@/lib/time/dates";

const date = z.string().meta({ format: "date", examples: ["2026-12-01"] });
const isoDate = z.string().refine(isIsoDate, "Use YYYY-MM-DD").meta({ format: "date" });
const id = z.object({ id: z.string().min(1).max(40) });
const allowBackdate = z
  .boolean()
  .default(false)
  .meta({ description: "ADMIN keys only: allow an effective date before the current period" });

export const subscriptionSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    productId: z.string(),
    parentId: z.string().nullable(),
    status: z.enum(["PENDING", "ACTIVE", "SUSPENDED", "CANCELLED"]),
    quantity: z.number().int(),
    price: z.number().int().meta({ description: "Per interval, locked in, minor units" }),
    interval: z.enum(["MONTH", "QUARTER", "YEAR"]),
    cycleMode: z.enum(["ANNIVERSARY", "CALENDAR"]),
    anchorDay: z.number().int().nullable(),
    startDate: date.nullable(),
    billedThrough: date.nullable().meta({ description: "First day not yet billed" }),
    nextBillDate: date.nullable(),
    contractEndDate: date.nullable(),
    cancelAt: date.nullable().meta({ description: "The day service ends (exclusive)" }),
    cancelRequestedOn: date.nullable().meta({ description: "The day notice was given" }),
    cancelledAt: z.string().nullable(),
  })
  .meta({ id: "Subscription" });

export const listSubscriptionsOp = defineOperation({
  method: "GET",
  path: "/subscriptions",
  tag: "Subscriptions",
  summary: "Subscriptions by customer, status or plan (customers:read)",
  roles: ["ADMIN", "SALES", "ACCOUNTS", "SUPPORT", "TECHNICIAN"],
  query: subscriptionFilterSchema,
  responses: {
    200: z.object({
      data: z.array(
        subscriptionSchema.extend({ productName: z.string(), productCode: z.string() }),
      ),
      nextCursor: z.string().nullable(),
    }),
  },
});

export const createSubscriptionOp = defineOperation({
  method: "POST",
  path: "/subscriptions",
  tag: "Subscriptions",
  summary: "Create a subscription (customers:write)",
  description:
    "Bills in advance from `startDate` (at most SUBSCRIPTION_MAX_BACKDATE_DAYS in the past, 90 by default). Anniversary cycles bill on the start day (or `anchorDay`), clamped to short months; calendar cycles bill on the 1st and prorate the first period. The plan's price is locked in now; price × quantity is at most 10,000,000 minor units.",
  roles: ["ADMIN", "SALES", "ACCOUNTS"],
  body: createSubscriptionSchema,
  responses: { 201: subscriptionSchema },
});

export const changePlanOp = defineOperation({
  method: "POST",
  path: "/subscriptions/{id}/change-plan",
  tag: "Subscriptions",
  summary: "Change plan (customers:write)",
  description:
    "An upgrade (same interval, price per month ≥ current) takes effect on `effectiveDate` (default today) with one invoice crediting unused days and charging the new plan. A downgrade or interval change takes effect at the end of the period containing `effectiveDate` (default today), also before the first invoice. A date in the past is allowed within the current period; earlier only with `allowBackdate` from an ADMIN key: the change's proration lines are computed for each period from its effective date and invoiced today, later periods are billed by runs.",
  roles: ["ADMIN", "SALES", "ACCOUNTS"],
  params: id,
  body: z.object({
    productId: z.string().min(1).max(40),
    effectiveDate: isoDate.optional(),
    allowBackdate,
  }),
  responses: {
    200: z.object({
      planChangeId: z.string(),
      customerId: z.string(),
      kind: z.enum(["upgrade", "downgrade"]),
      effectiveDate: date,
      invoiceIds: z.array(z.string()),
    }),
  },
});

export const cancelSubscriptionOp = defineOperation({
  method: "POST",
  path: "/subscriptions/{id}/cancel",
  tag: "Subscriptions",
  summary: "Cancel a subscription (customers:write)",
  description:
    "`END_OF_PERIOD` (default) records `requestedOn` (the day the customer gave notice, default today) and ends the service at the first period end after it and on or after `requestedOn` + the plan's `noticeDays` — before the first invoice too (its period is billed). `IMMEDIATE` or `ON_DATE` (if the ISP allows) credits unused days. Inside a contract term an early-termination fee is charged. Back-dating beyond the current period needs `allowBackdate` from an ADMIN key.",
  roles: ["ADMIN", "SALES", "ACCOUNTS"],
  params: id,
  body: z.object({
    mode: z.enum(["END_OF_PERIOD", "IMMEDIATE", "ON_DATE"]).default("END_OF_PERIOD"),
    date: isoDate.optional().meta({ description: "ON_DATE: the first day without service" }),
    requestedOn: isoDate.optional(),
    allowBackdate,
  }),
  responses: {
    200: z.object({
      cancelAt: date.meta({ description: "The first day without service" }),
      requestedOn: date,
      invoiceIds: z.array(z.string()),
    }),
  },
});

export const getSubscriptionOp = defineOperation({
  method: "GET",
  path: "/subscriptions/{id}",
  tag: "Subscriptions",
  summary: "A subscription (customers:read)",
  roles: rolesWith("customers:read"),
  params: id,
  responses: {
    200: subscriptionSchema.extend({ productName: z.string(), productCode: z.string() }),
  },
});

export const subscriptionOperations = [
  listSubscriptionsOp,
  createSubscriptionOp,
  getSubscriptionOp,
  changePlanOp,
  cancelSubscriptionOp,
];
