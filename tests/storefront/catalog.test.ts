import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { createProduct } from "@/lib/catalog/create-product";
import { updateProduct } from "@/lib/catalog/update-product";
import { setProductStatus } from "@/lib/catalog/set-product-status";
import { listProducts } from "@/lib/catalog/list-products";
import type { ProductInput } from "@/lib/catalog/product-schema";
import { seedStorefront } from "./fixtures";

let staff: Awaited<ReturnType<typeof seedStorefront>>;
let taxClassId: string;
beforeAll(async () => {
  staff = await seedStorefront();
  taxClassId = (await db.taxClass.findFirstOrThrow({ where: { isDefault: true } })).id;
});

const plan = (over: Partial<ProductInput> = {}): ProductInput => ({
  code: "fibre-50",
  name: "Fibre 50",
  kind: "PLAN",
  technology: "FIBRE",
  downloadMbps: "50",
  uploadMbps: "25",
  dataCapGb: "",
  price: "649.50",
  interval: "MONTH",
  setupFee: "0",
  contractMonths: "12",
  earlyTerminationPercent: "50",
  taxClassId,
  coverageAreaIds: [],
  ...over,
});

describe("catalogue", () => {
  test("the form's decimal amounts become minor units; the code is upper-cased; empty cap = uncapped", async () => {
    const area = await db.coverageArea.findFirstOrThrow({ where: { name: "Dalsig" } });
    const { id } = await createProduct({
      input: plan({ coverageAreaIds: [area.id] }),
      actor: staff.sales,
    });
    const p = await db.product.findUniqueOrThrow({
      where: { id },
      include: { coverageAreas: true },
    });
    expect(p).toMatchObject({
      code: "FIBRE-50",
      price: 64950,
      setupFee: 0,
      dataCapGb: null,
      contractMonths: 12,
    });
    expect(p.coverageAreas.map((a) => a.name)).toEqual(["Dalsig"]);
  });

  test("field errors: duplicate code, a plan without speeds, unknown coverage area, bad amount", async () => {
    await expect(createProduct({ input: plan(), actor: staff.sales })).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { code: expect.any(String) },
    });
    await expect(
      createProduct({
        input: plan({ code: "X-1", technology: "", downloadMbps: "" }),
        actor: staff.sales,
      }),
    ).rejects.toMatchObject({ name: "ZodError" });
    await expect(
      createProduct({
        input: plan({ code: "X-2", coverageAreaIds: ["nope"] }),
        actor: staff.sales,
      }),
    ).rejects.toMatchObject({ fields: { coverageAreaIds: expect.any(String) } });
    await expect(
      createProduct({ input: plan({ code: "X-3", price: "12,345.00" }), actor: staff.sales }),
    ).rejects.toMatchObject({ name: "ZodError" });
  });

  test("a price change affects new orders only; retiring keeps existing services", async () => {
    const product = await db.product.findUniqueOrThrow({ where: { code: "FIBRE-50" } });
    const customer = await db.customer.create({
      data: {
        accountNumber: "T1",
        paymentReference: "T1",
        firstName: "A",
        lastName: "B",
        email: "ab@example.test",
        currency: "ZAR",
      },
    });
    const sub = await db.subscription.create({
      data: {
        customerId: customer.id,
        productId: product.id,
        status: "ACTIVE",
        price: product.price,
        interval: "MONTH",
        cycleMode: "ANNIVERSARY",
      },
    });
    await updateProduct({ id: product.id, input: plan({ price: 69900 }), actor: staff.sales });
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).price).toBe(69900);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).price).toBe(64950);
    await setProductStatus({ id: product.id, status: "RETIRED", actor: staff.sales });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).status).toBe(
      "ACTIVE",
    );
    const listed = await listProducts({ actor: staff.admin, kind: "PLAN", status: "RETIRED" });
    expect(listed.find((p) => p.code === "FIBRE-50")?._count.subscriptions).toBe(1);
  });

  test("a plan cannot become an add-on; roles without catalog:write are refused", async () => {
    const product = await db.product.findUniqueOrThrow({ where: { code: "FIBRE-100" } });
    await expect(
      updateProduct({
        id: product.id,
        input: plan({ code: "FIBRE-100", kind: "ADDON" }),
        actor: staff.sales,
      }),
    ).rejects.toMatchObject({ fields: { kind: "Cannot change" } });
    for (const actor of [staff.support, staff.tech, staff.accounts]) {
      await expect(createProduct({ input: plan({ code: "NOPE" }), actor })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });
});
