// Reads how a customer pays from their default payment method: an active debit-order mandate, a
// saved card, or (no method, EFT or cash) EFT with their payment reference.
import { db, type Tx } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import type { PaymentInstructions } from "./describe-payment";

export async function readPaymentInstructions(
  tx: Tx,
  customerId: string,
): Promise<PaymentInstructions> {
  const customer = await tx.customer.findUnique({
    where: { id: customerId },
    select: {
      paymentReference: true,
      paymentMethods: {
        where: { isDefault: true },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: {
          kind: true,
          cardBrand: true,
          cardLast4: true,
          stripePaymentMethodId: true,
          mandate: { select: { status: true, accountLast4: true } },
        },
      },
    },
  });
  if (!customer) throw notFound("Customer");
  const reference = customer.paymentReference;
  const method = customer.paymentMethods[0];
  if (method?.kind === "DEBIT_ORDER" && method.mandate?.status === "ACTIVE")
    return { kind: "DEBIT_ORDER", accountLast4: method.mandate.accountLast4, reference };
  if (method?.kind === "CARD" && method.stripePaymentMethodId)
    return { kind: "CARD", brand: method.cardBrand, last4: method.cardLast4, reference };
  return { kind: "EFT", reference };
}

export type GetPaymentInstructionsOptions = { actor: Actor; customerId: string };

/** For the portal and staff: the customer's payment instructions and the next amount to collect. */
export async function getPaymentInstructions({ actor, customerId }: GetPaymentInstructionsOptions) {
  assertCustomerAccess(actor, customerId, "customers:read_financial");
  const [instructions, next] = await Promise.all([
    readPaymentInstructions(db, customerId),
    db.invoice.findFirst({
      where: { customerId, status: { in: ["OPEN", "PARTIALLY_PAID"] } },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      select: { dueDate: true },
    }),
  ]);
  return { instructions, nextDueDate: next ? next.dueDate.toISOString().slice(0, 10) : null };
}
