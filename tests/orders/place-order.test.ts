import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { placeOrder } from "@/lib/orders/place-order";
import { verifyPassword } from "@/lib/auth/password";
import { decryptSecret } from "@/lib/crypto/encrypt";
import { seedStorefront } from "../storefront/fixtures";
import { draft, signed } from "./checkout-fixture";

beforeAll(async () => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  await seedStorefront();
});

const counts = async () => ({
  customers: await db.customer.count(),
  users: await db.user.count(),
  orders: await db.order.count(),
  subs: await db.subscription.count(),
  contracts: await db.contract.count(),
  methods: await db.paymentMethod.count(),
  mails: await db.notification.count(),
});

describe("placeOrder", () => {
  test("creates customer, portal user, order, pending subscriptions, signed contract, mandate and email together", async () => {
    const input = await signed(draft());
    const placed = await placeOrder({ input, ip: "203.0.113.7" });
    expect(placed).toMatchObject({
      created: true,
      orderNumber: expect.stringMatching(/^ORD-\d+$/),
    });

    const order = await db.order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: {
        subscriptions: { include: { product: true } },
        contracts: true,
        customer: { include: { user: true, mandates: true, paymentMethods: true } },
      },
    });
    expect(order.status).toBe("NEW");
    expect(order.customer).toMatchObject({
      status: "PROSPECT",
      firstName: "Naledi",
      idNumber: "9001015800085",
    });
    expect(await verifyPassword(order.customer.user!.passwordHash, "correct horse battery")).toBe(
      true,
    );
    expect(order.customer.user!.role).toBe("CUSTOMER");

    const plan = order.subscriptions.find((s) => !s.parentId)!;
    expect(plan).toMatchObject({
      status: "PENDING",
      price: 79900,
      startDate: null,
      nextBillDate: null,
    });
    expect(
      order.subscriptions.filter((s) => s.parentId === plan.id).map((s) => s.product.code),
    ).toEqual(["STATIC-IP"]);
    const quote = order.quote as {
      lines: { code: string; kind: string }[];
      totals: { firstInvoice: { totalAmount: number } };
    };
    expect(quote.lines.find((l) => l.code === "ROUTER-BUY")?.kind).toBe("ONCE_OFF");
    expect(quote.totals.firstInvoice.totalAmount).toBe(79900 + 9900 + 129900);

    const [mandate] = order.customer.mandates;
    expect(mandate.accountLast4).toBe("5678");
    expect(mandate.accountNumberEnc).not.toContain("62812345678");
    expect(decryptSecret(mandate.accountNumberEnc)).toBe("62812345678");
    expect(order.customer.paymentMethods).toMatchObject([{ kind: "DEBIT_ORDER", isDefault: true }]);

    const [contract] = order.contracts;
    expect(contract.signerIp).toBe("203.0.113.7");
    expect(contract.documentHash).toMatch(/^[a-f0-9]{64}$/);
    expect(Buffer.from(contract.pdf).subarray(0, 5).toString()).toBe("%PDF-");
    await writeFile("/tmp/lastmile-contract-test.pdf", contract.pdf);
    await expect(
      db.contract.update({ where: { id: contract.id }, data: { signerName: "Someone else" } }),
    ).rejects.toThrow(/cannot be changed/);

    const mail = await db.notification.findFirstOrThrow({
      where: { customerId: order.customerId },
    });
    expect(mail.subject).toContain(order.number);
    expect((mail.attachments as { contentType: string }[])[0].contentType).toBe("application/pdf");
  });

  test("the same idempotency key never makes a second order, even submitted concurrently", async () => {
    const input = await signed(draft());
    const before = await counts();
    const [a, b] = await Promise.all([
      placeOrder({ input, ip: "198.51.100.1" }),
      placeOrder({ input, ip: "198.51.100.1" }),
    ]);
    const c = await placeOrder({ input, ip: "198.51.100.1" });
    expect(a.orderId).toBe(b.orderId);
    expect(c).toMatchObject({ orderId: a.orderId, created: false });
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    const after = await counts();
    expect(after.orders - before.orders).toBe(1);
    expect(after.customers - before.customers).toBe(1);
  });

  test("prices come from the catalogue: a tampered basket cannot change them", async () => {
    const d = draft({ addonCodes: [] });
    const input = await signed(d);
    (input.basket as Record<string, unknown>).price = 1;
    (input as Record<string, unknown>).quote = { totals: { firstInvoice: { totalAmount: 1 } } };
    const placed = await placeOrder({ input, ip: "198.51.100.2" });
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId } });
    expect(
      (order.quote as { totals: { recurring: { totalAmount: number } } }).totals.recurring
        .totalAmount,
    ).toBe(79900);
  });

  test("a signature over other content (changed after preview) is refused", async () => {
    const d = draft();
    const input = await signed(d);
    const before = await counts();
    const changed = { ...input, basket: { planCode: "FIBRE-500", addonCodes: [] } };
    await expect(placeOrder({ input: changed, ip: "198.51.100.3" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await counts()).toEqual(before);
  });

  test("plans not sold at the address and bad accounts are refused with field errors", async () => {
    await expect(signed(draft({ planCode: "AIR-30", addonCodes: [] }))).rejects.toMatchObject({
      fields: { "basket.planCode": "Not available at this address" },
    });
    await expect(
      signed(
        draft({
          payment: {
            kind: "DEBIT_ORDER",
            accountHolder: "X",
            accountNumber: "DE89370400440532013001",
          },
        }),
      ),
    ).rejects.toMatchObject({
      fields: { "payment.accountNumber": expect.stringContaining("IBAN") },
    });
    await expect(
      signed(
        draft({
          payment: {
            kind: "DEBIT_ORDER",
            accountHolder: "X",
            accountNumber: "DE89 3704 0044 0532 0130 00",
          },
        }),
      ),
    ).resolves.toBeTruthy();
    await expect(
      signed(draft({ payment: { kind: "CARD", setupIntentId: "seti_123" } })),
    ).rejects.toMatchObject({ fields: { "payment.kind": expect.any(String) } });
  });

  test("a failure inside the transaction leaves nothing behind and no number is used up", async () => {
    const input = await signed(draft());
    const before = await counts();
    const series = await db.numberSeries.findMany({ orderBy: { code: "asc" } });
    process.env.ENCRYPTION_KEY = "too-short";
    try {
      await expect(placeOrder({ input, ip: "198.51.100.5" })).rejects.toThrow(/ENCRYPTION_KEY/);
    } finally {
      process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
    }
    expect(await counts()).toEqual(before);
    expect(await db.numberSeries.findMany({ orderBy: { code: "asc" } })).toEqual(series);
  });

  test("EFT checkout with a typed signature", async () => {
    const d = draft({ payment: { kind: "EFT" } });
    const { signature, ...rest } = await signed(d);
    const placed = await placeOrder({
      input: {
        ...rest,
        signature: { ...signature, method: "TYPED", image: undefined, typed: "Naledi Mokoena" },
      },
      ip: null,
    });
    const contract = await db.contract.findFirstOrThrow({ where: { orderId: placed.orderId } });
    expect(contract).toMatchObject({ signatureImage: null, typedSignature: "Naledi Mokoena" });
    expect(
      await db.paymentMethod.findFirst({ where: { customerId: placed.customerId } }),
    ).toMatchObject({ kind: "EFT" });
  });
});

test("a malformed signature image is refused before anything is written", async () => {
  const input = await signed(draft());
  const broken = {
    ...input,
    signature: {
      ...input.signature,
      image:
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGNgYGD4z8DAwMAAAA0AAf8yJ1IAAAAASUVORK5CYII=",
    },
  };
  await expect(placeOrder({ input: broken, ip: "198.51.100.9" })).rejects.toMatchObject({
    fields: { "signature.image": expect.any(String) },
  });
});

test("orders/order.placed is published once, after commit", async () => {
  const { onEvent } = await import("@/lib/events/publish");
  const seen: { name: string; data: unknown }[] = [];
  const off = onEvent((e) => void seen.push(e));
  try {
    const input = await signed(draft());
    const placed = await placeOrder({ input, ip: "198.51.100.10" });
    await placeOrder({ input, ip: "198.51.100.10" });
    expect(seen).toEqual([
      {
        name: "orders/order.placed",
        data: { orderId: placed.orderId, customerId: placed.customerId },
      },
    ]);
  } finally {
    off();
  }
});
