import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { placeOrder } from "@/lib/orders/place-order";
import { scheduleOrder } from "@/lib/orders/schedule-order";
import { activateOrder } from "@/lib/orders/activate-order";
import { getBranding } from "@/lib/settings/get-branding";
import { onEvent } from "@/lib/events/publish";
import { appUrl } from "@/lib/env";
import { seedStorefront } from "../storefront/fixtures";
import { draft, signed } from "./checkout-fixture";

let staff: Awaited<ReturnType<typeof seedStorefront>>;
beforeAll(async () => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  staff = await seedStorefront();
});

const place = async () => placeOrder({ input: await signed(draft()), ip: "192.0.2.10" });
const outbox = (orderId: string, kind: string) =>
  db.notification.findMany({
    where: { dedupeKey: { startsWith: `order.${kind}:${orderId}` } },
    orderBy: { createdAt: "asc" },
  });

describe("order progress emails", () => {
  test("booking tells the customer the slot in the ISP's zone; re-saving the same slot sends nothing new", async () => {
    const { orderId, customerId } = await place();
    const brand = await getBranding();
    const queued: string[] = [];
    const off = onEvent((e) => {
      if (e.name === "notifications/notification.queued")
        queued.push((e.data as { notificationId: string }).notificationId);
    });
    try {
      await scheduleOrder({ actor: staff.tech, orderId, scheduledFor: "2026-12-03T08:00:00Z" });
      await scheduleOrder({ actor: staff.tech, orderId, scheduledFor: "2026-12-03T08:00:00Z" });
    } finally {
      off();
    }
    const order = await db.order.findUniqueOrThrow({
      where: { id: orderId },
      select: { number: true, customer: { select: { email: true, firstName: true } } },
    });
    const rows = await outbox(orderId, "scheduled");
    expect(rows).toHaveLength(1);
    const slot = new Intl.DateTimeFormat(brand.locale, {
      dateStyle: "full",
      timeStyle: "short",
      timeZone: brand.timeZone,
    }).format(new Date("2026-12-03T08:00:00Z"));
    expect(rows[0]).toMatchObject({
      to: order.customer.email,
      customerId,
      status: "PENDING",
      dedupeKey: `order.scheduled:${orderId}:2026-12-03T08:00:00.000Z`,
      subject: `${brand.name}: installation booked for order ${order.number}`,
    });
    expect(rows[0].text).toContain(`Hello ${order.customer.firstName},`);
    expect(rows[0].text).toContain(`is booked for ${slot}.`);
    expect(rows[0].text).toContain(`${appUrl()}/portal/orders`);
    expect(rows[0].text.trimEnd().endsWith(brand.name)).toBe(true);
    expect(queued).toContain(rows[0].id);

    // Re-booking to another time is news for the customer.
    await scheduleOrder({ actor: staff.tech, orderId, scheduledFor: "2026-12-04T12:30:00Z" });
    expect((await outbox(orderId, "scheduled")).map((r) => r.dedupeKey)).toEqual([
      `order.scheduled:${orderId}:2026-12-03T08:00:00.000Z`,
      `order.scheduled:${orderId}:2026-12-04T12:30:00.000Z`,
    ]);
  });

  test("activation emails once, with the start date in the ISP's locale and the portal link", async () => {
    const { orderId } = await place();
    const brand = await getBranding();
    const queued: string[] = [];
    const off = onEvent((e) => {
      if (e.name === "notifications/notification.queued")
        queued.push((e.data as { notificationId: string }).notificationId);
    });
    try {
      const { startDate } = await activateOrder({ actor: staff.tech, orderId });
      const rows = await outbox(orderId, "activated");
      expect(rows).toHaveLength(1);
      const start = new Intl.DateTimeFormat(brand.locale, {
        dateStyle: "long",
        timeZone: "UTC",
      }).format(new Date(`${startDate}T00:00:00Z`));
      expect(rows[0]).toMatchObject({
        dedupeKey: `order.activated:${orderId}`,
        subject: `${brand.name}: your service is live`,
        status: "PENDING",
      });
      expect(rows[0].text).toContain(`is active from ${start}.`);
      expect(rows[0].text).toContain(`Manage your account at ${appUrl()}/portal.`);
      expect(queued).toEqual([rows[0].id]);
    } finally {
      off();
    }
  });
});
