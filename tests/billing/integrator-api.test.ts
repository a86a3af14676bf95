// What an integrator sets up through /api/v1 before billing: tax classes, billing settings, plans
// with their own tax behaviour, subscriptions by customer and status, held drafts to finalise.
import { afterEach, beforeEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { createIsp } from "@/lib/setup/create-isp";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { setClock } from "@/lib/time/clock";
import { GET as listTaxClasses, POST as createTaxClass } from "@/app/api/v1/tax-classes/route";
import { GET as getSettings, PATCH as patchSettings } from "@/app/api/v1/settings/route";
import { GET as listPlans, POST as createPlan } from "@/app/api/v1/plans/route";
import { PATCH as patchPlan } from "@/app/api/v1/plans/[id]/route";
import { GET as listSubs, POST as createSub } from "@/app/api/v1/subscriptions/route";
import { POST as startRun } from "@/app/api/v1/billing-runs/route";
import { GET as listInvoices } from "@/app/api/v1/invoices/route";
import { GET as getInvoice } from "@/app/api/v1/invoices/[id]/route";
import { POST as finalize } from "@/app/api/v1/invoices/[id]/finalize/route";
import { callApi } from "../support/call-api";
import { createCustomer, createSubscription, travelTo } from "./fixtures";

let admin = "";
let accounts = "";
let sales = "";
beforeAll(async () => {
  const a = await createIsp({
    name: "Integrator ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "Africa/Johannesburg",
    taxRate: 15,
    pricesIncludeTax: true,
    adminName: "Ada",
    adminEmail: "ada@example.test",
    adminPassword: "long-password-1",
  });
  const actor = { kind: "user" as const, id: a.id, role: "ADMIN" as const, name: "Ada" };
  admin = (await createApiKey({ actor, name: "admin", role: "ADMIN" })).key;
  accounts = (await createApiKey({ actor, name: "accounts", role: "ACCOUNTS" })).key;
  sales = (await createApiKey({ actor, name: "sales", role: "SALES" })).key;
});
// Subscriptions here start in mid-2026; today is before them (a start date may be at most
// SUBSCRIPTION_MAX_BACKDATE_DAYS in the past, so the machine's date would refuse them).
beforeEach(() => travelTo("2026-05-15"));
afterEach(() => setClock(undefined));

const plan = (over: Record<string, unknown>) => ({
  code: `P-${Math.random().toString(36).slice(2, 8)}`,
  name: "Fibre 50",
  kind: "PLAN",
  technology: "FIBRE",
  downloadMbps: 50,
  uploadMbps: 25,
  price: 10000,
  ...over,
});

describe("tax classes", () => {
  test("created from a decimal string or basis points; the default flag moves", async () => {
    const reduced = await callApi(createTaxClass, "POST", "/tax-classes", {
      key: admin,
      body: { name: "Reduced 7.5%", rate: "7.5" },
    });
    expect(reduced).toMatchObject({
      status: 201,
      body: { code: "REDUCED_7_5", rate: "7.5", rateBasisPoints: 750, isDefault: false },
    });
    const standard = await callApi(createTaxClass, "POST", "/tax-classes", {
      key: admin,
      body: { name: "VAT 16%", rateBasisPoints: 1600, isDefault: true },
    });
    expect(standard.body).toMatchObject({ rate: "16", rateBasisPoints: 1600, isDefault: true });
    const list = await callApi(listTaxClasses, "GET", "/tax-classes", { key: sales });
    expect(list.body.data.filter((t: { isDefault: boolean }) => t.isDefault)).toEqual([
      standard.body,
    ]);
    expect(list.body.data.map((t: { id: string }) => t.id)).toContain(reduced.body.id);
    // Put the setup default back for the tests below.
    await db.taxClass.updateMany({ data: { isDefault: false } });
    await db.taxClass.updateMany({ where: { code: "STANDARD" }, data: { isDefault: true } });
  });

  test("bad rates are 400s, a taken code 409, and only admins create them", async () => {
    for (const body of [
      { name: "Both", rate: "15", rateBasisPoints: 1500 },
      { name: "Neither" },
      { name: "Float", rate: 15.5 },
      { name: "Too much", rate: "150" },
      { name: "Bp float", rateBasisPoints: 15.5 },
      { name: "", rate: "1" },
    ]) {
      const res = await callApi(createTaxClass, "POST", "/tax-classes", { key: admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const taken = await callApi(createTaxClass, "POST", "/tax-classes", {
      key: admin,
      body: { name: "Again", code: "STANDARD", rate: "1" },
    });
    expect(taken.status).toBe(409);
    const denied = await callApi(createTaxClass, "POST", "/tax-classes", {
      key: accounts,
      body: { name: "Nope", rate: "1" },
    });
    expect(denied.status).toBe(403);
  });
});

describe("billing settings", () => {
  test("read and patched field by field; unknown fields and bad values are 400s", async () => {
    const before = await callApi(getSettings, "GET", "/settings", { key: accounts });
    expect(before.body).toMatchObject({
      currency: "ZAR",
      timeZone: "Africa/Johannesburg",
      pricesIncludeTax: true,
      paymentTermsDays: 7,
      invoiceHoldHours: 0,
      suspensionBilling: "CONTINUE",
    });
    const patched = await callApi(patchSettings, "PATCH", "/settings", {
      key: admin,
      body: { paymentTermsDays: 14, suspensionBilling: "SKIP" },
    });
    expect(patched.body).toMatchObject({ paymentTermsDays: 14, suspensionBilling: "SKIP" });
    for (const body of [{ paymentTermsDays: -1 }, { timeZone: "Mars/Olympus" }, { colour: 1 }]) {
      expect(
        (await callApi(patchSettings, "PATCH", "/settings", { key: admin, body })).status,
      ).toBe(400);
    }
    expect(
      (await callApi(patchSettings, "PATCH", "/settings", { key: accounts, body: {} })).status,
    ).toBe(403);
    await callApi(patchSettings, "PATCH", "/settings", {
      key: admin,
      body: { paymentTermsDays: 7, suspensionBilling: "CONTINUE" },
    });
  });

  test("the currency changes only while no customer is billed in another", async () => {
    await createCustomer();
    const res = await callApi(patchSettings, "PATCH", "/settings", {
      key: admin,
      body: { currency: "usd" },
    });
    expect(res).toMatchObject({ status: 409, body: { error: { code: "CONFLICT" } } });
    expect((await db.ispSettings.findUniqueOrThrow({ where: { id: 1 } })).currency).toBe("ZAR");
  });
});

describe("plans", () => {
  test("a plan carries its data cap, fair-use speed, overage price and top-up", async () => {
    const tax = (await callApi(listTaxClasses, "GET", "/tax-classes", { key: admin })).body.data[0];
    const capped = plan({
      taxClassId: tax.id,
      code: "CAPPED-50",
      dataCapGb: 50,
      capAction: "THROTTLE",
      fupDownloadMbps: 2,
      fupUploadMbps: 1,
      uncountedFromHour: 0,
      uncountedToHour: 6,
      topUpGb: 10,
      topUpPrice: "49.00",
    });
    const created = await callApi(createPlan, "POST", "/plans", { key: admin, body: capped });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      dataCapGb: 50,
      capAction: "THROTTLE",
      fupDownloadMbps: 2,
      topUpGb: 10,
      topUpPrice: 4900,
      overagePerGb: null,
      capRollover: false,
    });
    // Billing the overage needs a price; an action needs a cap; speeds come in pairs.
    for (const body of [
      { ...capped, code: "BAD-1", capAction: "BILL_OVERAGE" },
      { ...capped, code: "BAD-2", dataCapGb: undefined },
      { ...capped, code: "BAD-3", fupUploadMbps: undefined },
      { ...capped, code: "BAD-4", uncountedToHour: 24 },
    ])
      expect((await callApi(createPlan, "POST", "/plans", { key: admin, body })).status).toBe(400);
  });

  test("created with a tax class from the API, listed with it, edited; prices lock per subscription", async () => {
    const tax = (await callApi(listTaxClasses, "GET", "/tax-classes", { key: admin })).body.data[0];
    const created = await callApi(createPlan, "POST", "/plans", {
      key: admin,
      body: plan({ taxClassId: tax.id, taxBehavior: "exclusive", noticeDays: 30 }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      taxClassId: tax.id,
      taxBehavior: "exclusive",
      noticeDays: 30,
      price: 10000,
      status: "ACTIVE",
    });
    const listed = await callApi(listPlans, "GET", "/plans?kind=PLAN", { key: admin });
    expect(listed.body.data.find((p: { id: string }) => p.id === created.body.id)).toMatchObject({
      taxClassId: tax.id,
      taxBehavior: "exclusive",
    });

    const c = await createCustomer();
    const sub = await callApi(createSub, "POST", "/subscriptions", {
      key: admin,
      body: { customerId: c.id, productId: created.body.id, startDate: "2026-06-01" },
    });
    const repriced = await callApi(patchPlan, "PATCH", `/plans/${created.body.id}`, {
      key: admin,
      params: { id: created.body.id },
      body: { price: "125.50", name: "Fibre 50 (2027)", description: "Now faster" },
    });
    expect(repriced.body).toMatchObject({
      price: 12550,
      name: "Fibre 50 (2027)",
      description: "Now faster",
    });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.body.id } })).price).toBe(
      10000,
    );
    const retired = await callApi(patchPlan, "PATCH", `/plans/${created.body.id}`, {
      key: admin,
      params: { id: created.body.id },
      body: { status: "RETIRED" },
    });
    expect(retired.body.status).toBe("RETIRED");
    const refused = await callApi(createSub, "POST", "/subscriptions", {
      key: admin,
      body: { customerId: c.id, productId: created.body.id, startDate: "2026-06-01" },
    });
    expect(refused.status).toBe(404);
    const back = await callApi(patchPlan, "PATCH", `/plans/${created.body.id}`, {
      key: admin,
      params: { id: created.body.id },
      body: { status: "ACTIVE" },
    });
    expect(back.body.status).toBe("ACTIVE");
    for (const body of [{ price: -1 }, { taxBehavior: "inclusive" }, { status: "GONE" }]) {
      const res = await callApi(patchPlan, "PATCH", `/plans/${created.body.id}`, {
        key: admin,
        params: { id: created.body.id },
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const missing = await callApi(patchPlan, "PATCH", "/plans/nope", {
      key: admin,
      params: { id: "nope" },
      body: { name: "Ghost" },
    });
    expect(missing.status).toBe(404);
  });

  test("a plan's tax behaviour overrides the ISP's on its invoice lines; totals add up either way", async () => {
    const tax = await db.taxClass.findFirstOrThrow({ where: { isDefault: true } });
    const mk = async (taxBehavior: string | null) =>
      (
        await callApi(createPlan, "POST", "/plans", {
          key: admin,
          body: plan({ taxClassId: tax.id, taxBehavior, price: 10000 }),
        })
      ).body;
    const exclusive = await mk("exclusive");
    const inclusive = await mk("inclusive");
    const isp = await mk(null);
    const c = await createCustomer();
    const planOf = new Map<string, string>();
    for (const p of [exclusive, inclusive, isp]) {
      const sub = await callApi(createSub, "POST", "/subscriptions", {
        key: admin,
        body: { customerId: c.id, productId: p.id, startDate: "2026-07-01" },
      });
      planOf.set(sub.body.id, p.id);
    }
    travelTo("2026-07-01");
    await callApi(startRun, "POST", "/billing-runs", {
      key: admin,
      body: { asOf: "2026-07-01", wait: true },
    });
    const list = await callApi(listInvoices, "GET", `/invoices?customerId=${c.id}`, { key: admin });
    const id = list.body.invoices[0].id;
    const full = (
      await callApi(getInvoice, "GET", `/invoices/${id}`, { key: admin, params: { id } })
    ).body;
    type Line = {
      subscriptionId: string;
      netAmount: number;
      taxAmount: number;
      totalAmount: number;
    };
    const amounts = (planId: string) => {
      const l = full.lines.find((x: Line) => planOf.get(x.subscriptionId) === planId) as Line;
      return [l.netAmount, l.taxAmount, l.totalAmount];
    };
    // exclusive: 100.00 + 15 % tax; inclusive and the ISP's (inclusive): 100.00 includes the tax.
    expect(amounts(exclusive.id)).toEqual([10000, 1500, 11500]);
    expect(amounts(inclusive.id)).toEqual([8696, 1304, 10000]);
    expect(amounts(isp.id)).toEqual([8696, 1304, 10000]);
    expect(full).toMatchObject({ subtotal: 27392, taxTotal: 4108, total: 31500 });
    expect(full.taxes).toEqual([{ rate: "15.0000", netAmount: 27392, taxAmount: 4108 }]);
  });
});

describe("subscriptions and held drafts", () => {
  test("listed by customer and status; held drafts listed and finalised by the API", async () => {
    const tax = await db.taxClass.findFirstOrThrow({ where: { isDefault: true } });
    const p = (
      await callApi(createPlan, "POST", "/plans", {
        key: admin,
        body: plan({ taxClassId: tax.id }),
      })
    ).body;
    const c = await createCustomer();
    const other = await createCustomer();
    const a = await callApi(createSub, "POST", "/subscriptions", {
      key: admin,
      body: { customerId: c.id, productId: p.id, startDate: "2026-08-01" },
    });
    await callApi(createSub, "POST", "/subscriptions", {
      key: admin,
      body: { customerId: other.id, productId: p.id, startDate: "2026-08-01" },
    });
    const old = await createSubscription({ customerId: c.id, product: p, startDate: "2026-01-01" });
    await db.subscription.update({ where: { id: old.id }, data: { status: "CANCELLED" } });
    const active = await callApi(
      listSubs,
      "GET",
      `/subscriptions?customerId=${c.id}&status=ACTIVE`,
      {
        key: accounts,
      },
    );
    expect(active.body.data.map((s: { id: string }) => s.id)).toEqual([a.body.id]);
    expect(active.body.data[0]).toMatchObject({ productName: "Fibre 50", status: "ACTIVE" });
    const all = await callApi(listSubs, "GET", `/subscriptions?customerId=${c.id}`, {
      key: accounts,
    });
    expect(all.body.data).toHaveLength(2);
    expect(
      (await callApi(listSubs, "GET", "/subscriptions?status=DONE", { key: admin })).status,
    ).toBe(400);

    await callApi(patchSettings, "PATCH", "/settings", {
      key: admin,
      body: { invoiceHoldHours: 24 },
    });
    travelTo("2026-08-01");
    await callApi(startRun, "POST", "/billing-runs", {
      key: admin,
      body: { asOf: "2026-08-01", wait: true },
    });
    await callApi(patchSettings, "PATCH", "/settings", {
      key: admin,
      body: { invoiceHoldHours: 0 },
    });
    const drafts = await callApi(listInvoices, "GET", `/invoices?status=DRAFT&customerId=${c.id}`, {
      key: accounts,
    });
    expect(drafts.body.invoices).toHaveLength(1);
    const draft = drafts.body.invoices[0];
    expect(draft).toMatchObject({ status: "DRAFT", number: null, total: 10000 });
    expect(draft.finalizeAfter).toBe("2026-08-02T07:00:00.000Z");

    const done = await callApi(finalize, "POST", `/invoices/${draft.id}/finalize`, {
      key: accounts,
      params: { id: draft.id },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "OPEN", number: expect.stringMatching(/^INV-/) });
    const again = await callApi(finalize, "POST", `/invoices/${draft.id}/finalize`, {
      key: accounts,
      params: { id: draft.id },
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: "CONFLICT" } } });
    const ledger = await db.ledgerEntry.findMany({ where: { invoiceId: draft.id } });
    expect(ledger.map((l) => l.amount)).toEqual([10000]);
    const denied = await callApi(finalize, "POST", "/invoices/x/finalize", {
      key: sales,
      params: { id: "x" },
    });
    expect(denied.status).toBe(403);
  });
});
