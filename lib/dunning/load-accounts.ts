// Reads the accounts dunning may act on into planner snapshots, a page at a time: customers with
// an open invoice due before the reminder horizon, and accounts already on the ladder or on hold.
// A handful of set-based queries per page, so a sweep over 100k accounts reads only the few
// thousand that owe something.
import "server-only";
import type { Tx } from "@/lib/db";
import { fromDbDate, type IsoDate } from "@/lib/time/dates";
import { doneKey, type AccountSnapshot } from "./plan-account";
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

/** Customer ids (after `afterId`) that may need dunning on or before `horizon`. */
export async function listCandidateIds(
  tx: Tx,
  opts: { horizon: IsoDate; afterId: string; limit: number; customerIds?: string[] },
): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM (
       SELECT "customerId" AS id FROM "Invoice"
        WHERE status IN ('OPEN', 'PARTIALLY_PAID') AND "dueDate" <= $1::date
       UNION
       SELECT "customerId" FROM "DunningAccount" WHERE state <> 'CURRENT' OR "holdUntil" IS NOT NULL
     ) c
     WHERE id > $2 AND ($4::text[] IS NULL OR id = ANY($4::text[]))
     ORDER BY id LIMIT $3`,
    opts.horizon,
    opts.afterId,
    opts.limit,
    opts.customerIds ?? null,
  );
  return rows.map((r) => r.id);
}

export async function loadAccounts(tx: Tx, ids: string[]): Promise<LoadedAccount[]> {
  if (!ids.length) return [];
  // One after the other: inside a transaction the queries share one connection.
  const customers = await tx.$queryRawUnsafe<
    {
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
    }[]
  >(
    `SELECT c.id, c.type::text AS type, c.currency, d.state::text AS state, d."neverSuspend",
            d."holdUntil", d."timeZone", c."firstName", c.email, c.phone, c."accountNumber",
            d."smsOptOut"
         FROM "Customer" c LEFT JOIN "DunningAccount" d ON d."customerId" = c.id
        WHERE c.id = ANY($1::text[]) ORDER BY c.id`,
    ids,
  );
  const invoices = await tx.$queryRawUnsafe<
    { id: string; customerId: string; dueDate: Date; open: number }[]
  >(
    `SELECT i.id, i."customerId", i."dueDate", i.total - i."amountPaid" - i."amountCredited" AS open
         FROM "Invoice" i
        WHERE i."customerId" = ANY($1::text[]) AND i.status IN ('OPEN', 'PARTIALLY_PAID')
          AND i.total - i."amountPaid" - i."amountCredited" > 0
          AND NOT EXISTS (SELECT 1 FROM "DunningEvent" e WHERE e."feeInvoiceId" = i.id)
        ORDER BY i."dueDate", i."issueDate", i.number, i.id`,
    ids,
  );
  const events = await tx.$queryRawUnsafe<
    { customerId: string; step: string; invoiceId: string }[]
  >(
    `SELECT "customerId", step, "invoiceId" FROM "DunningEvent" WHERE "customerId" = ANY($1::text[])`,
    ids,
  );
  const credit = await tx.$queryRawUnsafe<{ customerId: string; unallocated: number }[]>(
    `SELECT "customerId", SUM(unallocated)::int AS unallocated FROM "Payment"
        WHERE "customerId" = ANY($1::text[]) AND status = 'SUCCEEDED' AND unallocated > 0
        GROUP BY "customerId"`,
    ids,
  );
  const autoPay = await tx.$queryRawUnsafe<{ customerId: string }[]>(
    `SELECT "customerId" FROM "PaymentMethod" WHERE "customerId" = ANY($1::text[])
          AND "isDefault" AND kind = 'CARD'
       UNION
       SELECT "customerId" FROM "DebitMandate" WHERE "customerId" = ANY($1::text[]) AND status = 'ACTIVE'`,
    ids,
  );
  const arrangements = await loadArrangementSnapshots(tx, ids);
  const byCustomer = <T extends { customerId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.customerId, [...(map.get(r.customerId) ?? []), r]);
    return map;
  };
  const inv = byCustomer(invoices);
  const ev = byCustomer(events);
  const cred = new Map(credit.map((c) => [c.customerId, c.unallocated]));
  const auto = new Set(autoPay.map((a) => a.customerId));
  return customers.map((c) => ({
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
    unallocated: cred.get(c.id) ?? 0,
    autoPay: auto.has(c.id),
    invoices: (inv.get(c.id) ?? []).map((i) => ({
      id: i.id,
      dueDate: fromDbDate(i.dueDate),
      open: Number(i.open),
    })),
    done: new Set((ev.get(c.id) ?? []).map((e) => doneKey(e.step, e.invoiceId))),
    arrangement: c.state === "ARRANGED" ? (arrangements.active.get(c.id) ?? null) : null,
    resume: arrangements.resume.get(c.id) ?? null,
  }));
}
