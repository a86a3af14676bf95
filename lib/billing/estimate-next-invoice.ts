// The subscriber's next invoice, estimated by the billing rules: everything due on the earliest
// next bill date of their live services (RULES.md rule 6, in advance), read without locks. An
// estimate: usage in arrears and one-off charges added later are not on it.
import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { fromDbDate, type IsoDate } from "@/lib/time/dates";
import { planCustomerLines, type PlannedLine } from "./plan-customer";

export type EstimateNextInvoiceOptions = { actor: Actor; customerId: string };

export async function estimateNextInvoice({
  actor,
  customerId,
}: EstimateNextInvoiceOptions): Promise<{
  date: IsoDate;
  lines: PlannedLine[];
  total: number;
} | null> {
  assertCustomerAccess(actor, customerId, "customers:read_financial");
  const next = await db.subscription.findFirst({
    where: { customerId, status: { in: ["ACTIVE", "SUSPENDED"] }, nextBillDate: { not: null } },
    orderBy: { nextBillDate: "asc" },
    select: { nextBillDate: true },
  });
  if (!next?.nextBillDate) return null;
  const date = fromDbDate(next.nextBillDate);
  const planned = await planCustomerLines(db, customerId, date);
  return planned.lines.length ? { date, ...planned } : null;
}
