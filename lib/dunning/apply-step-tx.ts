// Takes a page of planned steps inside the caller's transaction, in a constant number of
// statements whatever the page holds. The history row is each step's record (the customer page
// and the API show it), so the system's steps write no separate audit row. The history rows go
// first with ON CONFLICT DO NOTHING on (customer, step, invoice): only the rows this call
// inserted have effects, so a step already taken — by an earlier sweep, a concurrent one, or a
// retry — sends, charges and suspends nothing again.
import "server-only";
import type { Tx } from "@/lib/db";
import type { DunningState } from "@/lib/generated/prisma/enums";
import { now } from "@/lib/time/clock";
import type { IsoDate } from "@/lib/time/dates";
import { chargeFeesTx, type FeeCharge } from "./charge-fees-tx";
import type { PlannedStep } from "./plan-account";
import { notifyStepsTx, type MessageContext } from "./notify-step-tx";
import { STATE_AFTER } from "./steps";
import { suspendServicesTx, throttleServicesTx, type ServiceChange } from "./service-actions-tx";

export type EventRow = Omit<PlannedStep, "amount"> & {
  amount: number;
  currency: string;
  date: IsoDate;
};

const eventKey = (e: { customerId: string; step: string; invoiceId: string }) =>
  `${e.customerId} ${e.step} ${e.invoiceId}`;

/** Inserts the history rows not yet taken; returns the new rows' ids by (customer, step, invoice). */
export async function insertEventsTx(tx: Tx, events: EventRow[]): Promise<Map<string, string>> {
  if (!events.length) return new Map();
  const col = <T>(f: (e: EventRow) => T) => events.map(f);
  const rows = await tx.$queryRawUnsafe<
    { id: string; customerId: string; step: string; invoiceId: string }[]
  >(
    `INSERT INTO "DunningEvent" (id, "customerId", step, "invoiceId", "invoiceIds", amount, currency, reason, date, at)
     SELECT gen_random_uuid()::text, v.customer, v.step, v.invoice,
            ARRAY(SELECT jsonb_array_elements_text(v.invoices::jsonb)), v.amount, v.currency, v.reason, v.day, $9
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::date[])
            AS v(customer, step, invoice, invoices, amount, currency, reason, day)
     ON CONFLICT ("customerId", step, "invoiceId") DO NOTHING
     RETURNING id, "customerId", step, "invoiceId"`,
    col((e) => e.customerId),
    col((e) => e.step),
    col((e) => e.invoiceId),
    col((e) => JSON.stringify(e.invoiceIds)),
    col((e) => e.amount),
    col((e) => e.currency),
    col((e) => e.reason),
    col((e) => e.date),
    now(),
  );
  return new Map(rows.map((r) => [eventKey(r), r.id]));
}

export async function insertEventTx(tx: Tx, e: EventRow): Promise<string | null> {
  return (await insertEventsTx(tx, [e])).get(eventKey(e)) ?? null;
}

export async function setStatesTx(tx: Tx, states: { customerId: string; state: DunningState }[]) {
  if (!states.length) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "DunningAccount" ("customerId", state, "updatedAt")
     SELECT v.customer, v.state::"DunningState", now()
       FROM unnest($1::text[], $2::text[]) AS v(customer, state)
     ON CONFLICT ("customerId") DO UPDATE SET state = EXCLUDED.state, "updatedAt" = EXCLUDED."updatedAt"`,
    states.map((s) => s.customerId),
    states.map((s) => s.state),
  );
}

export const setStateTx = (tx: Tx, customerId: string, state: DunningState) =>
  setStatesTx(tx, [{ customerId, state }]);

/** A planned step with what taking it needs from the account's snapshot. */
export type StepToApply = {
  plan: PlannedStep;
  /** The customer's local day. */
  date: IsoDate;
  currency: string;
  reconnectionFee: number;
  autoPay: boolean;
  message: MessageContext;
};

/** Takes the steps (a customer's in plan order); returns those taken and the services changed. */
export async function applyStepsTx(
  tx: Tx,
  steps: StepToApply[],
): Promise<{ taken: PlannedStep[]; serviceChanges: ServiceChange[] }> {
  const ids = await insertEventsTx(
    tx,
    steps.map((s) => ({ ...s.plan, currency: s.currency, date: s.date })),
  );
  const fresh = steps
    .map((s) => ({ ...s, eventId: ids.get(eventKey(s.plan)) }))
    .filter((s): s is StepToApply & { eventId: string } => s.eventId !== undefined);
  const customersAt = (step: PlannedStep["step"]) =>
    fresh.filter((s) => s.plan.step === step).map((s) => s.plan.customerId);

  const throttled = await throttleServicesTx(tx, customersAt("soft-suspend"));
  const suspended = await suspendServicesTx(
    tx,
    fresh
      .filter((s) => s.plan.step === "suspend")
      .map((s) => ({ customerId: s.plan.customerId, date: s.date })),
  );
  const fees: FeeCharge[] = fresh.flatMap((s) => {
    const fee = { eventId: s.eventId, customerId: s.plan.customerId, date: s.date };
    if (s.plan.step === "late-fee")
      return [{ ...fee, description: "Late payment fee", amount: s.plan.amount }];
    if (s.plan.step === "suspend" && s.reconnectionFee > 0)
      return [{ ...fee, description: "Reconnection fee", amount: s.reconnectionFee }];
    return [];
  });
  await chargeFeesTx(tx, fees);
  // The state the customer's last step leaves (one row per customer: one statement may not
  // update a row twice).
  const states = new Map<string, DunningState>();
  for (const s of fresh) {
    const state = STATE_AFTER[s.plan.step];
    if (state) states.set(s.plan.customerId, state);
  }
  await setStatesTx(
    tx,
    [...states].map(([customerId, state]) => ({ customerId, state })),
  );
  await notifyStepsTx(
    tx,
    fresh.map((s) => ({
      eventId: s.eventId,
      customerId: s.plan.customerId,
      step: s.plan.step,
      invoiceId: s.plan.invoiceId,
      amount: s.plan.amount,
      fee: s.plan.step === "late-fee" ? s.plan.amount : undefined,
      autoPay: s.autoPay,
      context: s.message,
    })),
  );
  return {
    taken: fresh.map((s) => s.plan),
    serviceChanges: [
      ...throttled.map((t) => ({ subscriptionId: t.id, change: "soft-suspend" as const })),
      ...suspended.map((t) => ({ subscriptionId: t.id, change: "suspend" as const })),
    ],
  };
}
