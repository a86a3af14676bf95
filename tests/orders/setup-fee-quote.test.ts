// The setup fee is the one quoted at order time: a catalogue change between order and
// activation does not change what the first invoice charges (fixed clock).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/roles";
import { placeOrder } from "@/lib/orders/place-order";
import { activateOrder } from "@/lib/orders/activate-order";
import { runBilling } from "@/lib/billing/run-billing";
import { setClock } from "@/lib/time/clock";
import { seedStorefront } from "../storefront/fixtures";
import { draft, signed } from "./checkout-fixture";

let staff: Awaited<ReturnType<typeof seedStorefront>>;
beforeAll(async () => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  staff = await seedStorefront();
});

describe("setup fee locked at order time", () => {
  test.each([
    {
      name: "raised after the order: the quoted fee is billed",
      atOrder: 99900,
      atActivation: 149900,
      billed: 99900,
    },
    {
      name: "lowered after the order: the quoted fee is billed",
      atOrder: 99900,
      atActivation: 50000,
      billed: 99900,
    },
    {
      name: "introduced after the order: none is billed",
      atOrder: 0,
      atActivation: 75000,
      billed: null,
    },
    { name: "unchanged", atOrder: 75000, atActivation: 75000, billed: 75000 },
  ])("$name", async ({ atOrder, atActivation, billed }) => {
    setClock(new Date("2027-03-01T08:00:00Z"));
    try {
      await db.product.update({ where: { code: "FIBRE-100" }, data: { setupFee: atOrder } });
      const { orderId, customerId } = await placeOrder({
        input: await signed(draft({ planCode: "FIBRE-100", addonCodes: [] })),
        ip: "192.0.2.10",
      });
      const order = await db.order.findUniqueOrThrow({
        where: { id: orderId },
        select: { quote: true },
      });
      const quoted = (order.quote as { lines: { kind: string; amount: number }[] }).lines
        .filter((l) => l.kind === "SETUP")
        .map((l) => l.amount);
      expect(quoted).toEqual(atOrder ? [atOrder] : []);

      await db.product.update({ where: { code: "FIBRE-100" }, data: { setupFee: atActivation } });
      setClock(new Date("2027-03-10T08:00:00Z"));
      await activateOrder({ actor: staff.tech, orderId });
      await runBilling({ asOf: "2027-03-10", actor: SYSTEM, trigger: "api" });

      const lines = await db.invoiceLine.findMany({ where: { invoice: { customerId } } });
      expect(lines.filter((l) => l.kind === "SETUP").map((l) => l.totalAmount)).toEqual(
        billed === null ? [] : [billed],
      );
      expect(lines.filter((l) => l.kind === "RECURRING").map((l) => l.totalAmount)).toEqual([
        79900,
      ]);
    } finally {
      setClock(undefined);
    }
  });
});
