// Pix through a local PSP speaking the Banco Central's Pix API over mutual TLS: a dynamic charge
// is created (PUT /cob/{txid}), the payer pays, and the webhook — twice, late, with a wrong token,
// or naming a Pix the PSP never saw — pays the invoice exactly once; without a webhook the status
// query does. The static BR Code on the invoice names it by txid, and pays it the same way.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { renderInvoicePdf } from "@/lib/invoices/render-invoice-pdf";
import { db } from "@/lib/db";
import { emailInvoice } from "@/lib/invoices/email-invoice";
import { getPayOptions } from "@/lib/payments/rails/get-pay-options";
import { pollRailCharges } from "@/lib/payments/rails/poll-rail-charges";
import { parseBrCode } from "@/lib/payments/rails/pix/br-code";
import { createPixCharge } from "@/lib/payments/rails/pix/create-pix-charge";
import { registerPixWebhook } from "@/lib/payments/rails/pix/register-pix-webhook";
import { RAILS } from "@/lib/payments/rails/rail";
import { updateRailSettings } from "@/lib/payments/rails/update-rail-settings";
import { now, setClock } from "@/lib/time/clock";
import { startAppServer } from "./app-server";
import { PSP_CLIENT, startFakePixPsp } from "./fake-pix-psp";
import {
  ACCOUNTS,
  ADMIN,
  BRAZIL,
  customerOwing,
  paymentsOf,
  secretsForTests,
  setupIsp,
} from "./fixtures";
import { makeTestPki, type TestPki } from "./test-ca";

const KEY = "cobranca@provedor.example";
let app: Awaited<ReturnType<typeof startAppServer>>;
let psp: Awaited<ReturnType<typeof startFakePixPsp>>;
let pki: TestPki;

beforeAll(async () => {
  secretsForTests();
  pki = makeTestPki();
  app = await startAppServer();
  psp = await startFakePixPsp(pki);
  await setupIsp(BRAZIL);
  await updateRailSettings({
    actor: ADMIN,
    input: {
      pix: {
        enabled: true,
        config: {
          key: KEY,
          merchantName: "Provedor Vale Fibra",
          merchantCity: "Campinas",
          staticOnInvoices: true,
          pspBaseUrl: psp.baseUrl,
          tokenUrl: psp.tokenUrl,
          clientId: PSP_CLIENT.clientId,
          caCertPem: pki.ca,
        },
        secrets: {
          clientSecret: PSP_CLIENT.clientSecret,
          clientCertPem: pki.clientCert,
          clientKeyPem: pki.clientKey,
        },
      },
    },
  });
  await registerPixWebhook({ actor: ADMIN });
});
afterAll(async () => {
  setClock(undefined);
  await psp?.close();
  await app?.close();
});

const invoiceOf = (id: string) => db.invoice.findUniqueOrThrow({ where: { id } });

describe("dynamic charges (cob)", () => {
  test("the webhook pays the invoice once: twice, late, and a wrong token change nothing", async () => {
    expect(psp.webhooks.get(KEY)).toMatch(/\/api\/rails\/pix\/[\w-]+$/);
    const { customer, invoice } = await customerOwing(12990); // R$ 129,90
    const charge = await createPixCharge({ actor: ACCOUNTS, invoiceId: invoice.id });
    const cob = psp.cobs.get(charge.providerRef)!;
    expect(cob).toMatchObject({ valor: { original: "129.90" }, chave: KEY, status: "ATIVA" });
    expect(charge.display).toMatchObject({ copiaECola: cob.pixCopiaECola });
    expect(parseBrCode(cob.pixCopiaECola).url).toBe(cob.location);
    // Asking again shows the same open charge.
    expect((await createPixCharge({ actor: ACCOUNTS, invoiceId: invoice.id })).id).toBe(charge.id);
    expect((await invoiceOf(invoice.id)).status).toBe("OPEN");

    const pix = psp.pay(charge.providerRef, "129.90");
    const forged = await psp.notify(KEY, [pix], `${app.url}/api/rails/pix/wrong-token`);
    expect(forged.status).toBe(401);
    expect(await db.webhookEvent.count({ where: { source: "pix" } })).toBe(0);

    const twice = await Promise.all([psp.notify(KEY, [pix]), psp.notify(KEY, [pix])]);
    expect(twice.map((r) => r.status)).toEqual([200, 200]);
    setClock(new Date(now().getTime() + 86_400_000));
    expect((await psp.notify(KEY, [pix])).status).toBe(200);

    const payments = await paymentsOf(customer.id);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      amount: 12990,
      provider: "PIX",
      method: "PIX",
      reference: pix.endToEndId,
      externalId: `pix:${pix.endToEndId}`,
      number: expect.stringMatching(/^RCT-/),
    });
    expect(await invoiceOf(invoice.id)).toMatchObject({ status: "PAID", amountPaid: 12990 });
    expect(await db.railCharge.findUniqueOrThrow({ where: { id: charge.id } })).toMatchObject({
      status: "PAID",
      paymentId: payments[0].id,
    });
    // Nothing left to pay, nothing offered.
    expect((await getPayOptions({ actor: ACCOUNTS, invoiceId: invoice.id })).options).toEqual([]);
  });

  test("a webhook naming a Pix the PSP never saw pays nothing", async () => {
    const { customer, invoice } = await customerOwing(5000);
    const charge = await createPixCharge({ actor: ACCOUNTS, invoiceId: invoice.id });
    const made_up = {
      endToEndId: "E99999999202611301200abcdef12345",
      txid: charge.providerRef,
      valor: "50.00",
      horario: new Date().toISOString(),
    };
    expect((await psp.notify(KEY, [made_up])).status).toBe(200);
    expect(await paymentsOf(customer.id)).toEqual([]);
    expect(
      await db.webhookEvent.findFirstOrThrow({ where: { externalId: made_up.endToEndId } }),
    ).toMatchObject({ processedAt: null, error: "the PSP does not know this endToEndId" });
  });

  test("no webhook: the status query (GET /cob) finds the payment", async () => {
    const { customer, invoice } = await customerOwing(7750);
    const charge = await createPixCharge({ actor: ACCOUNTS, invoiceId: invoice.id });
    psp.pay(charge.providerRef, "77.50");
    setClock(new Date(now().getTime() + 2 * 60_000));
    expect(await pollRailCharges()).toMatchObject({ paid: 1 });
    expect((await invoiceOf(invoice.id)).status).toBe("PAID");
    expect(await paymentsOf(customer.id)).toHaveLength(1);
  });

  test("mutual TLS: a client certificate from another CA is refused by the PSP", async () => {
    await expect(RAILS.PIX.testConnection()).resolves.toBeUndefined();
    await updateRailSettings({
      actor: ADMIN,
      input: {
        pix: { secrets: { clientCertPem: pki.strangerCert, clientKeyPem: pki.strangerKey } },
      },
    });
    try {
      await expect(RAILS.PIX.testConnection()).rejects.toMatchObject({
        code: "UNPROCESSABLE",
        message: expect.stringContaining("could not be reached"),
      });
    } finally {
      await updateRailSettings({
        actor: ADMIN,
        input: { pix: { secrets: { clientCertPem: pki.clientCert, clientKeyPem: pki.clientKey } } },
      });
    }
  });
});

describe("static BR Code on the invoice", () => {
  test("carries the open amount and the invoice number as txid; a Pix with that txid pays it", async () => {
    const { customer, invoice } = await customerOwing(9990);
    const { options } = await getPayOptions({ actor: ACCOUNTS, invoiceId: invoice.id });
    expect(options.map((o) => o.kind)).toEqual([
      "PIX_STATIC",
      "PIX_CHARGE",
      "PAY_LINK",
      "BANK_TRANSFER",
    ]);
    const code = options.find((o) => o.kind === "PIX_STATIC")!;
    const decoded = parseBrCode((code as { copiaECola: string }).copiaECola);
    expect(decoded).toMatchObject({
      key: KEY,
      amount: 9990,
      merchantName: "PROVEDOR VALE FIBRA",
      merchantCity: "CAMPINAS",
      txid: invoice.number!.replace(/[^A-Za-z0-9]/g, ""),
    });
    // The invoice email carries it as text, the invoice PDF as text and as its QR.
    await emailInvoice(invoice.id);
    const mail = await db.notification.findFirstOrThrow({ where: { to: customer.email } });
    expect(mail.text).toContain(
      `Pay with Pix (copia e cola): ${(code as { copiaECola: string }).copiaECola}`,
    );
    const pdf = await renderInvoicePdf(invoice.id, { store: false });
    const text = execFileSync("pdftotext", ["-", "-"], { input: pdf })
      .toString()
      .replace(/\s+/g, "");
    expect(text).toContain((code as { copiaECola: string }).copiaECola.replace(/\s+/g, ""));

    const pix = psp.pay(decoded.txid!, "99.90");
    await psp.notify(KEY, [pix]);
    expect((await invoiceOf(invoice.id)).status).toBe("PAID");
    expect(await paymentsOf(customer.id)).toHaveLength(1);
  });
});
