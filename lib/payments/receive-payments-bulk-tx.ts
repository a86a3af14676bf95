// Books many received payments at once, inside the caller's transaction, with the same books the
// one-at-a-time path (receivePaymentTx / receiveAttemptTx → allocatePaymentTx →
// announcePaymentTx) leaves, in a constant number of statements: customers and their open
// invoices are locked and read once, every payment is planned in memory in input order (so two
// payments of one customer see each other, as they would one after the other), then payments,
// ledger entries, allocations and invoice states are written set-based. Receipt numbers are taken
// as one gapless run in input order. The database's commit-time checks (migration payments_core)
// re-check every sum, as they do for the single path. Dunning restore runs only for the few
// customers whose account is in a dunning state.
//
// Why both paths exist: staff, API and pay-now book one payment with field-level validation
// errors on a chosen allocation and the customer's lock held across their own reads; this path
// serves the throughput callers (a bank statement, a batch of card outcomes) and shares the
// allocation planning (planChosen / planOldestFirst) with allocatePaymentTx, so the two cannot
// allocate differently.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { SYSTEM, actorLabel } from "@/lib/auth/roles";
import { serializeInvoice } from "@/lib/billing/serialize";
import { restoreIfClearedTx } from "@/lib/dunning/restore-if-cleared-tx";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PaymentMethodKind, PaymentProvider } from "@/lib/generated/prisma/enums";
import { settlementStatus } from "@/lib/invoices/settlement-status";
import { takeNumbers } from "@/lib/numbering/take-numbers";
import type { IsoDate } from "@/lib/time/dates";
import { enqueueWebhookEvents, hasWebhookSubscribers } from "@/lib/webhooks/enqueue-webhook-event";
import {
  planChosen,
  planOldestFirst,
  type AllocationRequest,
  type OpenInvoice,
} from "./allocate-payment-tx";
import { queueReceiptEmailsTx } from "./receipt/queue-receipt-email-tx";
import { paymentDetails, serializePayment } from "./serialize-payment";

type Common = {
  customerId: string;
  amount: number; // minor units
  receivedAt: Date;
  receivedOn: IsoDate;
  /** Exactly these; otherwise oldest due first, over `preferInvoiceIds` first when given. */
  allocations?: AllocationRequest[];
  preferInvoiceIds?: string[];
  /** Queue the customer's receipt email (card payments do; bank credits do not). */
  receiptEmail?: boolean;
  /** A SYSTEM audit row for the payment; `allocations` is added to its data. */
  audit?: { action: string; data: Record<string, unknown> };
};

/** New money (what receivePaymentTx creates). */
export type BulkNewPayment = Common & {
  method: PaymentMethodKind;
  provider: PaymentProvider;
  reference?: string | null;
  note?: string | null;
  externalId?: string | null;
  recordedById?: string | null;
};

/** A recorded charge attempt (PENDING or FAILED row) that turned into money (receiveAttemptTx). */
export type BulkAttempt = Common & {
  attemptId: string;
  /** The provider's reference when it is known only now; absent keeps the row's. */
  externalId?: string;
};

export type BulkReceipt = BulkNewPayment | BulkAttempt;

export type BulkBooked = { paymentId: string; number: string; applied: AllocationRequest[] };

const isAttempt = (r: BulkReceipt): r is BulkAttempt => "attemptId" in r;

const INVOICE_ORDER = `"customerId", "dueDate", "issueDate", number, id`;

export async function receivePaymentsBulkTx(
  tx: Tx,
  receipts: BulkReceipt[],
): Promise<BulkBooked[]> {
  if (!receipts.length) return [];
  const customerIds = [...new Set(receipts.map((r) => r.customerId))].sort();
  // Lock order as everywhere: customers, invoices, payments.
  const customers = await tx.$queryRawUnsafe<{ id: string; currency: string }[]>(
    `SELECT id, currency FROM "Customer" WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
    customerIds,
  );
  const currencyOf = new Map(customers.map((c) => [c.id, c.currency]));
  const missing = customerIds.find((id) => !currencyOf.has(id));
  if (missing) throw notFound("Customer");
  const open = await tx.$queryRawUnsafe<OpenInvoice[]>(
    `SELECT id, number, "customerId", currency, status::text AS status, total, "amountPaid", "amountCredited"
       FROM "Invoice" WHERE "customerId" = ANY($1::text[]) AND status IN ('OPEN', 'PARTIALLY_PAID')
      ORDER BY ${INVOICE_ORDER} FOR UPDATE`,
    customerIds,
  );
  const openBy = new Map<string, OpenInvoice[]>();
  for (const inv of open) openBy.set(inv.customerId, [...(openBy.get(inv.customerId) ?? []), inv]);
  const attemptIds = receipts.filter(isAttempt).map((r) => r.attemptId);
  const attempts = attemptIds.length
    ? await tx.$queryRawUnsafe<
        { id: string; customerId: string; currency: string; reference: string | null }[]
      >(
        `SELECT id, "customerId", currency, reference FROM "Payment"
          WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
        attemptIds,
      )
    : [];
  const attemptById = new Map(attempts.map((a) => [a.id, a]));

  await tx.$executeRawUnsafe(
    `INSERT INTO "NumberSeries" (code, prefix) VALUES ('RECEIPT', 'RCT-') ON CONFLICT DO NOTHING`,
  );
  const numbers = await takeNumbers(tx, "RECEIPT", receipts.length);

  // Plan every payment in input order against the invoices as the earlier ones left them.
  const allocationRows = new Map<
    string,
    { paymentId: string; invoiceId: string; amount: number }
  >();
  const changed = new Map<string, OpenInvoice>();
  const planned = receipts.map((r, i) => {
    const attempt = isAttempt(r) ? attemptById.get(r.attemptId) : undefined;
    if (isAttempt(r) && (!attempt || attempt.customerId !== r.customerId))
      throw new Error(`attempt ${r.attemptId} is not a payment of customer ${r.customerId}`);
    const paymentId = attempt?.id ?? randomUUID();
    const currency = attempt?.currency ?? currencyOf.get(r.customerId)!;
    const usable = () =>
      (openBy.get(r.customerId) ?? []).filter(
        (o) => o.currency === currency && (o.status === "OPEN" || o.status === "PARTIALLY_PAID"),
      );
    let left = r.amount;
    const applied: AllocationRequest[] = [];
    const apply = (plan: { inv: OpenInvoice; take: number }[]) => {
      for (const { inv, take } of plan) {
        inv.amountPaid += take;
        inv.status = settlementStatus({ ...inv, status: inv.status as never });
        changed.set(inv.id, inv);
        const key = `${paymentId}:${inv.id}`;
        const row = allocationRows.get(key);
        if (row) row.amount += take;
        else allocationRows.set(key, { paymentId, invoiceId: inv.id, amount: take });
        applied.push({ invoiceId: inv.id, amount: take });
        left -= take;
      }
    };
    if (r.allocations) {
      const chosen = new Set(r.allocations.map((a) => a.invoiceId));
      apply(
        planChosen(
          r.allocations,
          usable().filter((o) => chosen.has(o.id)),
          left,
        ),
      );
    } else {
      if (r.preferInvoiceIds?.length) {
        const preferred = new Set(r.preferInvoiceIds);
        apply(
          planOldestFirst(
            usable().filter((o) => preferred.has(o.id)),
            left,
          ),
        );
      }
      apply(planOldestFirst(usable(), left));
    }
    return { r, attempt, paymentId, currency, number: numbers[i], unallocated: left, applied };
  });

  const fresh = planned.filter((p) => !p.attempt);
  if (fresh.length)
    await tx.$executeRawUnsafe(
      `INSERT INTO "Payment" (id, number, status, "receivedAt", "receivedOn", unallocated, "customerId",
              amount, currency, method, provider, reference, note, "externalId", "recordedById")
       SELECT r.id, r.number, 'SUCCEEDED'::"PaymentStatus", r."receivedAt", r."receivedOn"::date, r.unallocated, r."customerId",
              r.amount, r.currency, r.method::"PaymentMethodKind", r.provider::"PaymentProvider",
              r.reference, r.note, r."externalId", r."recordedById"
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, number text, "receivedAt" timestamptz,
              "receivedOn" text, unallocated int, "customerId" text, amount int, currency text,
              method text, provider text, reference text, note text, "externalId" text, "recordedById" text)`,
      JSON.stringify(
        fresh.map(({ r, paymentId, number, unallocated, currency }) => {
          const n = r as BulkNewPayment;
          return {
            id: paymentId,
            number,
            receivedAt: n.receivedAt.toISOString(),
            receivedOn: n.receivedOn,
            unallocated,
            customerId: n.customerId,
            amount: n.amount,
            currency,
            method: n.method,
            provider: n.provider,
            reference: n.reference || null,
            note: n.note || null,
            externalId: n.externalId ?? null,
            recordedById: n.recordedById ?? null,
          };
        }),
      ),
    );
  const received = planned.filter((p) => p.attempt);
  if (received.length)
    await tx.$executeRawUnsafe(
      `UPDATE "Payment" p SET number = r.number, amount = r.amount, status = 'SUCCEEDED'::"PaymentStatus",
              "externalId" = COALESCE(r."externalId", p."externalId"), "failureReason" = NULL,
              "receivedAt" = r."receivedAt", "receivedOn" = r."receivedOn"::date,
              unallocated = r.unallocated, "receiptPdf" = NULL
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, number text, amount int, "externalId" text,
              "receivedAt" timestamptz, "receivedOn" text, unallocated int)
        WHERE p.id = r.id`,
      JSON.stringify(
        received.map(({ r, paymentId, number, unallocated }) => ({
          id: paymentId,
          number,
          amount: r.amount,
          externalId: r.externalId ?? null,
          receivedAt: r.receivedAt.toISOString(),
          receivedOn: r.receivedOn,
          unallocated,
        })),
      ),
    );
  // The one ledger entry of received money (`payment:<id>`, money rule 5).
  await tx.$executeRawUnsafe(
    `INSERT INTO "LedgerEntry" ("customerId", kind, "sourceKey", amount, currency, description,
            "effectiveDate", "paymentId", "createdById")
     SELECT r."customerId", 'PAYMENT'::"LedgerKind", 'payment:' || r.id, -r.amount, r.currency, r.description,
            r."receivedOn"::date, r.id, r."createdById"
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, "customerId" text, amount int, currency text,
            description text, "receivedOn" text, "createdById" text)`,
    JSON.stringify(
      planned.map(({ r, attempt, paymentId, number, currency }) => {
        const reference = attempt ? attempt.reference : (r as BulkNewPayment).reference || null;
        return {
          id: paymentId,
          customerId: r.customerId,
          amount: r.amount,
          currency,
          description: `Payment ${number}${reference ? ` (${reference})` : ""}`,
          receivedOn: r.receivedOn,
          createdById: attempt ? null : ((r as BulkNewPayment).recordedById ?? null),
        };
      }),
    ),
  );
  // Allocations before invoice states: an allocation's trigger checks the invoice is payable.
  if (allocationRows.size) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "PaymentAllocation" (id, "paymentId", "invoiceId", amount)
       SELECT gen_random_uuid()::text, r."paymentId", r."invoiceId", r.amount
         FROM jsonb_to_recordset($1::jsonb) AS r("paymentId" text, "invoiceId" text, amount int)`,
      JSON.stringify([...allocationRows.values()]),
    );
    await tx.$executeRawUnsafe(
      `UPDATE "Invoice" i SET "amountPaid" = r."amountPaid", status = r.status::"InvoiceStatus"
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, "amountPaid" int, status text)
        WHERE i.id = r.id`,
      JSON.stringify(
        [...changed.values()].map((i) => ({
          id: i.id,
          amountPaid: i.amountPaid,
          status: i.status,
        })),
      ),
    );
  }

  await announceTx(
    tx,
    planned,
    [...changed.values()].filter((i) => i.status === "PAID"),
  );
  await queueReceiptEmailsTx(
    tx,
    planned.filter((p) => p.r.receiptEmail).map((p) => p.paymentId),
  );
  const audited = planned.filter((p) => p.r.audit);
  if (audited.length)
    await tx.auditLog.createMany({
      data: audited.map((p) => ({
        actorType: "SYSTEM" as const,
        actorId: null,
        actorLabel: actorLabel(SYSTEM),
        action: p.r.audit!.action,
        entityType: "Payment",
        entityId: p.paymentId,
        customerId: p.r.customerId,
        data: { ...p.r.audit!.data, allocations: p.applied } as Prisma.InputJsonValue,
      })),
    });

  // Dunning: a suspension the money clears is lifted in this transaction (issue 12), and an
  // arrangement whose last instalment this is is kept — only the customers the money reached
  // whose account is in a dunning state (ARRANGED included) need the check.
  const paidCustomers = [
    ...new Set(planned.filter((p) => p.applied.length).map((p) => p.r.customerId)),
  ];
  if (paidCustomers.length) {
    const dunned = await tx.$queryRawUnsafe<{ customerId: string }[]>(
      `SELECT "customerId" FROM "DunningAccount"
        WHERE "customerId" = ANY($1::text[]) AND state::text <> 'CURRENT'
        ORDER BY "customerId"`,
      paidCustomers,
    );
    for (const { customerId } of dunned) await restoreIfClearedTx(tx, { customerId });
  }
  return planned.map((p) => ({ paymentId: p.paymentId, number: p.number, applied: p.applied }));
}

/** `invoice.paid` for each invoice the money paid, then `payment.succeeded` for each payment. */
async function announceTx(tx: Tx, planned: { paymentId: string }[], paid: OpenInvoice[]) {
  if (paid.length && (await hasWebhookSubscribers(tx, "invoice.paid"))) {
    const invoices = await tx.invoice.findMany({ where: { id: { in: paid.map((i) => i.id) } } });
    await enqueueWebhookEvents(
      tx,
      "invoice.paid",
      invoices.map((i) => serializeInvoice(i)),
    );
  }
  if (await hasWebhookSubscribers(tx, "payment.succeeded")) {
    const payments = await tx.payment.findMany({
      where: { id: { in: planned.map((p) => p.paymentId) } },
      include: paymentDetails,
    });
    const byId = new Map(payments.map((p) => [p.id, p]));
    await enqueueWebhookEvents(
      tx,
      "payment.succeeded",
      planned.map((p) => serializePayment(byId.get(p.paymentId)!)),
    );
  }
}
