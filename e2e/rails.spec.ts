import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { connectLocal } from "@/lib/db/connect-local";
import { CREDENTIALS, startFakeDaraja } from "../tests/rails/fake-daraja";
import { PSP_CLIENT, startFakePixPsp } from "../tests/rails/fake-pix-psp";
import { makeTestPki } from "../tests/rails/test-ca";
import { E2E, storageStateFor } from "./support/env";

// [rails] Local payment rails against local fake providers: the demo customer (made a Brazilian
// customer for this run) sees the Pix code on their invoice, creates a Pix charge in the portal
// and pays it; the PSP's webhook marks the invoice paid with a receipt. Another demo customer
// (made Kenyan) is sent an M-PESA prompt by accounts; Daraja's callback pays the invoice and its
// receipt opens. Both charges show in the admin's Pix and M-PESA list. The Brazilian customer
// also authorises Pix Automático on their payment-methods page and cancels it.

const run = promisify(execFile);
let fakes: {
  daraja: Awaited<ReturnType<typeof startFakeDaraja>>;
  psp: Awaited<ReturnType<typeof startFakePixPsp>>;
};
let sql: pg.Client;
let adminKey = "";
let kenyan = { customerId: "", invoiceId: "", number: "" };
let brazilianInvoice = "";

const api = (path: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${E2E.baseUrl}/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${adminKey}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

/**
 * Makes a demo customer one abroad (their currency; finalised invoices stay as they were) and
 * bills them a new month of a plan today, in that currency: the invoice the test pays.
 */
async function billAbroad(customerId: string, currency: string) {
  await sql.query(`UPDATE "Customer" SET currency = $1 WHERE id = $2`, [currency, customerId]);
  const plan = (
    await sql.query(`SELECT id FROM "Product" WHERE kind = 'PLAN' AND status = 'ACTIVE' LIMIT 1`)
  ).rows[0].id as string;
  const today = new Date().toISOString().slice(0, 10);
  const sub = await api("/subscriptions", {
    method: "POST",
    body: { customerId, productId: plan, startDate: today },
  });
  expect(sub.status, await sub.clone().text()).toBe(201);
  const run = await api("/billing-runs", { method: "POST", body: { wait: true } });
  expect(run.status).toBe(200);
  return (
    await sql.query(
      `SELECT id, number FROM "Invoice" WHERE "customerId" = $1 AND currency = $2 AND status = 'OPEN'`,
      [customerId, currency],
    )
  ).rows[0] as { id: string; number: string };
}

test.beforeAll(async () => {
  const pki = makeTestPki();
  fakes = { daraja: await startFakeDaraja(), psp: await startFakePixPsp(pki) };
  const { stdout } = await run(
    "npx",
    ["tsx", "scripts/apikey-create.ts", "--role", "ADMIN", "--name", "e2e rails"],
    { env: { ...process.env, DATA_DIR: E2E.dataDir, DATABASE_URL: "" } },
  );
  adminKey = stdout.trim().split("\n").at(-1)!;
  const local = await connectLocal({ dataDir: E2E.dataDir });
  sql = new pg.Client({ connectionString: local.url });
  await sql.connect();

  const customerA = (
    await sql.query(`SELECT "customerId" FROM "User" WHERE email = $1`, [E2E.users.CUSTOMER])
  ).rows[0].customerId as string;
  brazilianInvoice = (await billAbroad(customerA, "BRL")).id;
  await sql.query(`UPDATE "Customer" SET "taxNumber" = '123.456.789-09' WHERE id = $1`, [
    customerA,
  ]);
  const other = (
    await sql.query(
      `SELECT c.id FROM "Customer" c WHERE c.id <> $1 AND c.status = 'ACTIVE'
        ORDER BY c."accountNumber" DESC LIMIT 1`,
      [customerA],
    )
  ).rows[0].id as string;
  await sql.query(`UPDATE "Customer" SET phone = '0712 345 678' WHERE id = $1`, [other]);
  const kes = await billAbroad(other, "KES");
  kenyan = { customerId: other, invoiceId: kes.id, number: kes.number };

  const res = await api("/settings/payment-rails", {
    method: "PATCH",
    body: {
      pix: {
        enabled: true,
        config: {
          key: "cobranca@bolandfibre.test",
          merchantName: "Boland Fibre",
          merchantCity: "Campinas",
          staticOnInvoices: true,
          pspBaseUrl: fakes.psp.baseUrl,
          tokenUrl: fakes.psp.tokenUrl,
          clientId: PSP_CLIENT.clientId,
          caCertPem: pki.ca,
          receiverAccount: "012682",
          receiverBranch: "9708",
          receiverAccountType: "CORRENTE",
        },
        secrets: {
          clientSecret: PSP_CLIENT.clientSecret,
          clientCertPem: pki.clientCert,
          clientKeyPem: pki.clientKey,
        },
      },
      mpesa: {
        enabled: true,
        config: {
          baseUrl: fakes.daraja.url,
          shortcode: CREDENTIALS.shortcode,
          consumerKey: CREDENTIALS.consumerKey,
        },
        secrets: { consumerSecret: CREDENTIALS.consumerSecret, passkey: CREDENTIALS.passkey },
      },
    },
  });
  expect(res.status).toBe(200);
});

test.afterAll(async () => {
  await sql?.end();
  await fakes?.daraja.close();
  await fakes?.psp.close();
});

test.describe("[rails] Pix in the portal", () => {
  test.use({ storageState: storageStateFor("CUSTOMER") });

  test("the invoice shows its Pix code; a Pix charge paid through the PSP marks it paid with a receipt", async ({
    page,
  }) => {
    await page.goto(`/portal/invoices/${brazilianInvoice}`);
    const number = (await page.getByRole("heading", { level: 1 }).textContent())!.replace(
      "Invoice ",
      "",
    );
    await expect(page.getByRole("heading", { name: "Ways to pay" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Pix QR code" })).toBeVisible();
    const code = await page.getByLabel("Pix copia e cola").inputValue();
    expect(code).toMatch(/^000201.*br\.gov\.bcb\.pix.*6304[0-9A-F]{4}$/);
    await page.screenshot({ path: "test-results/rails-portal-pix-1280.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/rails-portal-pix-390.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole("button", { name: "Create a Pix charge" }).click();
    // The page shows the new charge's code in place of the button.
    const chargeCode = page.getByLabel("Pix charge copia e cola");
    await expect(chargeCode).toBeVisible();
    const [cob] = [...fakes.psp.cobs.values()].slice(-1);
    expect(cob.status).toBe("ATIVA");
    await expect(chargeCode).toHaveValue(cob.pixCopiaECola);

    // The payer's bank pays it; the PSP calls the webhook it was given by the admin.
    const webhook = (await (await api("/settings/payment-rails")).json()).pix.webhookUrl;
    const pix = fakes.psp.pay(cob.txid, cob.valor.original);
    const hook = await fakes.psp.notify("", [pix], webhook);
    expect(hook.status).toBe(200);
    await fakes.psp.notify("", [pix], webhook); // delivered twice

    await page.reload();
    await expect(page.getByText("Paid", { exact: true }).first()).toBeVisible();
    await page.goto("/portal/payments");
    const receipt = page
      .getByRole("row")
      .filter({ hasText: "Pix" })
      .getByRole("link", { name: /RCT-/ });
    await expect(receipt).toBeVisible();
    const pdf = await page.request.get((await receipt.getAttribute("href"))!);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const paid = await sql.query(
      `SELECT count(*)::int AS n FROM "Payment" p JOIN "PaymentAllocation" a ON a."paymentId" = p.id
        JOIN "Invoice" i ON i.id = a."invoiceId" WHERE i.number = $1 AND p.provider = 'PIX'`,
      [number],
    );
    expect(paid.rows[0].n).toBe(1);
  });
});

test.describe("[rails] Pix Automático in the portal", () => {
  test.use({ storageState: storageStateFor("CUSTOMER") });

  test("the customer authorises it, approves it in the bank app (the PSP's /rec webhook), and cancels it", async ({
    page,
  }) => {
    await page.goto("/portal/payment-methods");
    await expect(page.getByRole("heading", { name: "Pix Automático" })).toBeVisible();
    await page.getByLabel("Most per collection (R$)").fill("250,00");
    await page.getByRole("button", { name: "Authorise Pix Automático" }).click();
    await expect(page.getByText("Waiting for approval in your bank app")).toBeVisible();
    await expect(page.getByRole("img", { name: "Pix Automático QR code" })).toBeVisible();
    const [rec] = [...fakes.psp.recs.values()].slice(-1);
    expect(rec).toMatchObject({ status: "CRIADA", vinculo: { devedor: { cpf: "12345678909" } } });
    await page.screenshot({ path: "test-results/rails-pix-automatico-1280.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/rails-pix-automatico-390.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // The payer approves in their bank app; the PSP tells the webhook the admin registered.
    const webhook = (await (await api("/settings/payment-rails")).json()).pix.webhookUrl;
    fakes.psp.approveRec(rec.idRec);
    expect((await fakes.psp.notifyRec([rec.idRec], webhook)).status).toBe(200);
    await page.reload();
    await expect(page.getByText("Active", { exact: true })).toBeVisible();
    await page.screenshot({
      path: "test-results/rails-pix-automatico-active-1280.png",
      fullPage: true,
    });

    await page.getByRole("button", { name: "Cancel Pix Automático" }).click();
    await expect(page.getByText("Pix Automático cancelled.")).toBeVisible();
    expect(fakes.psp.recs.get(rec.idRec)!.status).toBe("CANCELADA");
  });
});

test.describe("[rails] M-PESA from the back office", () => {
  test.use({ storageState: storageStateFor("ADMIN") });

  test("an STK push is paid by Daraja's callback: the invoice shows paid and the receipt opens", async ({
    page,
  }) => {
    const started = await api(`/invoices/${kenyan.invoiceId}/rail-charges`, {
      method: "POST",
      body: { rail: "MPESA" },
    });
    expect(started.status).toBe(201);
    const charge = await started.json();
    expect(charge.status).toBe("PENDING");
    const push = fakes.daraja.pushes.at(-1)!;
    expect(push.request.PhoneNumber).toBe("254712345678");

    await page.goto(`/admin/invoices/${kenyan.invoiceId}`);
    await expect(page.getByRole("heading", { name: `Invoice ${kenyan.number}` })).toBeVisible();

    const { receipt } = fakes.daraja.finish(
      charge.providerRef,
      0,
      "The service request is processed successfully.",
    );
    expect((await fakes.daraja.callback(charge.providerRef)).body).toEqual({
      ResultCode: 0,
      ResultDesc: "Accepted",
    });
    await page.reload();
    await expect(page.getByText("Paid", { exact: true }).first()).toBeVisible();

    await page.goto("/admin/payments/rails");
    const row = page.getByRole("row", { name: new RegExp(kenyan.number) });
    await expect(row.getByText("Paid")).toBeVisible();
    await page.screenshot({ path: "test-results/rails-admin-list-1280.png", fullPage: true });
    await row.getByRole("link", { name: /^RCT-/ }).click();
    await expect(page.getByText(receipt!).first()).toBeVisible();
    const href = await page.getByRole("link", { name: "Receipt PDF" }).getAttribute("href");
    const pdf = await page.request.get(href!);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");

    await page.goto("/admin/settings/payment-rails");
    await page.getByRole("button", { name: "Test connection" }).first().click();
    await expect(
      page.getByText("Connected: the provider issued an access token").first(),
    ).toBeVisible();
    await page.screenshot({ path: "test-results/rails-settings-1280.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/rails-settings-390.png", fullPage: true });
  });
});
