// A customer's latest arrangement with its instalments and how far the money paid since reaches:
// the portal, the customer page and GET /customers/{id}/dunning. Staff with financial read, or
// the customer themselves.
import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { fromDbDate, fromDbDateOrNull } from "@/lib/time/dates";
import { coverage } from "./arrangement-schema";
import { PAID_SQL } from "./load-arrangement-snapshots";

export type GetCustomerArrangementOptions = { actor: Actor; customerId: string };

export async function getCustomerArrangement({ actor, customerId }: GetCustomerArrangementOptions) {
  assertCustomerAccess(actor, customerId, "customers:read_financial");
  const a = await db.paymentArrangement.findFirst({
    where: { customerId },
    orderBy: { createdAt: "desc" },
    include: { instalments: { orderBy: { seq: "asc" } } },
  });
  if (!a) return null;
  return toView(a, await paidOn(a.id));
}

export async function paidOn(arrangementId: string) {
  const [{ paid }] = await db.$queryRawUnsafe<{ paid: number }[]>(
    `SELECT ${PAID_SQL} AS paid FROM "PaymentArrangement" a WHERE a.id = $1`,
    arrangementId,
  );
  return Math.max(0, paid);
}

type Row = NonNullable<
  Awaited<ReturnType<typeof db.paymentArrangement.findFirst<{ include: { instalments: true } }>>>
>;

export function toView(a: Row, paid: number) {
  const { rows } = coverage(
    a.instalments.map((i) => ({ dueDate: fromDbDate(i.dueDate), amount: i.amount })),
    paid,
  );
  return {
    id: a.id,
    customerId: a.customerId,
    status: a.status,
    currency: a.currency,
    total: a.total,
    paid: Math.min(paid, a.total),
    invoiceIds: a.invoiceIds,
    referReasons: a.referReasons,
    note: a.note,
    proposedBy: a.proposedByName,
    createdAt: a.createdAt.toISOString(),
    decidedBy: a.decidedByName,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decisionReason: a.decisionReason,
    endedOn: fromDbDateOrNull(a.endedOn),
    instalments: rows.map((r) => ({ dueDate: r.dueDate, amount: r.amount, paid: r.covered })),
  };
}

export type ArrangementView = ReturnType<typeof toView>;
