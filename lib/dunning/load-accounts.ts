// Reads the accounts dunning may act on into planner snapshots, a page at a time: customers with
// an open invoice due before the reminder horizon, and accounts already on the ladder or on hold.
// One set-based query per page, so a sweep over 100k accounts reads only the few thousand that
// owe something.
import "server-only";
import type { Tx } from "@/lib/db";
import { fromDbDate, type IsoDate } from "@/lib/time/dates";
import type { AccountSnapshot } from "./plan-account";
import type { CustomerClass } from "./get-dunning-policies";
import { loadArrangementSnapshots } from "./arrangements/load-arrangement-snapshots";

export type LoadedAccount = AccountSnapshot & {
  customerType: CustomerClass;
  timeZone: string | null;
  state: string;
  /** For the messages: who they go to. */
  recipient: {
    firstName: string;
    email: string;
    phone: string | null;
    accountNumber: string;
    currency: string;
    smsOptOut: boolean;
  };
};

type Row = {
  id: string;
  type: CustomerClass;
  currency: string;
  state: string | null;
  neverSuspend: boolean | null;
  holdUntil: Date | null;
  timeZone: string | null;
  firstName: string;
  email: string;
  phone: string | null;
  accountNumber: string;
  smsOptOut: boolean | null;
  /** [id, due date, open amount] */
  invoices: [string, IsoDate, number][];
  done: string[];
  unallocated: number;
  autoPay: boolean;
};

/** One planner snapshot per customer of `keys` (a relation of customer ids named k), by id. */
const snapshotSql = (keys: string) =>
  `SELECT c.id, c.type::text AS type, c.currency, d.state::text AS state, d."neverSuspend",
       d."holdUntil", d."timeZone", c."firstName", c.email, c.phone, c."accountNumber",
       d."smsOptOut",
       COALESCE((
         SELECT json_agg(json_build_array(i.id, i."dueDate", i.total - i."amountPaid" - i."amountCredited")
                         ORDER BY i."dueDate", i."issueDate", i.number, i.id)
           FROM "Invoice" i
          WHERE i."customerId" = c.id AND i.status IN ('OPEN', 'PARTIALLY_PAID')
            AND i.total - i."amountPaid" - i."amountCredited" > 0
            AND NOT EXISTS (SELECT 1 FROM "DunningEvent" e WHERE e."feeInvoiceId" = i.id)
       ), '[]') AS invoices,
       ARRAY(SELECT e.step || ':' || e."invoiceId" FROM "DunningEvent" e
              WHERE e."customerId" = c.id) AS done,
       (SELECT COALESCE(SUM(p.unallocated), 0)::int FROM "Payment" p
         WHERE p."customerId" = c.id AND p.status = 'SUCCEEDED' AND p.unallocated > 0) AS unallocated,
       (EXISTS (SELECT 1 FROM "PaymentMethod" m
                 WHERE m."customerId" = c.id AND m."isDefault" AND m.kind = 'CARD')
        OR EXISTS (SELECT 1 FROM "DebitMandate" dm
                    WHERE dm."customerId" = c.id AND dm.status = 'ACTIVE')
        OR EXISTS (SELECT 1 FROM "PixRecurrence" pr
                    WHERE pr."customerId" = c.id AND pr.status = 'APROVADA' AND pr.usable)) AS "autoPay"
     FROM ${keys} JOIN "Customer" c ON c.id = k.id
     LEFT JOIN "DunningAccount" d ON d."customerId" = c.id
    ORDER BY c.id`;

/**
 * A keyset page of the accounts (after `afterId`) that may need dunning on or before `horizon`:
 * each with an open invoice due by then, or on the ladder, or on hold.
 */
export async function loadCandidatePage(
  tx: Tx,
  opts: { horizon: IsoDate; afterId: string; limit: number; customerIds?: string[] },
): Promise<LoadedAccount[]> {
  const rows = await tx.$queryRawUnsafe<Row[]>(
    snapshotSql(`(
       SELECT id FROM (
         SELECT "customerId" AS id FROM "Invoice"
          WHERE status IN ('OPEN', 'PARTIALLY_PAID') AND "dueDate" <= $1::date
         UNION
         SELECT "customerId" FROM "DunningAccount" WHERE state <> 'CURRENT' OR "holdUntil" IS NOT NULL
       ) candidate
       WHERE id > $2 AND ($4::text[] IS NULL OR id = ANY($4::text[]))
       ORDER BY id LIMIT $3) k`),
    opts.horizon,
    opts.afterId,
    opts.limit,
    opts.customerIds ?? null,
  );
  return withArrangements(tx, rows.map(toAccount));
}

/**
 * The planner's snapshots of the accounts: each customer with its open invoices (oldest due
 * first), the steps already taken, unallocated money and whether it pays by auto-pay.
 */
export async function loadAccounts(tx: Tx, ids: string[]): Promise<LoadedAccount[]> {
  if (!ids.length) return [];
  const rows = await tx.$queryRawUnsafe<Row[]>(snapshotSql(`unnest($1::text[]) AS k(id)`), ids);
  return withArrangements(tx, rows.map(toAccount));
}

/** The page's arrangements (one query): the agreed one the planner pauses for, the broken one
 *  the ladder resumes from. */
async function withArrangements(tx: Tx, accounts: LoadedAccount[]) {
  const a = await loadArrangementSnapshots(
    tx,
    accounts.map((x) => x.customerId),
  );
  for (const x of accounts) {
    x.arrangement = x.state === "ARRANGED" ? (a.active.get(x.customerId) ?? null) : null;
    x.resume = a.resume.get(x.customerId) ?? null;
  }
  return accounts;
}

const toAccount = (c: Row): LoadedAccount => ({
  customerId: c.id,
  customerType: c.type,
  currency: c.currency,
  timeZone: c.timeZone,
  recipient: {
    firstName: c.firstName,
    email: c.email,
    phone: c.phone,
    accountNumber: c.accountNumber,
    currency: c.currency,
    smsOptOut: c.smsOptOut ?? false,
  },
  state: c.state ?? "CURRENT",
  neverSuspend: c.neverSuspend ?? false,
  holdUntil: c.holdUntil ? fromDbDate(c.holdUntil) : null,
  arranged: c.state === "ARRANGED",
  unallocated: c.unallocated,
  autoPay: c.autoPay,
  invoices: c.invoices.map(([id, dueDate, open]) => ({ id, dueDate, open: Number(open) })),
  // doneKey's form, built in the query
  done: new Set(c.done),
});
