// Staff edit a customer's contact details. The audit row carries a before/after of exactly the
// fields that changed. The portal sign-in email follows the contact email when they were equal.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { checkbox } from "@/lib/http/form-fields";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const customerContactSchema = z
  .object({
    type: z.enum(["RESIDENTIAL", "BUSINESS"]),
    firstName: z.string().trim().min(1, "Enter a first name").max(80),
    lastName: z.string().trim().min(1, "Enter a last name").max(80),
    companyName: optional(120),
    email: z.string().trim().toLowerCase().email("Enter a valid email address"),
    phone: optional(40),
    idNumber: optional(40),
    taxNumber: optional(40),
    marketingOptIn: checkbox(),
    address: z.object({
      line1: z.string().trim().min(1, "Enter the street address").max(120),
      line2: optional(120),
      suburb: optional(80),
      city: z.string().trim().min(1, "Enter the town or city").max(80),
      postalCode: optional(20),
      region: optional(80),
      country: z.string().trim().length(2, "Two-letter country code").toUpperCase(),
    }),
  })
  .superRefine((v, ctx) => {
    if (v.type === "BUSINESS" && !v.companyName)
      ctx.addIssue({
        code: "custom",
        path: ["companyName"],
        message: "A business customer needs a company name",
      });
  });
export type CustomerContactInput = z.input<typeof customerContactSchema>;

/** The edit form: the contact details and whose. */
export const updateCustomerContactSchema = customerContactSchema.safeExtend({
  customerId: z.string().min(1),
});

type Flat = Record<string, string | boolean | null | undefined>;

function changes(before: Flat, after: Flat) {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(after)) {
    if (after[k] !== undefined && (before[k] ?? null) !== (after[k] ?? null))
      diff[k] = { from: before[k] ?? null, to: after[k] ?? null };
  }
  return diff;
}

export type UpdateCustomerContactOptions = {
  actor: Actor;
  customerId: string;
} & CustomerContactInput;

export async function updateCustomerContact({
  actor,
  customerId,
  ...input
}: UpdateCustomerContactOptions) {
  assertCan(actor, "customers:write");
  const { address, ...data } = customerContactSchema.parse(input);
  return db.$transaction(async (tx) => {
    const current = await tx.customer.findUnique({
      where: { id: customerId },
      select: {
        type: true,
        firstName: true,
        lastName: true,
        companyName: true,
        email: true,
        phone: true,
        idNumber: true,
        taxNumber: true,
        marketingOptIn: true,
        billingAddress: {
          select: {
            id: true,
            line1: true,
            line2: true,
            suburb: true,
            city: true,
            postalCode: true,
            region: true,
            country: true,
          },
        },
        user: { select: { id: true, email: true } },
      },
    });
    if (!current) throw notFound("Customer");
    const { billingAddress, user, ...before } = current;
    const diff = changes(before, data);
    const { id: addressId, ...addressBefore } = billingAddress ?? { id: null };
    const addressDiff = changes(addressBefore as Flat, address);
    for (const [k, v] of Object.entries(addressDiff)) diff[`address.${k}`] = v;
    if (Object.keys(diff).length === 0) return { changed: [] as string[] };

    if (user && diff.email && user.email === before.email) {
      const taken = await tx.user.findUnique({
        where: { email: data.email },
        select: { id: true },
      });
      if (taken && taken.id !== user.id) {
        throw new AppError("CONFLICT", "Another account signs in with that email.", {
          email: "Another account signs in with that email",
        });
      }
      await tx.user.update({ where: { id: user.id }, data: { email: data.email } });
    }
    // Addresses are shared with services and orders; the billing address changes in place only
    // when nothing else uses it, otherwise the customer gets a new billing address row.
    let billingAddressId = addressId;
    if (Object.keys(addressDiff).length) {
      const shared = addressId
        ? (await tx.address.count({
            where: {
              id: addressId,
              OR: [
                { subscriptions: { some: {} } },
                { orders: { some: {} } },
                { billingFor: { some: { id: { not: customerId } } } },
              ],
            },
          })) > 0
        : true;
      if (shared)
        billingAddressId = (await tx.address.create({ data: address, select: { id: true } })).id;
      else await tx.address.update({ where: { id: addressId! }, data: address });
    }
    await tx.customer.update({ where: { id: customerId }, data: { ...data, billingAddressId } });
    await recordAudit(
      {
        actor,
        action: "customer.update",
        entityType: "Customer",
        entityId: customerId,
        customerId,
        data: diff as never,
      },
      tx,
    );
    return { changed: Object.keys(diff) };
  });
}
