// A signed-in customer orders a second service through the storefront checkout: the order, its
// subscriptions and the signed agreement go on their own account (no prospect record, no held
// order, no new login), their payment method stays the default, and the confirmation carries
// the agreement. Signed out, the same email still gets the held-order answer (README).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { placeOrder } from "@/lib/orders/place-order";
import { seedStorefront } from "../storefront/fixtures";
import { draft, signed } from "./checkout-fixture";

beforeAll(async () => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  await seedStorefront();
});

async function firstOrder() {
  const input = await signed(draft());
  const placed = await placeOrder({ input, ip: "203.0.113.7" });
  const user = await db.user.findFirstOrThrow({ where: { customerId: placed.customerId } });
  const actor: Actor = {
    kind: "user",
    id: user.id,
    role: "CUSTOMER",
    name: user.name,
    customerId: placed.customerId,
  };
  return { placed, email: input.details.email, actor };
}

describe("ordering another service while signed in", () => {
  test("the order goes on the signed-in account with no password and no held order", async () => {
    const { placed: first, email, actor } = await firstOrder();
    const before = { customers: await db.customer.count(), users: await db.user.count() };
    const d = draft({ email, payment: { kind: "EFT" } });
    const { password: _password, ...details } = d.details;
    const input = await signed({ ...d, details });
    const second = await placeOrder({ input, ip: "203.0.113.8", actor });

    expect(second.customerId).toBe(first.customerId);
    expect({ customers: await db.customer.count(), users: await db.user.count() }).toEqual(before);
    const order = await db.order.findUniqueOrThrow({ where: { id: second.orderId } });
    expect(order).toMatchObject({ customerId: first.customerId, heldForUserId: null });
    expect(
      await db.subscription.count({
        where: { orderId: second.orderId, customerId: first.customerId },
      }),
    ).toBeGreaterThan(0);
    expect(await db.contract.count({ where: { customerId: first.customerId } })).toBe(2);
    // The debit order from the first sign-up stays the default; EFT is added beside it.
    const methods = await db.paymentMethod.findMany({ where: { customerId: first.customerId } });
    expect(methods.filter((m) => m.isDefault).map((m) => m.kind)).toEqual(["DEBIT_ORDER"]);
    const mail = await db.notification.findUniqueOrThrow({
      where: { dedupeKey: `order.placed:${second.orderId}` },
    });
    expect(mail.to).toBe(email);
    expect(JSON.stringify(mail.attachments)).toContain(".pdf");
    expect(
      await db.auditLog.findFirst({
        where: { entityId: second.orderId, action: "order.place" },
        select: { actorId: true },
      }),
    ).toEqual({ actorId: actor.kind === "user" ? actor.id : null });
  });

  test("signed in, another email is refused; signed out, a password is required", async () => {
    const { actor } = await firstOrder();
    const other = await signed(draft());
    await expect(placeOrder({ input: other, ip: null, actor })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { "details.email": expect.stringContaining("Signed in as") },
    });
    const d = draft();
    const { password: _password, ...details } = d.details;
    await expect(
      placeOrder({ input: await signed({ ...d, details }), ip: null }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { "details.password": expect.any(String) },
    });
  });
});
