// Creates a customer account from staff or the API (the storefront creates its own with an
// order). The account number comes from the CUSTOMER series and doubles as the payment reference.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { takeNumber } from "@/lib/numbering/take-numbers";
import { getSettings } from "@/lib/settings/get-settings";

const address = z.object({
  line1: z.string().trim().min(1).max(120),
  line2: z.string().trim().max(120).optional(),
  suburb: z.string().trim().max(80).optional(),
  city: z.string().trim().min(1).max(80),
  postalCode: z.string().trim().max(20).optional(),
  region: z.string().trim().max(80).optional(),
});

export const createCustomerSchema = z.object({
  type: z.enum(["RESIDENTIAL", "BUSINESS"]).default("RESIDENTIAL"),
  firstName: z.string().trim().min(1).max(80),
  lastName: z.string().trim().min(1).max(80),
  companyName: z.string().trim().max(120).optional(),
  email: z.string().trim().toLowerCase().email(),
  phone: z.string().trim().max(40).optional(),
  taxNumber: z.string().trim().max(40).optional(),
  billingAddress: address.optional(),
});
export type CreateCustomerInput = z.input<typeof createCustomerSchema>;

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
