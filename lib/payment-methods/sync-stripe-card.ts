// Keeps our copy of a customer's Stripe cards in line with Stripe (webhooks: setup_intent.
// succeeded, payment_method.attached / detached / automatically_updated; and the portal's "add a
// card"). We hold only Stripe's ids and what a person needs to recognise the card (brand, last
// four, expiry). Idempotent: keyed by the PaymentMethod id.
import "server-only";
import type Stripe from "stripe";
import { SYSTEM } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";

const idOf = (v: string | { id: string } | null | undefined) =>
  v == null ? null : typeof v === "string" ? v : v.id;

const cardFields = (pm: Stripe.PaymentMethod) => ({
  cardBrand: pm.card?.brand ?? null,
  cardLast4: pm.card?.last4 ?? null,
  cardExpMonth: pm.card?.exp_month ?? null,
  cardExpYear: pm.card?.exp_year ?? null,
});

/** Saves (or refreshes) a card attached to a Stripe customer we know; the first card is default. */
export async function saveStripeCard(opts: {
  paymentMethod: Stripe.PaymentMethod;
  stripeCustomerId?: string | null;
}) {
  const pm = opts.paymentMethod;
  if (pm.type !== "card") return { result: "ignored" as const, reason: "not a card" };
  const stripeCustomerId = opts.stripeCustomerId ?? idOf(pm.customer);
  if (!stripeCustomerId) return { result: "ignored" as const, reason: "no customer" };
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({
      where: { stripeCustomerId },
      select: { id: true },
    });
    if (!customer) return { result: "ignored" as const, reason: "unknown customer" };
    await tx.$queryRawUnsafe(`SELECT id FROM "Customer" WHERE id = $1 FOR UPDATE`, customer.id);
    const existing = await tx.paymentMethod.findUnique({
      where: { stripePaymentMethodId: pm.id },
    });
    if (existing) {
      await tx.paymentMethod.update({ where: { id: existing.id }, data: cardFields(pm) });
      return { result: "updated" as const, id: existing.id };
    }
    const hasDefault = await tx.paymentMethod.count({
      where: { customerId: customer.id, isDefault: true },
    });
    const created = await tx.paymentMethod.create({
      data: {
        customerId: customer.id,
        kind: "CARD",
        isDefault: hasDefault === 0,
        stripePaymentMethodId: pm.id,
        ...cardFields(pm),
      },
    });
    await recordAudit(
      {
        actor: SYSTEM,
        action: "payment_method.add",
        entityType: "PaymentMethod",
        entityId: created.id,
        customerId: customer.id,
        data: { brand: pm.card?.brand ?? null, last4: pm.card?.last4 ?? null },
      },
      tx,
    );
    return { result: "created" as const, id: created.id };
  });
}

/** Stripe renewed a card (new expiry or number): keep what we show current. */
export async function refreshStripeCard(opts: { paymentMethod: Stripe.PaymentMethod }) {
  const changed = await db.paymentMethod.updateMany({
    where: { stripePaymentMethodId: opts.paymentMethod.id },
    data: cardFields(opts.paymentMethod),
  });
  return { updated: changed.count };
}

/** A card detached at Stripe can no longer be charged: remove it; the newest other card becomes default. */
export async function forgetStripeCard(opts: { stripePaymentMethodId: string }) {
  return db.$transaction(async (tx) => {
    const row = await tx.paymentMethod.findUnique({
      where: { stripePaymentMethodId: opts.stripePaymentMethodId },
    });
    if (!row) return { removed: 0 };
    await tx.$queryRawUnsafe(`SELECT id FROM "Customer" WHERE id = $1 FOR UPDATE`, row.customerId);
    await tx.paymentMethod.delete({ where: { id: row.id } });
    if (row.isDefault) {
      const next = await tx.paymentMethod.findFirst({
        where: { customerId: row.customerId, kind: "CARD" },
        orderBy: { createdAt: "desc" },
      });
      if (next)
        await tx.paymentMethod.update({ where: { id: next.id }, data: { isDefault: true } });
    }
    await recordAudit(
      {
        actor: SYSTEM,
        action: "payment_method.remove",
        entityType: "PaymentMethod",
        entityId: row.id,
        customerId: row.customerId,
        data: { last4: row.cardLast4 },
      },
      tx,
    );
    return { removed: 1 };
  });
}
