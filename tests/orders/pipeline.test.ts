import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { placeOrder } from "@/lib/orders/place-order";
import { scheduleOrder } from "@/lib/orders/schedule-order";
import { addOrderNote } from "@/lib/orders/add-order-note";
import { assignOrder } from "@/lib/orders/assign-order";
import { activateOrder } from "@/lib/orders/activate-order";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { getOrder } from "@/lib/orders/get-order";
import { listCustomerOrders } from "@/lib/orders/list-customer-orders";
import { listCustomerContracts } from "@/lib/contracts/list-customer-contracts";
import { getContractPdf } from "@/lib/contracts/get-contract-pdf";
import { revealAccountNumber } from "@/lib/payment-methods/reveal-account-number";
import { setClock } from "@/lib/time/clock";
import { seedStorefront } from "../storefront/fixtures";
import { draft, signed } from "./checkout-fixture";

let staff: Awaited<ReturnType<typeof seedStorefront>>;
beforeAll(async () => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  staff = await seedStorefront();
});

const place = async () => placeOrder({ input: await signed(draft()), ip: "192.0.2.10" });
const customerActor = async (customerId: string): Promise<Actor> => {
  const u = await db.user.findUniqueOrThrow({ where: { customerId } });
  return { kind: "user", id: u.id, name: u.name, role: "CUSTOMER", customerId };
};

describe("orders pipeline", () => {
  test("schedule, note, assign, activate: billing fields set from the activation date", async () => {
    const { orderId, customerId } = await place();
    await scheduleOrder({ actor: staff.tech, orderId, scheduledFor: "2026-12-03T08:00:00Z" });
    await addOrderNote({ actor: staff.tech, orderId, body: "Gate code 1234" });
    await assignOrder({
      actor: staff.sales,
      orderId,
      userId: staff.tech.kind === "user" ? staff.tech.id : null,
    });
    await expect(activateOrder({ actor: staff.sales, orderId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    setClock(new Date("2027-01-31T10:00:00Z"));
    try {
      await activateOrder({ actor: staff.tech, orderId });
    } finally {
      setClock(undefined);
    }
    const order = await getOrder({ actor: staff.tech, id: orderId });
    expect(order.status).toBe("ACTIVATED");
    expect(order.notes.map((n) => n.body)).toContain("Gate code 1234");
    expect(order.assignedTo?.name).toBe("Theo Technician");
    const subs = await db.subscription.findMany({
      where: { orderId },
      orderBy: { createdAt: "asc" },
    });
    for (const s of subs) {
      expect(s).toMatchObject({ status: "ACTIVE", anchorDay: 31, billedThrough: null });
      expect(s.startDate?.toISOString().slice(0, 10)).toBe("2027-01-31");
      expect(s.nextBillDate?.toISOString().slice(0, 10)).toBe("2027-01-31");
    }
    expect(
      subs
        .find((s) => !s.parentId)!
        .contractEndDate?.toISOString()
        .slice(0, 10),
    ).toBe("2028-01-31");
    const charges = await db.oneOffCharge.findMany({ where: { orderId } });
    expect(charges).toMatchObject([{ description: "Wi-Fi 6 router (buy)", amount: 129900 }]);
    expect(charges[0].chargeDate.toISOString().slice(0, 10)).toBe("2027-01-31");
    expect((await db.customer.findUniqueOrThrow({ where: { id: customerId } })).status).toBe(
      "ACTIVE",
    );
    expect(
      await db.notification.findUnique({ where: { dedupeKey: `order.activated:${orderId}` } }),
    ).toMatchObject({ subject: "Boland Fibre: your service is live" });
    await expect(activateOrder({ actor: staff.tech, orderId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  test("cancel before activation ends the pending services; only sales/admin may cancel", async () => {
    const { orderId } = await place();
    await expect(
      cancelOrder({ actor: staff.tech, orderId, reason: "No line of sight" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await cancelOrder({ actor: staff.sales, orderId, reason: "Customer moved away" });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("CANCELLED");
    expect(await db.subscription.count({ where: { orderId, status: { not: "CANCELLED" } } })).toBe(
      0,
    );
    await expect(activateOrder({ actor: staff.tech, orderId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  test("bank details: masked by default, hidden from technicians, unmasked only with the permission and audited", async () => {
    const { orderId } = await place();
    const forTech = await getOrder({ actor: staff.tech, id: orderId });
    expect(forTech.customer.paymentMethods[0].mandate).toBeNull();
    const forAccounts = await getOrder({ actor: staff.accounts, id: orderId }).catch((e) => e);
    expect(forAccounts).toMatchObject({ code: "FORBIDDEN" }); // accounts has no orders:read
    const forAdmin = await getOrder({ actor: staff.admin, id: orderId });
    const mandate = forAdmin.customer.paymentMethods[0].mandate!;
    expect(mandate.accountLast4).toBe("5678");
    await expect(
      revealAccountNumber({ actor: staff.sales, mandateId: mandate.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await revealAccountNumber({ actor: staff.admin, mandateId: mandate.id, ip: "10.0.0.1" }),
    ).toBe("62812345678");
    expect(
      await db.auditLog.count({
        where: { action: "mandate.view_account_number", entityId: mandate.id },
      }),
    ).toBe(1);
  });

  test("customers see their own orders and signed contract, never someone else's", async () => {
    const mine = await place();
    const theirs = await place();
    const me = await customerActor(mine.customerId);
    expect(
      (await listCustomerOrders({ actor: me, customerId: mine.customerId })).map((o) => o.id),
    ).toEqual([mine.orderId]);
    await expect(
      listCustomerOrders({ actor: me, customerId: theirs.customerId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [contract] = await listCustomerContracts({ actor: me, customerId: mine.customerId });
    const pdf = await getContractPdf({ actor: me, contractId: contract.id });
    expect(pdf.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const [other] = await listCustomerContracts({
      actor: staff.admin,
      customerId: theirs.customerId,
    });
    await expect(getContractPdf({ actor: me, contractId: other.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

test("the billing engine bills an activated order from its activation date: plan, add-on and once-off router", async () => {
  const { runBilling } = await import("@/lib/billing/run-billing");
  const { SYSTEM } = await import("@/lib/auth/roles");
  const { orderId, customerId } = await place();
  setClock(new Date("2027-03-10T09:00:00Z"));
  try {
    await activateOrder({ actor: staff.tech, orderId });
    await runBilling({ asOf: "2027-03-10", actor: SYSTEM, trigger: "api" });
  } finally {
    setClock(undefined);
  }
  const lines = await db.invoiceLine.findMany({
    where: { invoice: { customerId } },
    orderBy: { sortOrder: "asc" },
  });
  expect(lines.map((l) => [l.kind, l.totalAmount]).sort()).toEqual(
    [
      ["ONE_OFF", 129900],
      ["RECURRING", 79900],
      ["RECURRING", 9900],
    ].sort(),
  );
  expect(
    lines
      .find((l) => l.totalAmount === 79900)
      ?.periodStart?.toISOString()
      .slice(0, 10),
  ).toBe("2027-03-10");
  // Pending orders are never billed.
  const pending = await place();
  await runBilling({ asOf: "2027-03-10", actor: SYSTEM, trigger: "api" });
  expect(await db.invoice.count({ where: { customerId: pending.customerId } })).toBe(0);
});
