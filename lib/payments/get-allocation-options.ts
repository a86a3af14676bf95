// What the "record payment" and "allocate" forms offer: the customer, their open invoices (oldest
// due first, with what is still open on each), their credit and their balance.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import { ledgerBalance } from "@/lib/ledger/get-customer-balance";
import { fromDbDate } from "@/lib/time/dates";
import { todayForIsp } from "@/lib/billing/billing-settings";

export type GetAllocationOptionsOptions = { actor: Actor; customerId: string };

export async function getAllocationOptions({ actor, customerId }: GetAllocationOptionsOptions) {
  assertCan(actor, "payments:write");
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      id: true,
      accountNumber: true,
      firstName: true,
      lastName: true,
      companyName: true,
      email: true,
      currency: true,
      paymentReference: true,
    },
  });
  if (!customer) throw notFound("Customer");
  const [invoices, credit, balance, today] = await Promise.all([
    db.invoice.findMany({
      where: { customerId, status: { in: ["OPEN", "PARTIALLY_PAID"] } },
      orderBy: [{ dueDate: "asc" }, { issueDate: "asc" }, { number: "asc" }],
      select: {
        id: true,
        number: true,
        issueDate: true,
        dueDate: true,
        total: true,
        amountPaid: true,
        amountCredited: true,
      },
    }),
    db.payment.aggregate({
      where: { customerId, status: "SUCCEEDED" },
      _sum: { unallocated: true },
    }),
    ledgerBalance(db, customerId),
    todayForIsp(),
  ]);
  return {
    customer: {
      ...customer,
      name: customer.companyName ?? `${customer.firstName} ${customer.lastName}`,
    },
    openInvoices: invoices.map((i) => ({
      id: i.id,
      number: i.number ?? "",
      issueDate: fromDbDate(i.issueDate),
      dueDate: fromDbDate(i.dueDate),
      total: i.total,
      open: i.total - i.amountPaid - i.amountCredited,
    })),
    credit: credit._sum.unallocated ?? 0,
    balance,
    today,
  };
}
