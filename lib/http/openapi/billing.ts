// Billing runs: bill everything due on or before a date, safely repeatable.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import { rolesWith } from "@/lib/auth/roles";
import { isoDate, limit } from "@/lib/http/schemas";
import { date, dateTime, idParams, minor } from "./common";

export const BillingRun = z
  .object({
    id: z.string(),
    asOf: date(),
    status: z.enum(["RUNNING", "COMPLETED", "FAILED"]),
    trigger: z.string().meta({ examples: ["cron", "admin", "api"] }),
    dueCount: z.int(),
    processedCount: z.int(),
    invoicesCreated: z.int(),
    invoicesTotal: minor(),
    error: z.string().nullable(),
    startedAt: dateTime(),
    heartbeatAt: dateTime().nullable(),
    finishedAt: dateTime().nullable(),
    interrupted: z.boolean().meta({ description: "RUNNING but no progress for 15 minutes" }),
  })
  .meta({ id: "BillingRun" });

export const listBillingRuns = defineOperation({
  method: "GET",
  path: "/billing-runs",
  tag: "Billing runs",
  summary: "Recent billing runs, newest first (billing:read)",
  roles: rolesWith("billing:read"),
  query: z.object({ limit: limit(200, 50) }),
  responses: { 200: z.object({ runs: z.array(BillingRun) }) },
});

export const startBillingRun = defineOperation({
  method: "POST",
  path: "/billing-runs",
  tag: "Billing runs",
  summary: "Start a billing run (billing:run)",
  description:
    "Bills everything due on or before `asOf` (default today in the ISP's zone; at most tomorrow) that is not yet billed. Safe to repeat: a second run on the same date creates nothing. Answers 202 with the run at once (follow it with GET /billing-runs/{id}); with `wait: true`, 200 with the finished run.",
  roles: rolesWith("billing:run"),
  body: z.object({
    asOf: isoDate().optional(),
    wait: z.boolean().default(false),
  }),
  responses: { 202: BillingRun, 200: BillingRun },
});

export const previewBillingRun = defineOperation({
  method: "GET",
  path: "/billing-runs/preview",
  tag: "Billing runs",
  summary: "What a run would bill, without billing (billing:read)",
  roles: rolesWith("billing:read"),
  query: z.object({ asOf: isoDate().optional().meta({ description: "Default: today" }) }),
  responses: {
    200: z.object({
      asOf: date(),
      customers: z.int(),
      subscriptions: z.int(),
      total: minor(),
      byPlan: z.array(
        z.object({
          productId: z.string(),
          name: z.string(),
          subscriptions: z.int(),
          total: minor(),
        }),
      ),
    }),
  },
});

export const getBillingRun = defineOperation({
  method: "GET",
  path: "/billing-runs/{id}",
  tag: "Billing runs",
  summary: "A billing run and its result (billing:read)",
  roles: rolesWith("billing:read"),
  params: idParams("Billing run"),
  responses: { 200: BillingRun },
});

export const billingOperations = [
  listBillingRuns,
  startBillingRun,
  previewBillingRun,
  getBillingRun,
];
