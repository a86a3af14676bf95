// A customer's saved payment methods as anyone may see them: cards by brand, last four and
// expiry; a debit mandate by its reference and the account's last four (never the number).
import "server-only";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

export type ListPaymentMethodsOptions = { actor: Actor; customerId: string };

export async function listPaymentMethods({ actor, customerId }: ListPaymentMethodsOptions) {
  assertCustomerAccess(actor, customerId, "customers:read_financial");
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: { id: true },
  });
  if (!customer) throw notFound("Customer");
  const rows = await db.paymentMethod.findMany({
    where: { customerId },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
    include: {
      mandate: {
        select: {
          accountHolder: true,
          accountLast4: true,
          mandateReference: true,
          status: true,
          signedAt: true,
        },
      },
    },
  });
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    isDefault: m.isDefault,
    card:
      m.kind === "CARD"
        ? {
            brand: m.cardBrand,
            last4: m.cardLast4,
            expMonth: m.cardExpMonth,
            expYear: m.cardExpYear,
          }
        : null,
    mandate: m.mandate
      ? {
          accountHolder: m.mandate.accountHolder,
          accountMasked: `•••• ${m.mandate.accountLast4}`,
          reference: m.mandate.mandateReference,
          status: m.mandate.status,
          signedAt: m.mandate.signedAt.toISOString(),
        }
      : null,
    createdAt: m.createdAt.toISOString(),
  }));
}
