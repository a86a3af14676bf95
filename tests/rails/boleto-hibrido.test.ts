// Boleto híbrido through the PSP's Pix API: a BRL invoice of an ISP that enables it gets a Pix
// charge with due date (`PUT /cobv/{txid}`, checked by the fake PSP against the Banco Central's
// schema): the invoice's due date, validity after it, multa and juros from settings, the payer's
// CPF. Its "copia e cola" is among the invoice's ways to pay (issued once, shown again), and the
// `/pix` webhook — twice — or the status query (`GET /cobv/{txid}`) pays the invoice once.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as payOptionsRoute } from "@/app/api/v1/invoices/[id]/pay-options/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { getPayOptions } from "@/lib/payments/rails/get-pay-options";
import type { PayOption } from "@/lib/payments/rails/pay-options-schema";
import { pollRailCharges } from "@/lib/payments/rails/poll-rail-charges";
import { registerPixWebhook } from "@/lib/payments/rails/pix/register-pix-webhook";
import { updateRailSettings } from "@/lib/payments/rails/update-rail-settings";
import { now, setClock } from "@/lib/time/clock";
import { fromDbDate } from "@/lib/time/dates";
import { callApi } from "../support/call-api";
import { startAppServer } from "./app-server";
import { pixSettingsFor, startFakePixPsp } from "./fake-pix-psp";
import {
  ACCOUNTS,
  ADMIN,
  BRAZIL,
  customerOwing,
  paymentsOf,
  secretsForTests,
  setupIsp,
} from "./fixtures";
import { makeTestPki } from "./test-ca";

const KEY = "cobranca@provedor.example";
let app: Awaited<ReturnType<typeof startAppServer>>;
let psp: Awaited<ReturnType<typeof startFakePixPsp>>;
let apiKey = "";

beforeAll(async () => {
  secretsForTests();
  const pki = makeTestPki();
  app = await startAppServer();
  // The PSP's "today" is business time, as the invoices' due dates are.
  psp = await startFakePixPsp(pki, { today: () => now().toISOString().slice(0, 10) });
  await setupIsp(BRAZIL);
  await updateRailSettings({
    actor: ADMIN,
    input: pixSettingsFor(psp, pki, {
      staticOnInvoices: false,
      boletoHibrido: true,
      finePercent: "2.00",
      interestMonthlyPercent: "1.00",
      daysPayableAfterDue: 30,
    }),
  });
  await registerPixWebhook({ actor: ADMIN });
  const user = await db.user.create({
    data: { email: "ann@isp.example", name: "Ann", role: "ACCOUNTS", passwordHash: null },
  });
  const actor = { ...ADMIN, id: user.id };
  apiKey = (await createApiKey({ actor, name: "acc", role: "ACCOUNTS" })).key;
});
afterAll(async () => {
  setClock(undefined);
  await psp?.close();
  await app?.close();
});

type Boleto = Extract<PayOption, { kind: "BOLETO_HIBRIDO" }>;
const boletoOf = async (invoiceId: string) =>
  (await getPayOptions({ actor: ACCOUNTS, invoiceId })).options.find(
    (o): o is Boleto => o.kind === "BOLETO_HIBRIDO",
  );

async function owingWithCpf(price: number) {
  const owing = await customerOwing(price);
  await db.customer.update({
    where: { id: owing.customer.id },
    data: { taxNumber: "123.456.789-09" },
  });
  return owing;
}

describe("boleto híbrido (cobv)", () => {
  test("issued once with the invoice's due date, fine, interest and CPF; the webhook pays it once", async () => {
    const { customer, invoice } = await owingWithCpf(12990);
    const boleto = (await boletoOf(invoice.id))!;
    expect(boleto).toMatchObject({
      kind: "BOLETO_HIBRIDO",
      dueDate: fromDbDate(invoice.dueDate),
      copiaECola: expect.stringMatching(/^000201/),
      location: expect.stringContaining("pix.example.com/qr/v2/cobv/"),
    });
    expect(psp.cobvs.get(boleto.txid)).toMatchObject({
      status: "ATIVA",
      calendario: { dataDeVencimento: fromDbDate(invoice.dueDate), validadeAposVencimento: 30 },
      valor: {
        original: "129.90",
        multa: { modalidade: 2, valorPerc: "2.00" },
        juros: { modalidade: 3, valorPerc: "1.00" },
      },
      devedor: { cpf: "12345678909", nome: expect.any(String) },
      chave: KEY,
    });
    // Shown again (the API's answer is checked against its document), not issued again; not
    // mistaken for an immediate Pix charge.
    const api = await callApi(payOptionsRoute, "GET", `/invoices/${invoice.id}/pay-options`, {
      key: apiKey,
      params: { id: invoice.id },
    });
    expect(api.status).toBe(200);
    expect(api.body.options).toContainEqual(boleto);
    const again = await getPayOptions({ actor: ACCOUNTS, invoiceId: invoice.id });
    expect(again.options.find((o) => o.kind === "BOLETO_HIBRIDO")).toEqual(boleto);
    expect(again.options.find((o) => o.kind === "PIX_CHARGE")).toMatchObject({ copiaECola: null });
    expect(psp.cobvs.size).toBe(1);
    expect(await db.railCharge.count({ where: { invoiceId: invoice.id } })).toBe(1);

    const pix = psp.pay(boleto.txid, "129.90");
    await psp.notify(KEY, [pix]);
    await psp.notify(KEY, [pix]);
    const payments = await paymentsOf(customer.id);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ amount: 12990, method: "PIX", provider: "PIX" });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      status: "PAID",
    });
    expect(
      await db.railCharge.findFirstOrThrow({ where: { providerRef: boleto.txid } }),
    ).toMatchObject({ status: "PAID", paymentId: payments[0].id });
    expect((await getPayOptions({ actor: ACCOUNTS, invoiceId: invoice.id })).options).toEqual([]);
  });

  test("no webhook: the status query (GET /cobv) pays it", async () => {
    const { customer, invoice } = await owingWithCpf(8000);
    const boleto = (await boletoOf(invoice.id))!;
    psp.pay(boleto.txid, "80.00");
    setClock(new Date(now().getTime() + 2 * 60_000));
    expect(await pollRailCharges()).toMatchObject({ paid: 1 });
    expect(await paymentsOf(customer.id)).toHaveLength(1);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
  });

  test("not without the payer's CPF/CNPJ, which cobv requires; a malformed fine is refused", async () => {
    const { invoice } = await customerOwing(5000);
    expect(await boletoOf(invoice.id)).toBeUndefined();
    expect(await db.railCharge.count({ where: { invoiceId: invoice.id } })).toBe(0);
    await expect(
      updateRailSettings({
        actor: ADMIN,
        input: { pix: { config: { finePercent: "2%" } } },
      }),
    ).rejects.toThrow("a percentage like 2.00"); // a ZodError: the API answers 400
  });
});
