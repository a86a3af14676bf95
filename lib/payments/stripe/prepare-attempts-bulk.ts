// The auto-pay sweep's attempts for many invoices at once, committed BEFORE Stripe is called (as
// chargeInvoice's one at a time): a PENDING row per invoice with its idempotency key
// `invoice:<id>:attempt:<n>`, or the PENDING row a killed run left (re-sent under its own key).
// Customers, invoices, cards and attempt counts are read in a few statements and the rows are
// inserted in one; customer credit is spent first, one customer at a time, for the few customers
// who hold any.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { now } from "@/lib/time/clock";
import { attemptKey } from "./attempt-key";
import { spendCreditTx, type Prepared } from "./charge-invoice";

type Invoice = {
  id: string;
  customerId: string;
  status: string;
  open: number;
  currency: string;
  number: string | null;
};

export async function prepareAttemptsBulk(
  invoiceIds: string[],
): Promise<Map<string, Prepared | { skip: string }>> {
  return db.$transaction(
    async (tx) => {
      const out = new Map<string, Prepared | { skip: string }>();
      const customers = await tx.$queryRawUnsafe<
        { id: string; stripeCustomerId: string | null; credit: boolean }[]
      >(
        `SELECT c.id, c."stripeCustomerId",
                EXISTS (SELECT 1 FROM "Payment" p WHERE p."customerId" = c.id
                         AND p.status = 'SUCCEEDED' AND p.unallocated > 0) AS credit
           FROM "Customer" c
          WHERE c.id IN (SELECT "customerId" FROM "Invoice" WHERE id = ANY($1::text[]))
          ORDER BY c.id FOR UPDATE OF c`,
        invoiceIds,
      );
      const customerOf = new Map(customers.map((c) => [c.id, c]));
      const withCredit = customers.filter((c) => c.credit).map((c) => c.id);
      const readInvoices = () =>
        tx.$queryRawUnsafe<Invoice[]>(
          `SELECT id, "customerId", status::text AS status, currency, number,
                  (total - "amountPaid" - "amountCredited")::int AS open
             FROM "Invoice" WHERE id = ANY($1::text[])`,
          invoiceIds,
        );
      let invoices = await readInvoices();
      const pending = await tx.$queryRawUnsafe<
        {
          id: string;
          invoiceId: string;
          key: string | null;
          amount: number;
          currency: string;
          pm: string | null;
        }[]
      >(
        `SELECT p.id, p."attemptInvoiceId" AS "invoiceId", p."idempotencyKey" AS key, p.amount,
                p.currency, m."stripePaymentMethodId" AS pm
           FROM "Payment" p LEFT JOIN "PaymentMethod" m ON m.id = p."paymentMethodId"
          WHERE p."attemptInvoiceId" = ANY($1::text[]) AND p."attemptKind" = 'AUTO_PAY'
            AND p.status = 'PENDING'
          ORDER BY p."createdAt", p.id`,
        invoiceIds,
      );
      const pendingOf = new Map<string, (typeof pending)[number]>();
      for (const p of pending) if (!pendingOf.has(p.invoiceId)) pendingOf.set(p.invoiceId, p);
      const cards = await tx.$queryRawUnsafe<{ id: string; customerId: string; pm: string }[]>(
        `SELECT DISTINCT ON ("customerId") id, "customerId", "stripePaymentMethodId" AS pm
           FROM "PaymentMethod"
          WHERE "customerId" = ANY($1::text[]) AND "isDefault" AND kind = 'CARD'
            AND "stripePaymentMethodId" IS NOT NULL
          ORDER BY "customerId", id`,
        customers.map((c) => c.id),
      );
      const cardOf = new Map(cards.map((c) => [c.customerId, c]));
      // Credit first (rare): the invoices of customers holding credit, one at a time.
      const toCharge = invoices.filter((i) => {
        const p = pendingOf.get(i.id);
        return !(p?.key && p.pm);
      });
      for (const inv of toCharge)
        if (
          withCredit.includes(inv.customerId) &&
          (inv.status === "OPEN" || inv.status === "PARTIALLY_PAID") &&
          cardOf.has(inv.customerId) &&
          customerOf.get(inv.customerId)?.stripeCustomerId
        )
          await spendCreditTx(tx, inv.customerId, inv.id);
      if (withCredit.length) invoices = await readInvoices();
      const attempts = await tx.$queryRawUnsafe<{ invoiceId: string; last: number }[]>(
        `SELECT "attemptInvoiceId" AS "invoiceId", COALESCE(MAX(attempt), 0)::int AS last
           FROM "Payment" WHERE "attemptInvoiceId" = ANY($1::text[]) AND "attemptKind" = 'AUTO_PAY'
          GROUP BY 1`,
        invoiceIds,
      );
      const lastOf = new Map(attempts.map((a) => [a.invoiceId, a.last]));
      const rows: Record<string, unknown>[] = [];
      const at = now();
      for (const inv of invoices) {
        const customer = customerOf.get(inv.customerId)!;
        const p = pendingOf.get(inv.id);
        if (p?.key && p.pm) {
          out.set(inv.id, {
            paymentId: p.id,
            key: p.key,
            amount: p.amount,
            currency: p.currency,
            stripeCustomerId: customer.stripeCustomerId!,
            stripePaymentMethodId: p.pm,
            customerId: inv.customerId,
            invoiceNumber: inv.number,
          });
          continue;
        }
        if (inv.status !== "OPEN" && inv.status !== "PARTIALLY_PAID") {
          out.set(inv.id, { skip: `invoice is ${inv.status.toLowerCase()}` });
          continue;
        }
        const card = cardOf.get(inv.customerId);
        if (!card || !customer.stripeCustomerId) {
          out.set(inv.id, { skip: "no default card" });
          continue;
        }
        if (inv.open <= 0) {
          out.set(inv.id, { skip: "paid from credit" });
          continue;
        }
        const attempt = (lastOf.get(inv.id) ?? 0) + 1;
        const key = attemptKey(inv.id, attempt);
        const id = randomUUID();
        rows.push({
          id,
          customerId: inv.customerId,
          amount: inv.open,
          currency: inv.currency,
          key,
          attempt,
          invoiceId: inv.id,
          paymentMethodId: card.id,
          reference: inv.number,
        });
        out.set(inv.id, {
          paymentId: id,
          key,
          amount: inv.open,
          currency: inv.currency,
          stripeCustomerId: customer.stripeCustomerId,
          stripePaymentMethodId: card.pm,
          customerId: inv.customerId,
          invoiceNumber: inv.number,
        });
      }
      if (rows.length)
        await tx.$executeRawUnsafe(
          `INSERT INTO "Payment" (id, "customerId", amount, currency, method, provider, status,
                  "idempotencyKey", attempt, "attemptInvoiceId", "attemptKind", "paymentMethodId",
                  reference, "createdAt", "receivedAt")
           SELECT r.id, r."customerId", r.amount, r.currency, 'CARD'::"PaymentMethodKind",
                  'STRIPE'::"PaymentProvider", 'PENDING'::"PaymentStatus", r.key, r.attempt,
                  r."invoiceId", 'AUTO_PAY', r."paymentMethodId", r.reference, $2, $2
             FROM jsonb_to_recordset($1::jsonb) AS r(id text, "customerId" text, amount int,
                  currency text, key text, attempt int, "invoiceId" text, "paymentMethodId" text,
                  reference text)`,
          JSON.stringify(rows),
          at,
        );
      return out;
    },
    { timeout: 120_000 },
  );
}
