import { writeFile } from "node:fs/promises";
import { afterEach, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM, type Actor } from "@/lib/auth/roles";
import { runBilling } from "@/lib/billing/run-billing";
import { createOneOffCharge } from "@/lib/invoices/create-one-off-charge";
import { getInvoicePdf } from "@/lib/invoices/get-invoice-pdf";
import { setClock } from "@/lib/time/clock";
import { createCustomer, createProduct, createSubscription, setupIsp, travelTo } from "./fixtures";

let ids: { vat: string; zero: string } = { vat: "", zero: "" };
beforeAll(async () => {
  const t = await setupIsp();
  ids = { vat: t.vat.id, zero: t.zero.id };
});
afterEach(() => setClock(undefined));

test("an invoice PDF is rendered on first request, stored, and only its customer may read it", async () => {
  const address = await db.address.create({
    data: {
      line1: "12 Oak Street",
      suburb: "Die Boord",
      city: "Stellenbosch",
      postalCode: "7600",
      country: "ZA",
    },
  });
  const p = await createProduct({ taxClassId: ids.vat, price: 59900, name: "Fibre 100/50" });
  const c = await createCustomer({
    companyName: "Oak Street Dental",
    type: "BUSINESS",
    taxNumber: "4999999999",
    billingAddressId: address.id,
  });
  const sub = await createSubscription({
    customerId: c.id,
    product: p,
    startDate: "2026-03-14",
    cycleMode: "CALENDAR",
  });
  await db.subscription.update({ where: { id: sub.id }, data: { serviceAddressId: address.id } });
  travelTo("2026-03-10");
  await createOneOffCharge({
    customerId: c.id,
    description: "Installation",
    amount: 150000,
    taxClassId: ids.vat,
    actor: SYSTEM,
  });
  await createOneOffCharge({
    customerId: c.id,
    description: "Deposit (no tax)",
    amount: 50000,
    taxClassId: ids.zero,
    actor: SYSTEM,
  });
  travelTo("2026-04-01");
  await runBilling({ asOf: "2026-04-01", actor: SYSTEM });
  const inv = await db.invoice.findFirstOrThrow({ where: { customerId: c.id } });

  const customer: Actor = { kind: "user", id: "u", role: "CUSTOMER", name: "c", customerId: c.id };
  const { pdf, filename } = await getInvoicePdf({ invoiceId: inv.id, actor: customer });
  expect(filename).toBe(`${inv.number}.pdf`);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  await writeFile("/tmp/lastmile-invoice.pdf", pdf);
  expect((await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).pdf).not.toBeNull();

  const stranger: Actor = {
    kind: "user",
    id: "x",
    role: "CUSTOMER",
    name: "x",
    customerId: "someone-else",
  };
  await expect(getInvoicePdf({ invoiceId: inv.id, actor: stranger })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  const tech: Actor = { kind: "user", id: "t", role: "TECHNICIAN", name: "t" };
  await expect(getInvoicePdf({ invoiceId: inv.id, actor: tech })).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
});

test("customers list only their own finalised invoices", async () => {
  const { listInvoices } = await import("@/lib/invoices/list-invoices");
  const p = await createProduct({ taxClassId: ids.vat });
  const mine = await createCustomer();
  const theirs = await createCustomer();
  await createSubscription({ customerId: mine.id, product: p, startDate: "2026-05-01" });
  await createSubscription({ customerId: theirs.id, product: p, startDate: "2026-05-01" });
  travelTo("2026-05-01");
  await runBilling({ asOf: "2026-05-01", actor: SYSTEM });
  const me: Actor = { kind: "user", id: "m", role: "CUSTOMER", name: "m", customerId: mine.id };
  const seen = await listInvoices({ actor: me });
  expect(seen.invoices.map((i) => i.customerId)).toEqual([mine.id]);
  await expect(
    listInvoices({ filter: { customerId: theirs.id }, actor: me }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
});
