import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { getBranding } from "@/lib/settings/get-branding";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { publish } from "@/lib/events/publish";
import { notificationQueued } from "@/lib/events/events";
import { appUrl } from "@/lib/env";
import { assertCanWorkOrders } from "./assert-can-work-orders";

const when = z.coerce.date({ error: "Choose a date and time" });

/**
 * The booking form: datetime-local has no zone, so the form adds the browser's UTC offset
 * (`tz`, e.g. "+02:00") and the two make one instant.
 */
export const scheduleOrderSchema = z
  .object({
    orderId: z.string().min(1),
    scheduledFor: z.string().trim().min(1, "Choose a date and time"),
    tz: z
      .string()
      .regex(/^[+-]\d{2}:\d{2}$/)
      .optional(),
  })
  .transform(({ tz, ...v }) => ({ ...v, scheduledFor: `${v.scheduledFor}${tz ?? ""}` }));

/** Books (or re-books) the installation; a new order moves to SCHEDULED and the customer is told the slot. */
export async function scheduleOrder(opts: {
  actor: Actor;
  orderId: string;
  scheduledFor: Date | string;
}) {
  assertCanWorkOrders(opts.actor);
  const at = when.parse(opts.scheduledFor);
  const brand = await getBranding();
  const notificationId = await db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: opts.orderId },
      select: {
        id: true,
        number: true,
        status: true,
        customerId: true,
        customer: { select: { firstName: true, email: true } },
      },
    });
    if (!order) throw notFound("Order");
    if (order.status !== "NEW" && order.status !== "SCHEDULED")
      throw new AppError("CONFLICT", `An ${order.status.toLowerCase()} order cannot be scheduled.`);
    await tx.order.update({
      where: { id: order.id },
      data: { status: "SCHEDULED", scheduledFor: at },
    });
    // The customer reads the slot in the ISP's zone, not the server's.
    const slot = new Intl.DateTimeFormat(brand.locale, {
      dateStyle: "full",
      timeStyle: "short",
      timeZone: brand.timeZone,
    }).format(at);
    // Keyed by slot: a re-booking to a new time sends a new email, a repeated save does not.
    const mail = await enqueueEmail(
      {
        to: order.customer.email,
        subject: `${brand.name}: installation booked for order ${order.number}`,
        text: `Hello ${order.customer.firstName},\n\nYour installation for order ${order.number} is booked for ${slot}. Please make sure someone is home to let our technician in.\n\nFollow your order at ${appUrl()}/portal/orders.\n\n${brand.name}`,
        customerId: order.customerId,
        dedupeKey: `order.scheduled:${order.id}:${at.toISOString()}`,
      },
      tx,
    );
    await recordAudit(
      {
        actor: opts.actor,
        action: "order.schedule",
        entityType: "Order",
        entityId: order.id,
        customerId: order.customerId,
        data: { scheduledFor: at.toISOString() },
      },
      tx,
    );
    return mail.id;
  });
  await publish(notificationQueued.create({ notificationId }));
}
