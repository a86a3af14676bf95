// What the planner needs to know about arrangements, for a page of accounts: the agreed one
// (how far the money paid since reaches) and the last broken one (where the ladder resumes).
// Money counts toward the instalments by derivation — amountPaid + amountCredited of the
// arranged invoices less what they had when proposed — so a reversed payment stops counting
// without anyone writing anything.
import "server-only";
import type { Tx } from "@/lib/db";
import { fromDbDate } from "@/lib/time/dates";
import type { LadderStep } from "../steps";
import { coverage } from "./arrangement-schema";
import type { ArrangementSnapshot, ResumeSnapshot } from "./plan-arrangement";

/** Paid on the arranged invoices since the arrangement (a void counts as settled). */
export const PAID_SQL = `(SELECT COALESCE(SUM(CASE WHEN i.status = 'VOID' THEN i.total
           ELSE i."amountPaid" + i."amountCredited" END), 0)::int
      FROM "Invoice" i WHERE i.id = ANY(a."invoiceIds")) - a."paidBaseline"`;

/**
 * On invoice `i`: not in an agreed arrangement. Its instalments are collected (card, debit
 * order), never the invoice whole.
 */
export const NOT_ARRANGED = `NOT EXISTS (SELECT 1 FROM "PaymentArrangement" pa
                   WHERE pa.status = 'ACTIVE' AND i.id = ANY(pa."invoiceIds"))`;

export async function loadArrangementSnapshots(tx: Tx, customerIds: string[]) {
  const active = new Map<string, ArrangementSnapshot>();
  const resume = new Map<string, ResumeSnapshot>();
  if (!customerIds.length) return { active, resume };
  const rows = await tx.$queryRawUnsafe<
    {
      id: string;
      customerId: string;
      status: string;
      invoiceIds: string[];
      total: number;
      paid: number;
      endedOn: Date | null;
      resumeStep: string | null;
      liftedRestriction: boolean;
    }[]
  >(
    `SELECT * FROM (
       SELECT DISTINCT ON (a."customerId", a.status = 'ACTIVE') a.id, a."customerId",
              a.status::text AS status, a."invoiceIds", a.total, ${PAID_SQL} AS paid, a."endedOn",
              a."resumeStep", a."liftedRestriction"
         FROM "PaymentArrangement" a
        WHERE a."customerId" = ANY($1::text[]) AND a.status IN ('ACTIVE', 'BROKEN')
        ORDER BY a."customerId", a.status = 'ACTIVE', a."endedOn" DESC NULLS LAST, a."createdAt" DESC
     ) x`,
    customerIds,
  );
  const ids = rows.filter((r) => r.status === "ACTIVE").map((r) => r.id);
  const instalments = ids.length
    ? await tx.arrangementInstalment.findMany({
        where: { arrangementId: { in: ids } },
        orderBy: { seq: "asc" },
        select: { arrangementId: true, dueDate: true, amount: true },
      })
    : [];
  for (const r of rows) {
    const step = (r.resumeStep ?? "overdue-notice") as LadderStep;
    if (r.status === "BROKEN" && r.endedOn) {
      resume.set(r.customerId, { from: fromDbDate(r.endedOn), step, invoiceIds: r.invoiceIds });
      continue;
    }
    const schedule = instalments
      .filter((i) => i.arrangementId === r.id)
      .map((i) => ({ dueDate: fromDbDate(i.dueDate), amount: i.amount }));
    const { rows: covered, firstUncovered } = coverage(schedule, r.paid);
    active.set(r.customerId, {
      id: r.id,
      invoiceIds: r.invoiceIds,
      owed: Math.max(0, r.total - r.paid),
      missAfter: firstUncovered,
      missAmount: covered.find((c) => !c.covered)?.amount ?? 0,
      resumeStep: step,
      relift: r.liftedRestriction,
    });
  }
  return { active, resume };
}
