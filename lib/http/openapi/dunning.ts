// Dunning: the simulator's forecast, one account's state and history, and a hold.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import { rolesWith } from "@/lib/auth/roles";
import {
  arrangementParamsSchema,
  decideArrangementBodySchema,
  forecastQuerySchema,
  holdBodySchema,
  proposeArrangementBodySchema,
} from "@/lib/dunning/dunning-api-schema";
import { DUNNING_STEPS } from "@/lib/dunning/steps";
import { DunningState } from "@/lib/generated/prisma/enums";
import { date, dateTime, idParams, minor } from "./common";

const step = z.enum(DUNNING_STEPS).meta({ id: "DunningStep" });

const ForecastRow = z
  .object({
    date: date().meta({ description: "The customer's local day the step will be taken" }),
    customerId: z.string(),
    step,
    invoiceIds: z.array(z.string()),
    amount: minor("What is owed (late-fee: the fee), minor units"),
    reason: z.string(),
  })
  .meta({ id: "DunningForecastRow" });

const Arrangement = z
  .object({
    id: z.string(),
    customerId: z.string(),
    status: z.enum(["PENDING", "ACTIVE", "KEPT", "BROKEN", "REJECTED"]),
    currency: z.string(),
    total: minor("The arranged overdue balance"),
    paid: minor("Paid toward it since the arrangement"),
    invoiceIds: z.array(z.string()),
    referReasons: z
      .array(z.string())
      .meta({ description: "Why it waits for ACCOUNTS (empty when inside the rules)" }),
    note: z.string().nullable(),
    proposedBy: z.string(),
    createdAt: dateTime(),
    decidedBy: z.string().nullable(),
    decidedAt: dateTime().nullable(),
    decisionReason: z.string().nullable(),
    endedOn: date().nullable(),
    instalments: z.array(
      z.object({
        dueDate: date(),
        amount: minor(),
        paid: z.boolean().meta({ description: "Covered by the money paid since" }),
      }),
    ),
  })
  .meta({ id: "PaymentArrangement" });

const CustomerDunning = z
  .object({
    state: z.enum(DunningState),
    neverSuspend: z.boolean(),
    holdUntil: date().nullable(),
    holdReason: z.string().nullable(),
    arrangement: Arrangement.nullable().meta({ description: "The latest payment arrangement" }),
    history: z.array(
      z.object({
        at: dateTime(),
        date: date(),
        step,
        invoiceIds: z.array(z.string()),
        amount: minor(),
        currency: z.string(),
        reason: z.string(),
        feeInvoiceId: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "CustomerDunning" });

export const forecastDunningOp = defineOperation({
  method: "GET",
  path: "/dunning/forecast",
  tag: "Dunning",
  summary: "Who will be reminded, charged, throttled or cut off in the next N days, and why",
  description:
    "Computed by the same planner the hourly `dunning.sweep` runs, over today's open invoices, assuming no payment arrives: honours the policy per customer class, holds, never-suspend, credit waiting, weekends, public holidays, the cut-off hour and quiet hours.",
  roles: rolesWith("billing:read"),
  query: forecastQuerySchema,
  responses: { 200: z.object({ data: z.array(ForecastRow) }).meta({ id: "DunningForecast" }) },
});

export const getCustomerDunningOp = defineOperation({
  method: "GET",
  path: "/customers/{id}/dunning",
  tag: "Dunning",
  summary: "An account's dunning state and history",
  roles: rolesWith("customers:read_financial"),
  params: idParams("Customer"),
  responses: { 200: CustomerDunning },
});

export const holdDunningOp = defineOperation({
  method: "POST",
  path: "/customers/{id}/dunning/hold",
  tag: "Dunning",
  summary: "Pause dunning for an account until a date, with a reason",
  description:
    "Nothing is sent, charged or suspended before `until`; `until: null` lifts the hold. `until` must be after today and at most 180 days ahead. Audited.",
  roles: rolesWith("billing:charge"),
  idempotent: true,
  params: idParams("Customer"),
  body: holdBodySchema,
  responses: { 200: CustomerDunning },
});

export const proposeArrangementOp = defineOperation({
  method: "POST",
  path: "/customers/{id}/arrangements",
  tag: "Dunning",
  summary: "Propose a payment arrangement for the overdue balance",
  description:
    "Covers the overdue invoices and dunning fees. Inside the customer class's rules (max instalments, min first payment, max span) it is agreed at once: the account is ARRANGED and dunning pauses. Otherwise it is PENDING until approved or rejected. 409 when nothing is overdue or an arrangement is already pending or agreed. Audited.",
  roles: rolesWith("billing:charge"),
  params: idParams("Customer"),
  body: proposeArrangementBodySchema,
  responses: { 201: Arrangement },
});

export const approveArrangementOp = defineOperation({
  method: "POST",
  path: "/customers/{id}/arrangements/{arrangementId}/approve",
  tag: "Dunning",
  summary: "Approve a pending payment arrangement",
  roles: rolesWith("billing:charge"),
  params: arrangementParamsSchema,
  body: decideArrangementBodySchema,
  responses: { 200: Arrangement },
});

export const rejectArrangementOp = defineOperation({
  method: "POST",
  path: "/customers/{id}/arrangements/{arrangementId}/reject",
  tag: "Dunning",
  summary: "Reject a pending payment arrangement, with a reason the customer is sent",
  roles: rolesWith("billing:charge"),
  params: arrangementParamsSchema,
  body: decideArrangementBodySchema,
  responses: { 200: Arrangement },
});

export const dunningOperations = [
  forecastDunningOp,
  getCustomerDunningOp,
  holdDunningOp,
  proposeArrangementOp,
  approveArrangementOp,
  rejectArrangementOp,
];
