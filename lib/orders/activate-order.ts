// Installed and live: billing starts today (or on the given date). Each pending subscription
// gets its start date, anchor day and next bill date, exactly the fields the billing engine
// reads (lib/billing/load-billing-inputs): billedThrough stays null so the first period is
// billed as a first period (setup fee included, calendar stub where the ISP bills by calendar).
// Once-off items from the order become one-off charges on that first invoice.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { isoDate } from "@/lib/http/form-fields";
import { AppError, notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { getSettings } from "@/lib/settings/get-settings";
import { shiftAnniversary } from "@/lib/billing/cycles";
import {
  assertIsoDate,
  dateInZone,
  daysBetween,
  parts,
  toDbDate,
  type IsoDate,
} from "@/lib/time/dates";
import { now } from "@/lib/time/clock";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { appUrl } from "@/lib/env";
import { getBranding } from "@/lib/settings/get-branding";
import { publish } from "@/lib/events/publish";
import { notificationQueued, subscriptionChanged } from "@/lib/events/events";
import type { Quote } from "./build-quote";

export const activateOrderSchema = z.object({
  orderId: z.string().min(1),
  /** Empty means today. */
  startDate: z
    .literal("")
    .transform(() => undefined)
    .or(isoDate("Choose the activation date"))
    .optional(),
});

export async function activateOrder(opts: { actor: Actor; orderId: string; startDate?: IsoDate }) {
  assertCan(opts.actor, "orders:activate");
  const settings = await getSettings();
  const today = dateInZone(now(), settings.timeZone);
  const start = opts.startDate ? assertIsoDate(opts.startDate) : today;
  // Back-dating is for "installed yesterday, recorded today"; far off dates are typos.
  if (Math.abs(daysBetween(today, start)) > 31)
    throw new AppError("VALIDATION", "The activation date must be within a month of today.", {
      startDate: "Within 31 days of today",
    });
  const anchorDay = settings.cycleMode === "CALENDAR" ? 1 : parts(start).day;
  const brand = await getBranding();
  // A billing date is a calendar date: format it at UTC so no zone shifts the day.
  const startText = new Intl.DateTimeFormat(brand.locale, {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(toDbDate(start));

  const result = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { status: string; feasibility: string | null; heldForUserId: string | null }[]
    >`SELECT "status", "feasibility", "heldForUserId" FROM "Order" WHERE "id" = ${opts.orderId} FOR UPDATE`;
    if (!locked) throw notFound("Order");
    if (locked.status !== "NEW" && locked.status !== "SCHEDULED")
      throw new AppError("CONFLICT", `This order is already ${locked.status.toLowerCase()}.`);
    // Nothing goes live on an address nobody has shown we can serve, or on an order the holder
    // of its email address has not confirmed.
    if (locked.feasibility === "UNVERIFIED")
      throw new AppError(
        "CONFLICT",
        "Feasibility of this address is unverified: confirm it before activating.",
      );
    if (locked.heldForUserId)
      throw new AppError(
        "CONFLICT",
        "This order waits for the holder of its email address to sign in and confirm it.",
      );
    const order = await tx.order.findUniqueOrThrow({
      where: { id: opts.orderId },
      select: {
        id: true,
        number: true,
        customerId: true,
        quote: true,
        customer: { select: { firstName: true, email: true } },
        subscriptions: {
          where: { status: "PENDING" },
          select: { id: true, parentId: true, product: { select: { contractMonths: true } } },
        },
      },
    });
    for (const s of order.subscriptions) {
      const months = s.parentId ? 0 : s.product.contractMonths;
      await tx.subscription.update({
        where: { id: s.id },
        data: {
          status: "ACTIVE",
          startDate: toDbDate(start),
          anchorDay,
          billedThrough: null,
          nextBillDate: toDbDate(start),
          contractEndDate: months
            ? toDbDate(shiftAnniversary(start, months, parts(start).day))
            : null,
        },
      });
    }
    const planSub = order.subscriptions.find((s) => !s.parentId);
    const quote = order.quote as unknown as Quote;
    const onceOff = quote.lines.filter((l) => l.kind === "ONCE_OFF");
    if (onceOff.length) {
      const products = await tx.product.findMany({
        where: { id: { in: onceOff.map((l) => l.productId) } },
        select: { id: true, taxClassId: true },
      });
      const taxClass = new Map(products.map((p) => [p.id, p.taxClassId]));
      await tx.oneOffCharge.createMany({
        data: onceOff.map((l) => ({
          customerId: order.customerId,
          subscriptionId: planSub?.id ?? null,
          orderId: order.id,
          description: l.description,
          amount: l.amount,
          quantity: 1,
          taxClassId: taxClass.get(l.productId)!,
          chargeDate: toDbDate(start),
          createdById: opts.actor.kind === "user" ? opts.actor.id : null,
        })),
      });
    }
    await tx.order.update({
      where: { id: order.id },
      data: { status: "ACTIVATED", activatedAt: now() },
    });
    await tx.customer.updateMany({
      where: { id: order.customerId, status: "PROSPECT" },
      data: { status: "ACTIVE" },
    });
    const mail = await enqueueEmail(
      {
        to: order.customer.email,
        subject: `${brand.name}: your service is live`,
        text: `Hello ${order.customer.firstName},\n\nYour ${quote.plan.name} service (order ${order.number}) is active from ${startText}. Billing starts on that date; your first invoice follows shortly.\n\nManage your account at ${appUrl()}/portal.\n\n${brand.name}`,
        customerId: order.customerId,
        dedupeKey: `order.activated:${order.id}`,
      },
      tx,
    );
    await recordAudit(
      {
        actor: opts.actor,
        action: "order.activate",
        entityType: "Order",
        entityId: order.id,
        customerId: order.customerId,
        data: { startDate: start, subscriptions: order.subscriptions.length },
      },
      tx,
    );
    return {
      orderId: order.id,
      startDate: start,
      notificationId: mail.id,
      planSubscriptionId: planSub?.id ?? null,
    };
  });
  await publish(notificationQueued.create({ notificationId: result.notificationId }));
  // The network provisions the service (PPPoE credentials, the plan's speed profile).
  if (result.planSubscriptionId)
    await publish(
      subscriptionChanged.create({ subscriptionId: result.planSubscriptionId, change: "activate" }),
    );
  return { orderId: result.orderId, startDate: result.startDate };
}
