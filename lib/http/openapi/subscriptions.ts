// Subscriptions: create, list. Dates are YYYY-MM-DD in the ISP's time zone; period ends exclusive.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import { createSubscriptionSchema } from "@/lib/subscriptions/create-subscription";
import { subscriptionFilterSchema } from "@/lib/subscriptions/list-subscriptions";

const date = z.string().meta({ format: "date", examples: ["2026-12-01"] });

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
    "Bills in advance from `startDate`. Anniversary cycles bill on the start day (or `anchorDay`), clamped to short months; calendar cycles bill on the 1st and prorate the first period. The plan's price is locked in now.",
  roles: ["ADMIN", "SALES", "ACCOUNTS"],
  body: createSubscriptionSchema,
  responses: { 201: subscriptionSchema },
});

export const subscriptionOperations = [listSubscriptionsOp, createSubscriptionOp];
