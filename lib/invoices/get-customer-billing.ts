// The billing part of the customer page: subscriptions with next bill date and price, recent
// invoices and the ledger balance.
import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { ledgerBalance } from "@/lib/ledger/get-customer-balance";
import { serializeInvoice, serializeSubscription } from "@/lib/billing/serialize";

export async function getCustomerBilling(opts: { customerId: string; actor: Actor }) {
  assertCustomerAccess(opts.actor, opts.customerId, "customers:read_financial");
  const [subs, invoices, balance, customer] = await Promise.all([
    db.subscription.findMany({
      where: { customerId: opts.customerId },
      include: { product: { select: { name: true, code: true } } },
      orderBy: [{ status: "asc" }, { createdAt: "asc" }],
    }),
    db.invoice.findMany({
      where: { customerId: opts.customerId },
      orderBy: [{ issueDate: "desc" }, { id: "desc" }],
      take: 24,
    }),
    ledgerBalance(db, opts.customerId),
    db.customer.findUnique({
      where: { id: opts.customerId },
      select: {
        currency: true,
        accountNumber: true,
        firstName: true,
        lastName: true,
        companyName: true,
      },
    }),
  ]);
  if (!customer) throw notFound("Customer");
  return {
    currency: customer.currency,
    customer: {
      accountNumber: customer.accountNumber,
      name: customer.companyName ?? `${customer.firstName} ${customer.lastName}`,
    },
    balance,
    subscriptions: subs.map((s) => ({
      ...serializeSubscription(s),
      productName: s.product.name,
      productCode: s.product.code,
    })),
    invoices: invoices.map((i) => serializeInvoice(i)),
  };
}
