// The rails' API: settings with write-only secrets (stored encrypted), rails that cannot be
// enabled half-configured, roles, and pay options listing every way to pay an invoice.
import { beforeAll, describe, expect, test } from "vitest";
import { GET as payOptions } from "@/app/api/v1/invoices/[id]/pay-options/route";
import { GET as getRails, PATCH as patchRails } from "@/app/api/v1/settings/payment-rails/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { callApi } from "../support/call-api";
import { ADMIN, KENYA, customerOwing, secretsForTests, setupIsp } from "./fixtures";

const keys = { admin: "", accounts: "", support: "" };

beforeAll(async () => {
  secretsForTests();
  await setupIsp(KENYA);
  const user = await db.user.create({
    data: { email: "ada@isp.example", name: "Ada", role: "ADMIN", passwordHash: null },
  });
  const actor = { ...ADMIN, id: user.id };
  keys.admin = (await createApiKey({ actor, name: "ops", role: "ADMIN" })).key;
  keys.accounts = (await createApiKey({ actor, name: "acc", role: "ACCOUNTS" })).key;
  keys.support = (await createApiKey({ actor, name: "desk", role: "SUPPORT" })).key;
});

describe("settings/payment-rails", () => {
  test("secrets are write-only and encrypted; a rail is enabled only when complete", async () => {
    const initial = await callApi(getRails, "GET", "/settings/payment-rails", { key: keys.admin });
    expect(initial.status).toBe(200);
    expect(initial.body.mpesa).toMatchObject({
      enabled: false,
      secrets: { consumerSecret: false, passkey: false },
      stkCallbackUrl: expect.stringMatching(/\/api\/rails\/daraja\/[\w-]{20,}\/stk$/),
    });

    const half = await callApi(patchRails, "PATCH", "/settings/payment-rails", {
      key: keys.admin,
      body: { mpesa: { enabled: true, config: { shortcode: "174379" } } },
    });
    expect(half.status).toBe(400);
    expect(half.body.error.fields).toMatchObject({
      "mpesa.config.consumerKey": "is required to enable this rail",
      "mpesa.secrets.passkey": "is required to enable this rail",
    });
    expect(await db.paymentRailSetting.findUnique({ where: { rail: "MPESA" } })).toMatchObject({
      enabled: false,
      config: {},
    });

    const full = await callApi(patchRails, "PATCH", "/settings/payment-rails", {
      key: keys.admin,
      body: {
        mpesa: {
          enabled: true,
          config: {
            baseUrl: "https://sandbox.safaricom.co.ke",
            shortcode: "174379",
            consumerKey: "ck",
          },
          secrets: { consumerSecret: "the-consumer-secret", passkey: "the-passkey" },
        },
      },
    });
    expect(full.status).toBe(200);
    expect(full.body.mpesa).toMatchObject({
      enabled: true,
      secrets: { consumerSecret: true, passkey: true },
    });
    expect(JSON.stringify(full.body)).not.toContain("the-passkey");
    const row = await db.paymentRailSetting.findUniqueOrThrow({ where: { rail: "MPESA" } });
    expect(row.secretsEnc).not.toContain("the-passkey");

    const bad = await callApi(patchRails, "PATCH", "/settings/payment-rails", {
      key: keys.admin,
      body: { pix: { config: { key: "x", pspBaseUrl: "ftp://psp" }, unknown: 1 } },
    });
    expect(bad.status).toBe(400);

    for (const key of [keys.accounts, keys.support]) {
      expect((await callApi(getRails, "GET", "/settings/payment-rails", { key })).status).toBe(403);
    }
  });
});

describe("invoices/{id}/pay-options", () => {
  test("M-PESA prompt and paybill, the pay link and bank details with the reference", async () => {
    const { customer, invoice } = await customerOwing(150050);
    const r = await callApi(payOptions, "GET", `/invoices/${invoice.id}/pay-options`, {
      key: keys.support,
      params: { id: invoice.id },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ amountDue: 150050, currency: "KES" });
    expect(r.body.options).toEqual([
      { kind: "MPESA_STK", description: expect.any(String), amountShillings: 1501 },
      { kind: "MPESA_PAYBILL", paybill: "174379", accountNumber: customer.accountNumber },
      { kind: "PAY_LINK", url: expect.stringMatching(/\/pay\/[\w-]+\.[\w-]+$/) },
      expect.objectContaining({
        kind: "BANK_TRANSFER",
        accountNumber: "62001234567",
        reference: customer.paymentReference,
      }),
    ]);
    const missing = await callApi(payOptions, "GET", `/invoices/nope/pay-options`, {
      key: keys.support,
      params: { id: "nope" },
    });
    expect(missing.status).toBe(404);
  });
});
