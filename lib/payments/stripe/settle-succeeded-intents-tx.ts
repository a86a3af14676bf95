// Succeeded PaymentIntents become money on our books, many at once, inside the caller's
// transaction: the same rules as one at a time (settlePaymentIntent delegates here), in a
// constant number of statements. Under the customers' locks each attempt row only moves forward
// (PENDING or FAILED → SUCCEEDED); a succeeded attempt is never touched again, so a replayed,
// duplicated or late event — also twice in one batch — leaves exactly one payment. An intent we
// have no row for (it succeeded before our record committed, or was made outside Lastmile for a
// known Stripe customer) is recorded from its metadata.
import "server-only";
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import type { Tx } from "@/lib/db";
import { getSettings } from "@/lib/settings/get-settings";
import { now } from "@/lib/time/clock";
import { dateInZone } from "@/lib/time/dates";
import { receivePaymentsBulkTx, type BulkAttempt } from "../receive-payments-bulk-tx";
import { intentOutcome } from "./intent-outcome";
import type { SettleResult } from "./settle-payment-intent";

const idOf = (v: string | { id: string } | null | undefined) =>
  v == null ? null : typeof v === "string" ? v : v.id;

type AttemptRow = {
  id: string;
  customerId: string;
  status: string;
  externalId: string | null;
  idempotencyKey: string | null;
  attemptInvoiceId: string | null;
  attemptInstalmentId: string | null;
};

/** The rows an intent may be recorded as: by its id, our payment id or our attempt key. */
const rowKeys = (intents: Stripe.PaymentIntent[]) => [
  intents.map((i) => i.id),
  intents.map((i) => i.metadata?.paymentId).filter(Boolean),
  intents.map((i) => i.metadata?.attemptKey).filter(Boolean),
];

const ROW_MATCH = `provider = 'STRIPE'
  AND ("externalId" = ANY($1::text[]) OR id = ANY($2::text[]) OR "idempotencyKey" = ANY($3::text[]))`;

function rowFor(intent: Stripe.PaymentIntent, rows: AttemptRow[], customerId?: string) {
  const mine = rows.filter((r) => !customerId || r.customerId === customerId);
  return (
    mine.find((r) => r.externalId === intent.id) ??
    mine.find(
      (r) =>
        (!!intent.metadata?.paymentId && r.id === intent.metadata.paymentId) ||
        (!!intent.metadata?.attemptKey && r.idempotencyKey === intent.metadata.attemptKey),
    )
  );
}

/** Each intent's customer: from our row, else its metadata, else its Stripe customer. */
async function findCustomers(tx: Tx, intents: Stripe.PaymentIntent[]) {
  const rows = await tx.$queryRawUnsafe<AttemptRow[]>(
    `SELECT id, "customerId", status::text AS status, "externalId", "idempotencyKey",
            "attemptInvoiceId", "attemptInstalmentId"
       FROM "Payment" WHERE ${ROW_MATCH}`,
    ...rowKeys(intents),
  );
  const byMeta = await tx.customer.findMany({
    where: { id: { in: intents.map((i) => i.metadata?.customerId).filter(Boolean) } },
    select: { id: true },
  });
  const byStripe = await tx.customer.findMany({
    where: {
      stripeCustomerId: { in: intents.map((i) => idOf(i.customer)).filter((c) => c !== null) },
    },
    select: { id: true, stripeCustomerId: true },
  });
  const known = new Set(byMeta.map((c) => c.id));
  const stripeMap = new Map(byStripe.map((c) => [c.stripeCustomerId, c.id]));
  return new Map(
    intents.map((i) => {
      const meta = i.metadata?.customerId;
      const stripeCustomer = idOf(i.customer);
      const id =
        rowFor(i, rows)?.customerId ??
        (meta && known.has(meta) ? meta : undefined) ??
        (stripeCustomer ? stripeMap.get(stripeCustomer) : undefined);
      return [i.id, id] as const;
    }),
  );
}

/** An instalment's money goes to its arrangement's invoices (oldest due first). */
async function arrangedInvoices(tx: Tx, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map<string, string[]>();
  const rows = await tx.$queryRawUnsafe<{ id: string; invoiceIds: string[] }[]>(
    `SELECT ai.id, a."invoiceIds" FROM "ArrangementInstalment" ai
       JOIN "PaymentArrangement" a ON a.id = ai."arrangementId" WHERE ai.id = ANY($1::text[])`,
    wanted,
  );
  return new Map(rows.map((r) => [r.id, r.invoiceIds]));
}

export async function settleSucceededIntentsTx(
  tx: Tx,
  all: Stripe.PaymentIntent[],
): Promise<Map<string, SettleResult>> {
  const results = new Map<string, SettleResult>();
  const intents = [...new Map(all.map((i) => [i.id, i])).values()].filter(
    (i) => intentOutcome(i).kind === "succeeded",
  );
  if (!intents.length) return results;
  const customerOf = await findCustomers(tx, intents);
  const ours = intents.filter((i) => {
    if (!customerOf.get(i.id))
      results.set(i.id, { result: "unchanged", paymentId: null, status: "not ours" });
    return !!customerOf.get(i.id);
  });
  const customerIds = [...new Set(ours.map((i) => customerOf.get(i.id)!))].sort();
  if (!customerIds.length) return results;
  const customers = await tx.$queryRawUnsafe<{ id: string; currency: string }[]>(
    `SELECT id, currency FROM "Customer" WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
    customerIds,
  );
  const currencyOf = new Map(customers.map((c) => [c.id, c.currency]));
  const rows = await tx.$queryRawUnsafe<AttemptRow[]>(
    `SELECT id, "customerId", status::text AS status, "externalId", "idempotencyKey",
            "attemptInvoiceId", "attemptInstalmentId"
       FROM "Payment" WHERE ${ROW_MATCH} AND "customerId" = ANY($4::text[])
      ORDER BY id FOR UPDATE`,
    ...rowKeys(ours),
    customerIds,
  );
  const arrangedOf = await arrangedInvoices(tx, [
    ...rows.map((r) => r.attemptInstalmentId),
    ...ours.map((i) => i.metadata?.instalmentId),
  ]);
  const created: AttemptRow[] = [];
  const toCreate: Record<string, unknown>[] = [];
  const claimed = new Set<string>();
  const receipts: (BulkAttempt & { intentId: string })[] = [];
  const at = now();
  const { timeZone } = await getSettings(tx);
  for (const intent of ours) {
    const customerId = customerOf.get(intent.id)!;
    const amount = (intentOutcome(intent) as { amount: number }).amount;
    let row = rowFor(intent, [...rows, ...created], customerId);
    if (!row) {
      row = {
        id: randomUUID(),
        customerId,
        status: "PENDING",
        externalId: intent.id,
        idempotencyKey: null,
        attemptInvoiceId: intent.metadata?.invoiceId || null,
        attemptInstalmentId: intent.metadata?.instalmentId || null,
      };
      created.push(row);
      toCreate.push({
        id: row.id,
        customerId,
        amount,
        currency: currencyOf.get(customerId),
        externalId: intent.id,
        attemptInvoiceId: row.attemptInvoiceId,
        attemptInstalmentId: row.attemptInstalmentId,
        attemptKind: intent.metadata?.kind || null,
      });
    }
    if (claimed.has(row.id) || (row.status !== "PENDING" && row.status !== "FAILED")) {
      results.set(intent.id, {
        result: "unchanged",
        paymentId: row.id,
        status: claimed.has(row.id) ? "SUCCEEDED" : row.status,
      });
      continue;
    }
    claimed.add(row.id);
    receipts.push({
      intentId: intent.id,
      attemptId: row.id,
      customerId,
      amount,
      receivedAt: at,
      receivedOn: dateInZone(at, timeZone),
      externalId: intent.id,
      preferInvoiceIds: row.attemptInstalmentId
        ? (arrangedOf.get(row.attemptInstalmentId) ?? [])
        : (intent.metadata?.invoiceIds || row.attemptInvoiceId || "").split(",").filter(Boolean),
      receiptEmail: true,
      audit: { action: "payment.card_received", data: { intent: intent.id, amount } },
    });
  }
  if (toCreate.length)
    await tx.$executeRawUnsafe(
      `INSERT INTO "Payment" (id, "customerId", amount, currency, method, provider, status,
              "externalId", "attemptInvoiceId", "attemptInstalmentId", "attemptKind", reference)
       SELECT r.id, r."customerId", r.amount, r.currency, 'CARD'::"PaymentMethodKind",
              'STRIPE'::"PaymentProvider", 'PENDING'::"PaymentStatus", r."externalId",
              r."attemptInvoiceId", r."attemptInstalmentId", r."attemptKind", r."externalId"
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, "customerId" text, amount int,
              currency text, "externalId" text, "attemptInvoiceId" text,
              "attemptInstalmentId" text, "attemptKind" text)`,
      JSON.stringify(toCreate),
    );
  const booked = await receivePaymentsBulkTx(tx, receipts);
  receipts.forEach((r, k) =>
    results.set(r.intentId, { result: "received", paymentId: booked[k].paymentId }),
  );
  return results;
}
