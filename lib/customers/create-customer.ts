// Creates a customer account from staff or the API (the storefront creates its own with an
// order). The account number comes from the CUSTOMER series and doubles as the payment reference.
import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { takeNumber } from "@/lib/numbering/take-numbers";
import { getSettings } from "@/lib/settings/get-settings";
import { createCustomerSchema, type CreateCustomerInput } from "./customer-schemas";

export async function createCustomer(opts: { input: CreateCustomerInput; actor: Actor }) {
  assertCan(opts.actor, "customers:write");
  const v = createCustomerSchema.parse(opts.input);
  return db.$transaction(async (tx) => {
    const settings = await getSettings(tx);
    const accountNumber = await takeNumber(tx, "CUSTOMER");
    const billing = v.billingAddress
      ? await tx.address.create({
          data: { ...v.billingAddress, country: settings.country },
          select: { id: true },
        })
      : null;
    const customer = await tx.customer.create({
      data: {
        accountNumber,
        paymentReference: accountNumber,
        type: v.type,
        status: "ACTIVE",
        firstName: v.firstName,
        lastName: v.lastName,
        companyName: v.type === "BUSINESS" ? (v.companyName ?? null) : null,
        email: v.email,
        phone: v.phone,
        taxNumber: v.taxNumber,
        idNumber: v.idNumber,
        billingAddressId: billing?.id,
        currency: settings.currency,
      },
      select: {
        id: true,
        accountNumber: true,
        paymentReference: true,
        type: true,
        status: true,
        firstName: true,
        lastName: true,
        companyName: true,
        email: true,
        currency: true,
      },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "customer.create",
        entityType: "Customer",
        entityId: customer.id,
        customerId: customer.id,
        data: { accountNumber },
      },
      tx,
    );
    return customer;
  });
}
