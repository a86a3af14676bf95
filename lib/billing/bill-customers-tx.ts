// One batch of billing, inside the caller's transaction: lock the customers' due subscriptions,
// apply the billing rules, write one invoice per customer with set-based inserts, advance the
// subscriptions; unless invoices are held for review they are written final (number, snapshot,
// ledger) with no draft in between.
// The nightly run, plan changes, cancellations and "invoice now" one-offs all come through here.
import Decimal from "decimal.js";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import type { IsoDate } from "@/lib/time/dates";
import { composeInvoice, type InvoiceDraft } from "./compose-invoice";
import { insertFinalInvoices } from "./insert-final-invoices";
import { insertInvoiceDrafts } from "./insert-invoice-drafts";
import { loadBillingInputs } from "./load-billing-inputs";
import { planSubscription } from "@/lib/subscriptions/plan-subscription";
import { fromDbDate } from "@/lib/time/dates";
import type { LineDraft, PlanResult } from "./types";
import { claimOneOffCharges, saveBillingState } from "./save-billing-state";
import { findLineConflicts } from "./find-line-conflicts";
import { getBillingSettings } from "./billing-settings";

export type BillingSettings = {
  pricesIncludeTax: boolean;
  paymentTermsDays: number;
  suspensionBilling: "CONTINUE" | "SKIP";
  invoiceHoldHours: number;
};

export type BatchResult = {
  subscriptions: number; // subscriptions advanced
  invoiceIds: string[];
  /** Invoices finalised in this batch (none while drafts are held for review). */
  finalized: { invoiceId: string; customerId: string }[];
  invoicesTotal: number;
  conflicts: number;
};

type OneOffRow = {
  id: string;
  customerId: string;
  subscriptionId: string | null;
  description: string;
  amount: number;
  /** numeric(14,4) as text: usage charges bill fractions of a GB. */
  quantity: string;
  taxRate: string;
  chargeDate: Date;
  lineKind: "ONE_OFF" | "USAGE";
  periodStart: Date | null;
  periodEnd: Date | null;
};

export async function billCustomersTx(
  tx: Tx,
  opts: {
    customerIds: string[];
    asOf: IsoDate;
    /** The invoices' issue date when it is not `asOf` (a back-dated change is invoiced today). */
    issueDate?: IsoDate;
    settings: BillingSettings;
    billingRunId: string | null;
    now: Date;
  },
): Promise<BatchResult> {
  const { asOf, settings } = opts;
  const inputs = await loadBillingInputs(tx, {
    customerIds: opts.customerIds,
    asOf,
    lock: true,
    suspensions: settings.suspensionBilling === "SKIP",
  });
  const oneOffs = await tx.$queryRawUnsafe<OneOffRow[]>(
    `SELECT o.id, o."customerId", o."subscriptionId", o.description, o.amount, o.quantity::text AS quantity, t.rate::text AS "taxRate", o."chargeDate",
            o."lineKind"::text AS "lineKind", o."periodStart", o."periodEnd"
       FROM "OneOffCharge" o JOIN "TaxClass" t ON t.id = o."taxClassId"
      WHERE o."customerId" = ANY($1::text[]) AND o."invoiceLineId" IS NULL AND o."chargeDate" <= $2::date
      ORDER BY o."chargeDate", o."createdAt" FOR UPDATE OF o SKIP LOCKED`,
    opts.customerIds,
    asOf,
  );

  const byCustomer = new Map<string, { drafts: LineDraft[]; subs: string[] }>();
  const entry = (customerId: string) => {
    let e = byCustomer.get(customerId);
    if (!e) byCustomer.set(customerId, (e = { drafts: [], subs: [] }));
    return e;
  };
  const plans: PlanResult[] = [];
  for (const sub of inputs.subs) {
    const plan = planSubscription({
      sub,
      asOf,
      planChanges: inputs.planChanges.get(sub.id) ?? [],
      discounts: inputs.discounts.get(sub.id) ?? [],
      suspensions: inputs.suspensions.get(sub.id) ?? [],
      creditSuspensions: settings.suspensionBilling === "SKIP",
      charged: inputs.charged.get(sub.id) ?? [],
    });
    if (!plan.changed) continue;
    plans.push(plan);
    const e = entry(sub.customerId);
    e.drafts.push(...plan.lines);
    e.subs.push(sub.id);
  }
  for (const o of oneOffs) {
    entry(o.customerId).drafts.push({
      subscriptionId: o.subscriptionId,
      kind: o.lineKind,
      // A usage line names its own period; a one-off is dated by its charge date.
      description:
        o.lineKind === "USAGE" ? o.description : `${o.description} (${fromDbDate(o.chargeDate)})`,
      periodStart: o.periodStart && fromDbDate(o.periodStart),
      periodEnd: o.periodEnd && fromDbDate(o.periodEnd),
      quantity: new Decimal(o.quantity).toString(),
      unitAmount: o.amount,
      amount: new Decimal(o.amount).mul(o.quantity),
      taxRate: o.taxRate,
      oneOffChargeId: o.id,
    });
  }

  const customerIds = [...byCustomer.keys()].filter((id) => byCustomer.get(id)!.drafts.length);
  const currencies = new Map(
    (
      await tx.$queryRawUnsafe<{ id: string; currency: string }[]>(
        `SELECT id, currency FROM "Customer" WHERE id = ANY($1::text[])`,
        customerIds,
      )
    ).map((c) => [c.id, c.currency]),
  );
  const drafts: InvoiceDraft[] = customerIds.map((customerId) => {
    const e = byCustomer.get(customerId)!;
    return composeInvoice({
      customerId,
      currency: currencies.get(customerId)!,
      issueDate: opts.issueDate ?? asOf,
      paymentTermsDays: settings.paymentTermsDays,
      pricesIncludeTax: settings.pricesIncludeTax,
      drafts: e.drafts,
      subscriptionIds: e.subs,
    });
  });
  const conflicts = await findLineConflicts(tx, drafts);
  const written = drafts.filter((i) => !conflicts.has(i.id));
  const conflicted = drafts.filter((i) => conflicts.has(i.id));
  const blocked = new Set(conflicted.flatMap((i) => i.subscriptionIds));
  const saved = plans.filter((p) => !blocked.has(p.sub.id));
  // Subscription state first: finalising takes the number series' lock until commit, so a batch
  // writes what it can before it, while the batch ahead of it still holds the lock.
  await saveBillingState(tx, { plans: saved, now: opts.now });
  // Held for review: drafts, finalised later (billing.finalize-held). Otherwise written final.
  const hold = settings.invoiceHoldHours > 0;
  let finalizedIds: string[] = [];
  if (hold) {
    const finalizeAfter = new Date(opts.now.getTime() + settings.invoiceHoldHours * 3_600_000);
    await insertInvoiceDrafts(tx, written, { billingRunId: opts.billingRunId, finalizeAfter });
  } else {
    finalizedIds = await insertFinalInvoices(tx, written, {
      billingRunId: opts.billingRunId,
      at: opts.now,
    });
  }
  await claimOneOffCharges(
    tx,
    new Map(
      written.flatMap((i) =>
        i.lines.filter((l) => l.oneOffChargeId).map((l) => [l.oneOffChargeId!, l.id] as const),
      ),
    ),
  );

  const invoiceIds = written.map((i) => i.id);
  const customerOf = new Map(written.map((i) => [i.id, i.customerId]));
  return {
    subscriptions: saved.length,
    invoiceIds,
    finalized: finalizedIds.map((id) => ({ invoiceId: id, customerId: customerOf.get(id)! })),
    invoicesTotal: written.reduce((s, i) => s + i.total, 0),
    conflicts: conflicted.length,
  };
}

/**
 * Immediate billing for one customer inside the caller's transaction, as of `asOf`: what an
 * upgrade, an immediate cancellation or an "invoice now" charge needs. The same code path as the
 * run, so the two can never bill a period twice or differently.
 */
export async function billCustomerNowTx(
  tx: Tx,
  customerId: string,
  asOf: IsoDate,
  /** The invoice's date (default `asOf`): a back-dated change bills as of its effective date, today. */
  issueDate: IsoDate = asOf,
): Promise<BatchResult> {
  const result = await billCustomersTx(tx, {
    customerIds: [customerId],
    asOf,
    issueDate,
    settings: await getBillingSettings(tx),
    billingRunId: null,
    now: now(),
  });
  // The unique key refused a line (e.g. a second upgrade on the same day): undo the whole change.
  if (result.conflicts)
    throw new AppError(
      "CONFLICT",
      "This would charge a period that is already on an invoice; try again tomorrow.",
    );
  return result;
}
