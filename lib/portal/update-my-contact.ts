// A subscriber updates their own phone, billing address and marketing consent. The billing
// address is written as a new row when it changed (addresses are shared with services and
// orders, whose records must not move); the audit row carries what changed. Email changes go
// through a confirmation link (request-email-change.ts).
import "server-only";
import { db } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { getSettings } from "@/lib/settings/get-settings";
import { myContactSchema, type MyContactInput } from "./profile-schema";

export type UpdateMyContactOptions = { actor: Actor; customerId: string } & MyContactInput;

export async function updateMyContact({ actor, customerId, ...input }: UpdateMyContactOptions) {
  assertCustomerAccess(actor, customerId, "customers:write");
  const v = myContactSchema.parse(input);
  return db.$transaction(async (tx) => {
    const c = await tx.customer.findUnique({
      where: { id: customerId },
      select: {
        phone: true,
        marketingOptIn: true,
        billingAddress: {
          select: {
            line1: true,
            line2: true,
            suburb: true,
            city: true,
            postalCode: true,
            country: true,
          },
        },
      },
    });
    if (!c) throw notFound("Customer");
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    if ((c.phone ?? null) !== (v.phone ?? null))
      changed.phone = { from: c.phone, to: v.phone ?? null };
    if (c.marketingOptIn !== Boolean(v.marketingOptIn))
      changed.marketingOptIn = { from: c.marketingOptIn, to: Boolean(v.marketingOptIn) };
    const before = c.billingAddress;
    const addressChanged =
      !before ||
      (Object.keys(v.address) as (keyof typeof v.address)[]).some(
        (k) => (before[k] ?? null) !== (v.address[k] ?? null),
      );
    let billingAddressId: string | undefined;
    if (addressChanged) {
      const country = before?.country ?? (await getSettings(tx)).country;
      billingAddressId = (
        await tx.address.create({ data: { ...v.address, country }, select: { id: true } })
      ).id;
      changed.address = { from: before, to: v.address };
    }
    if (!Object.keys(changed).length) return { changed: [] as string[] };
    await tx.customer.update({
      where: { id: customerId },
      data: {
        phone: v.phone ?? null,
        marketingOptIn: Boolean(v.marketingOptIn),
        ...(billingAddressId ? { billingAddressId } : {}),
      },
    });
    await recordAudit(
      {
        actor,
        action: "customer.update",
        entityType: "Customer",
        entityId: customerId,
        customerId,
        data: changed as never,
      },
      tx,
    );
    return { changed: Object.keys(changed) };
  });
}
