// The holder of an existing login confirms an order placed with their email address: the order
// and everything placed with it move from the prospect record made at checkout to their own
// account, and that record goes. The signed agreement keeps the content and hash it was signed
// with; only the account holding it changes (the Contract trigger allows exactly that).
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";

export type ClaimHeldOrderOptions = { actor: Actor; orderId: string };

export async function claimHeldOrder(opts: ClaimHeldOrderOptions) {
  const { actor } = opts;
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Sign in to confirm this order.");
  if (actor.role !== "CUSTOMER" || !actor.customerId)
    throw new AppError(
      "FORBIDDEN",
      "Staff sign-ins cannot hold services: place the order again with a personal email address.",
    );
  const to = actor.customerId;
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { status: string; customerId: string; heldForUserId: string | null }[]
    >`SELECT "status", "customerId", "heldForUserId" FROM "Order" WHERE "id" = ${opts.orderId} FOR UPDATE`;
    // Anyone else learns nothing about the order, not even that it exists.
    if (!locked || locked.heldForUserId !== actor.id) throw notFound("Order");
    if (locked.status !== "NEW" && locked.status !== "SCHEDULED")
      throw new AppError("CONFLICT", `This order is ${locked.status.toLowerCase()}.`);
    const from = locked.customerId;
    const [source, target] = await Promise.all(
      [from, to].map((id) =>
        tx.customer.findUniqueOrThrow({
          where: { id },
          select: {
            accountNumber: true,
            stripeCustomerId: true,
            paymentMethods: { where: { isDefault: true }, select: { id: true } },
          },
        }),
      ),
    );
    const move = { where: { customerId: from }, data: { customerId: to } };
    await tx.subscription.updateMany(move);
    await tx.contract.updateMany(move);
    await tx.debitMandate.updateMany(move);
    await tx.notification.updateMany(move);
    await tx.auditLog.updateMany(move);
    // The account keeps the way it pays today; the method given at checkout is added beside it.
    await tx.paymentMethod.updateMany({
      where: { customerId: from },
      data: { customerId: to, ...(target.paymentMethods.length ? { isDefault: false } : {}) },
    });
    const notes = [
      `Confirmed by the account holder: moved from prospect ${source.accountNumber} to account ${target.accountNumber}.`,
    ];
    if (source.stripeCustomerId && !target.stripeCustomerId) {
      await tx.customer.update({ where: { id: from }, data: { stripeCustomerId: null } });
      await tx.customer.update({
        where: { id: to },
        data: { stripeCustomerId: source.stripeCustomerId },
      });
    } else if (source.stripeCustomerId) {
      notes.push(
        "The card saved at checkout belongs to another Stripe customer than the account's: ask the customer to add it again in the portal.",
      );
    }
    await tx.order.update({
      where: { id: opts.orderId },
      data: { customerId: to, heldForUserId: null },
    });
    await tx.orderNote.create({
      data: { orderId: opts.orderId, body: notes.join(" "), authorId: actor.id },
    });
    await tx.customer.delete({ where: { id: from } });
    await recordAudit(
      {
        actor,
        action: "order.claim",
        entityType: "Order",
        entityId: opts.orderId,
        customerId: to,
        data: { fromAccount: source.accountNumber },
      },
      tx,
    );
    return { orderId: opts.orderId };
  });
}
