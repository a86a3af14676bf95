// Pay now (portal and signed pay link) against the fake Stripe's server-side confirm, the
// payments API additions (refunds, pay links, payment methods) and the invoice's QR pay link.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/time/clock";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { payLinkToken } from "@/lib/payments/pay-link";
import {
  removePaymentMethod,
  setDefaultPaymentMethod,
} from "@/lib/payment-methods/manage-payment-method";
import {
  confirmTestPayment,
  getPayLinkInvoice,
  paymentMethodParams,
  startPayLinkPayment,
  startPortalPayment,
} from "@/lib/payments/stripe/pay-now";
import { POST as refund } from "@/app/api/v1/payments/[id]/refunds/route";
import { POST as payLink } from "@/app/api/v1/invoices/[id]/pay-link/route";
import { GET as methods } from "@/app/api/v1/customers/[id]/payment-methods/route";
import { callApi } from "../support/call-api";
import type { FakeStripe } from "../support/fake-stripe";
import { invoiceState, setupIsp } from "./fixtures";
import { attemptsOf, cardCustomer, deliver, useFakeStripe } from "./stripe-fixtures";

let stripe: FakeStripe;
const keys = { accounts: "", sales: "" };
beforeAll(async () => {
  await setupIsp();
  stripe = await useFakeStripe();
  const admin = await db.user.create({
    data: { email: "ada@pay.test", name: "Ada", role: "ADMIN" },
  });
  const actor = { kind: "user" as const, id: admin.id, role: "ADMIN" as const, name: "Ada" };
  keys.accounts = (await createApiKey({ actor, name: "acc", role: "ACCOUNTS" })).key;
  keys.sales = (await createApiKey({ actor, name: "crm", role: "SALES" })).key;
});
afterAll(() => stripe.stop());

const customerActor = (customerId: string) => ({
  kind: "user" as const,
  id: `u-${customerId}`,
  role: "CUSTOMER" as const,
  name: "Cus",
  customerId,
});

describe("pay now", () => {
  test("the portal pays the whole balance: every open invoice PAID, one receipt", async () => {
    const { customer, invoices } = await cardCustomer(2);
    const start = await startPortalPayment({
      actor: customerActor(customer.id),
      customerId: customer.id,
    });
    expect(start).toMatchObject({ amount: invoices[0].total + invoices[1].total, testMode: true });
    expect(start.clientSecret).toMatch(/_secret_/);
    const r = await confirmTestPayment({ paymentId: start.paymentId });
    expect(r).toMatchObject({ result: "received" });
    for (const i of invoices) expect(await invoiceState(i.id)).toMatchObject({ status: "PAID" });
    // Stripe's webhook for the same intent changes nothing.
    const pi = stripe.paymentIntents.get((await attemptsOf(customer.id))[0].externalId!)!;
    await deliver(stripe, "payment_intent.succeeded", pi);
    expect((await attemptsOf(customer.id)).map((p) => p.status)).toEqual(["SUCCEEDED"]);
  });

  test("another customer's invoice is not theirs to pay", async () => {
    const a = await cardCustomer(1);
    const b = await cardCustomer(1);
    await expect(
      startPortalPayment({ actor: customerActor(a.customer.id), customerId: b.customer.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      startPortalPayment({
        actor: customerActor(a.customer.id),
        customerId: a.customer.id,
        invoiceId: b.invoices[0].id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("a pay link pays its invoice without signing in; forged and expired links are friendly states", async () => {
    const { invoices } = await cardCustomer(1);
    const token = payLinkToken({ invoiceId: invoices[0].id });
    expect(await getPayLinkInvoice({ token })).toMatchObject({
      state: "ok",
      invoice: { open: invoices[0].total },
    });
    expect(await getPayLinkInvoice({ token: `${token}x` })).toEqual({ state: "invalid" });
    expect(await getPayLinkInvoice({ token: "garbage" })).toEqual({ state: "invalid" });
    const old = payLinkToken({
      invoiceId: invoices[0].id,
      expiresAt: new Date(now().getTime() - 1000),
    });
    expect(await getPayLinkInvoice({ token: old })).toEqual({ state: "expired" });
    await expect(startPayLinkPayment({ token: old })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const start = await startPayLinkPayment({ token });
    await confirmTestPayment({ paymentId: start.paymentId });
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "PAID" });
    expect(await getPayLinkInvoice({ token })).toMatchObject({
      invoice: { open: 0, status: "PAID" },
    });
  });

  test("a declined test card leaves the invoice open and the attempt FAILED", async () => {
    const { customer, invoices } = await cardCustomer(1);
    const start = await startPortalPayment({
      actor: customerActor(customer.id),
      customerId: customer.id,
    });
    const r = await confirmTestPayment({ paymentId: start.paymentId, card: "pm_decline_here" });
    expect(r).toMatchObject({ result: "failed" });
    expect(await invoiceState(invoices[0].id)).toMatchObject({ status: "OPEN" });
  });

  test("other Payment Element methods are configuration", () => {
    expect(paymentMethodParams([])).toEqual({ allowed_payment_method_types: ["card"] });
    expect(paymentMethodParams(["sepa_debit", "boleto", "pix"])).toEqual({
      allowed_payment_method_types: ["card", "sepa_debit", "boleto", "pix"],
    });
    expect(paymentMethodParams(["automatic"])).toEqual({
      automatic_payment_methods: { enabled: true },
    });
  });
});

describe("API", () => {
  test("POST /invoices/{id}/pay-link answers a working link; 403 for SALES", async () => {
    const { invoices } = await cardCustomer(1);
    const r = await callApi(payLink, "POST", `/invoices/${invoices[0].id}/pay-link`, {
      key: keys.accounts,
      params: { id: invoices[0].id },
      body: { days: 7 },
    });
    expect(r.status).toBe(200);
    expect(r.body.url).toMatch(/\/pay\/[\w-]+\.[\w-]+$/);
    const token = r.body.url.split("/pay/")[1];
    expect(await getPayLinkInvoice({ token })).toMatchObject({
      state: "ok",
      expiresAt: r.body.expiresAt,
    });
    const denied = await callApi(payLink, "POST", `/invoices/${invoices[0].id}/pay-link`, {
      key: keys.sales,
      params: { id: invoices[0].id },
      body: {},
    });
    expect(denied.status).toBe(403);
  });

  test("GET /customers/{id}/payment-methods lists cards masked, the default first", async () => {
    const { customer } = await cardCustomer(1);
    const r = await callApi(methods, "GET", `/customers/${customer.id}/payment-methods`, {
      key: keys.accounts,
      params: { id: customer.id },
    });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual([
      expect.objectContaining({
        kind: "CARD",
        isDefault: true,
        card: expect.objectContaining({ last4: "4242" }),
      }),
    ]);
  });

  test("POST /payments/{id}/refunds refunds a card payment through Stripe; 422 beyond what is left", async () => {
    const { customer } = await cardCustomer(1);
    const start = await startPortalPayment({
      actor: customerActor(customer.id),
      customerId: customer.id,
    });
    await confirmTestPayment({ paymentId: start.paymentId });
    const r = await callApi(refund, "POST", `/payments/${start.paymentId}/refunds`, {
      key: keys.accounts,
      params: { id: start.paymentId },
      body: { amount: 1000, reason: "goodwill" },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ refunded: 1000, status: "SUCCEEDED" });
    const tooMuch = await callApi(refund, "POST", `/payments/${start.paymentId}/refunds`, {
      key: keys.accounts,
      params: { id: start.paymentId },
      body: { amount: 10_000_000, reason: "x" },
    });
    expect(tooMuch.status).toBe(422);
    const bad = await callApi(refund, "POST", `/payments/${start.paymentId}/refunds`, {
      key: keys.accounts,
      params: { id: start.paymentId },
      body: { amount: -5 },
    });
    expect(bad.status).toBe(400);
  });
});

describe("payment methods", () => {
  test("the customer makes another card the default and removes one (detached at Stripe)", async () => {
    const { customer, method } = await cardCustomer(1);
    const other = await db.paymentMethod.create({
      data: {
        customerId: customer.id,
        kind: "CARD",
        stripePaymentMethodId: `pm_ok_second_${customer.id}`,
        cardLast4: "1111",
      },
    });
    const actor = customerActor(customer.id);
    await setDefaultPaymentMethod({ actor, customerId: customer.id, paymentMethodId: other.id });
    const rows = await db.paymentMethod.findMany({
      where: { customerId: customer.id },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => r.isDefault)).toEqual([false, true]);
    await removePaymentMethod({ actor, customerId: customer.id, paymentMethodId: other.id });
    const left = await db.paymentMethod.findMany({ where: { customerId: customer.id } });
    expect(left.map((m) => [m.id, m.isDefault])).toEqual([[method.id, true]]);
    const stranger = await cardCustomer(1);
    await expect(
      removePaymentMethod({ actor, customerId: customer.id, paymentMethodId: stranger.method.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
