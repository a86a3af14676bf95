// The auto-pay sweep's attempts for payment-arrangement instalments, committed BEFORE Stripe is
// called (as invoices' are): an instalment of an agreed arrangement whose customer has a default
// card is charged once it is due, for what of it the money paid on the arranged invoices since
// the proposal has not yet covered (the same derivation the dunning planner uses, so a payment
// by other means makes the charge smaller or unnecessary). One attempt per instalment: a declined
// one is not retried — the instalment counts as missed once its grace passes and dunning resumes.
// A PENDING attempt a killed run left is re-sent under its own key
// (`arrangement:<id>:instalment:<n>:attempt:<k>`).
import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { PAID_SQL } from "@/lib/dunning/arrangements/load-arrangement-snapshots";
import { now } from "@/lib/time/clock";
import type { IsoDate } from "@/lib/time/dates";
import { instalmentAttemptKey } from "./attempt-key";
import type { Prepared } from "./charge-invoice";

const CARD = `EXISTS (SELECT 1 FROM "PaymentMethod" m
                WHERE m."customerId" = a."customerId" AND m."isDefault" AND m.kind = 'CARD'
                  AND m."stripePaymentMethodId" IS NOT NULL)`;

type Due = {
  id: string;
  arrangementId: string;
  seq: number;
  customerId: string;
  currency: string;
  unpaid: number;
};

/** Instalments due by `today` (not before `since`), still unpaid and never answered by Stripe. */
function dueInstalments(tx: Tx, today: IsoDate, since: IsoDate, customerIds: string[] | null) {
  return tx.$queryRawUnsafe<Due[]>(
    `WITH arr AS (
       SELECT a.id, a."customerId", a.currency, ${PAID_SQL} AS paid
         FROM "PaymentArrangement" a
        WHERE a.status = 'ACTIVE' AND ($3::text[] IS NULL OR a."customerId" = ANY($3::text[]))
          AND ${CARD}
     ), inst AS (
       SELECT ai.id, ai."arrangementId", ai.seq, ai."dueDate", ai.amount, arr."customerId",
              arr.currency, arr.paid,
              SUM(ai.amount) OVER (PARTITION BY ai."arrangementId" ORDER BY ai.seq) AS cum
         FROM "ArrangementInstalment" ai JOIN arr ON arr.id = ai."arrangementId"
     )
     SELECT id, "arrangementId", seq, "customerId", currency,
            LEAST(amount, cum - paid)::int AS unpaid
       FROM inst
      WHERE "dueDate" BETWEEN $2::date AND $1::date AND cum - paid > 0
        AND NOT EXISTS (SELECT 1 FROM "Payment" p
                         WHERE p."attemptInstalmentId" = inst.id AND p.status <> 'PENDING')
      ORDER BY "customerId", "arrangementId", seq`,
    today,
    since,
    customerIds,
  );
}

export async function prepareInstalmentAttempts(opts: {
  today: IsoDate;
  since: IsoDate;
}): Promise<Prepared[]> {
  const candidates = await dueInstalments(db, opts.today, opts.since, null);
  if (!candidates.length) return [];
  const customerIds = [...new Set(candidates.map((c) => c.customerId))].sort();
  return db.$transaction(
    async (tx) => {
      const customers = await tx.$queryRawUnsafe<{ id: string; stripeCustomerId: string | null }[]>(
        `SELECT id, "stripeCustomerId" FROM "Customer" WHERE id = ANY($1::text[])
          ORDER BY id FOR UPDATE`,
        customerIds,
      );
      const stripeOf = new Map(customers.map((c) => [c.id, c.stripeCustomerId]));
      // Re-read under the locks: a payment that landed meanwhile is seen.
      const due = await dueInstalments(tx, opts.today, opts.since, customerIds);
      const ids = due.map((d) => d.id);
      const pending = await tx.$queryRawUnsafe<
        { id: string; instalmentId: string; key: string; amount: number; pm: string | null }[]
      >(
        `SELECT DISTINCT ON (p."attemptInstalmentId") p.id, p."attemptInstalmentId" AS "instalmentId",
                p."idempotencyKey" AS key, p.amount, m."stripePaymentMethodId" AS pm
           FROM "Payment" p LEFT JOIN "PaymentMethod" m ON m.id = p."paymentMethodId"
          WHERE p."attemptInstalmentId" = ANY($1::text[]) AND p.status = 'PENDING'
            AND p."idempotencyKey" IS NOT NULL
          ORDER BY p."attemptInstalmentId", p."createdAt", p.id`,
        ids,
      );
      const pendingOf = new Map(pending.map((p) => [p.instalmentId, p]));
      const cards = await tx.$queryRawUnsafe<{ id: string; customerId: string; pm: string }[]>(
        `SELECT DISTINCT ON ("customerId") id, "customerId", "stripePaymentMethodId" AS pm
           FROM "PaymentMethod"
          WHERE "customerId" = ANY($1::text[]) AND "isDefault" AND kind = 'CARD'
            AND "stripePaymentMethodId" IS NOT NULL
          ORDER BY "customerId", id`,
        customerIds,
      );
      const cardOf = new Map(cards.map((c) => [c.customerId, c]));
      const attempts = await tx.$queryRawUnsafe<{ instalmentId: string; last: number }[]>(
        `SELECT "attemptInstalmentId" AS "instalmentId", COALESCE(MAX(attempt), 0)::int AS last
           FROM "Payment" WHERE "attemptInstalmentId" = ANY($1::text[]) GROUP BY 1`,
        ids,
      );
      const lastOf = new Map(attempts.map((a) => [a.instalmentId, a.last]));
      const out: Prepared[] = [];
      const rows: Record<string, unknown>[] = [];
      for (const d of due) {
        const stripeCustomerId = stripeOf.get(d.customerId);
        const instalment = { id: d.id, arrangementId: d.arrangementId, number: d.seq + 1 };
        const common = { customerId: d.customerId, invoiceNumber: null, instalment };
        const p = pendingOf.get(d.id);
        if (p?.pm && stripeCustomerId) {
          out.push({
            ...common,
            paymentId: p.id,
            key: p.key,
            amount: p.amount,
            currency: d.currency,
            stripeCustomerId,
            stripePaymentMethodId: p.pm,
          });
          continue;
        }
        const card = cardOf.get(d.customerId);
        if (!card || !stripeCustomerId) continue;
        const attempt = (lastOf.get(d.id) ?? 0) + 1;
        const key = instalmentAttemptKey(d.arrangementId, instalment.number, attempt);
        const id = randomUUID();
        rows.push({
          id,
          customerId: d.customerId,
          amount: d.unpaid,
          currency: d.currency,
          key,
          attempt,
          instalmentId: d.id,
          paymentMethodId: card.id,
        });
        out.push({
          ...common,
          paymentId: id,
          key,
          amount: d.unpaid,
          currency: d.currency,
          stripeCustomerId,
          stripePaymentMethodId: card.pm,
        });
      }
      if (rows.length)
        await tx.$executeRawUnsafe(
          `INSERT INTO "Payment" (id, "customerId", amount, currency, method, provider, status,
                  "idempotencyKey", attempt, "attemptInstalmentId", "attemptKind",
                  "paymentMethodId", "createdAt", "receivedAt")
           SELECT r.id, r."customerId", r.amount, r.currency, 'CARD'::"PaymentMethodKind",
                  'STRIPE'::"PaymentProvider", 'PENDING'::"PaymentStatus", r.key, r.attempt,
                  r."instalmentId", 'AUTO_PAY', r."paymentMethodId", $2, $2
             FROM jsonb_to_recordset($1::jsonb) AS r(id text, "customerId" text, amount int,
                  currency text, key text, attempt int, "instalmentId" text,
                  "paymentMethodId" text)`,
          JSON.stringify(rows),
          now(),
        );
      return out;
    },
    { timeout: 120_000 },
  );
}
