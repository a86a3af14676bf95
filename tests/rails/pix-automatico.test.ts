// Pix Automático through a local PSP speaking the Banco Central's Pix API over mutual TLS: the
// customer authorises a recurrence once (POST /locrec, POST /rec, its QR from GET /rec), approves
// it in their bank app (the /rec webhook, confirmed with GET /rec), each invoice gets its
// collection (PUT /cobr) 2–10 days before it is due, and the /cobr webhook — twice, beside the
// /pix webhook and the status query — pays it once. Refusals and cancellations fail into dunning.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { loadAccounts } from "@/lib/dunning/load-accounts";
import { pollRailCharges } from "@/lib/payments/rails/poll-rail-charges";
import { parseBrCode } from "@/lib/payments/rails/pix/br-code";
import { authorizePixAutomatico } from "@/lib/payments/rails/pix/automatico/authorize-pix-automatico";
import { cancelPixAutomatico } from "@/lib/payments/rails/pix/automatico/cancel-pix-automatico";
import { getPixAutomatico } from "@/lib/payments/rails/pix/automatico/get-pix-automatico";
import { schedulePixAutomaticoCharges } from "@/lib/payments/rails/pix/automatico/schedule-pix-automatico-charges";
import { registerPixWebhook } from "@/lib/payments/rails/pix/register-pix-webhook";
import { updateRailSettings } from "@/lib/payments/rails/update-rail-settings";
import { now, setClock } from "@/lib/time/clock";
import { addDays, dateInZone, fromDbDate } from "@/lib/time/dates";
import { travelTo } from "../billing/fixtures";
import { startAppServer } from "./app-server";
import { PSP_CLIENT, startFakePixPsp } from "./fake-pix-psp";
import { ADMIN, BRAZIL, customerOwing, paymentsOf, secretsForTests, setupIsp } from "./fixtures";
import { makeTestPki } from "./test-ca";

const KEY = "cobranca@provedor.example";
let app: Awaited<ReturnType<typeof startAppServer>>;
let psp: Awaited<ReturnType<typeof startFakePixPsp>>;

beforeAll(async () => {
  secretsForTests();
  const pki = makeTestPki();
  app = await startAppServer();
  psp = await startFakePixPsp(pki, {
    today: () => dateInZone(now(), "America/Sao_Paulo"),
  });
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
          pspBaseUrl: psp.baseUrl,
          tokenUrl: psp.tokenUrl,
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
    },
  });
  await registerPixWebhook({ actor: ADMIN });
});
afterAll(async () => {
  setClock(undefined);
  await psp?.close();
  await app?.close();
});

const customerActor = (customerId: string): Actor => ({
  kind: "user",
  id: `u-${customerId}`,
  role: "CUSTOMER",
  name: "Cliente",
  customerId,
});

/** A customer with a CPF, one open invoice, and an approved authorisation capped at `cap`. */
async function autoPayer(price: number, cap = 50_000) {
  const { customer, invoice } = await customerOwing(price);
  await db.customer.update({ where: { id: customer.id }, data: { taxNumber: "123.456.789-09" } });
  const me = customerActor(customer.id);
  const rec = await authorizePixAutomatico({
    actor: me,
    customerId: customer.id,
    maxAmount: cap,
    periodicity: "MENSAL",
  });
  psp.approveRec(rec.idRec!);
  expect((await psp.notifyRec([rec.idRec!])).status).toBe(200);
  return { customer, invoice, rec, me, dueDate: fromDbDate(invoice.dueDate) };
}

const autoPayOf = async (customerId: string) =>
  (await db.$transaction((tx) => loadAccounts(tx, [customerId])))[0].autoPay;

describe("authorising", () => {
  test("POST /rec with the customer's contract and CPF; the QR to approve; APROVADA makes them an automatic payer", async () => {
    expect(psp.recWebhooks.rec).toMatch(/\/api\/rails\/pix\/[\w-]+$/);
    expect(psp.recWebhooks.cobr).toBe(psp.recWebhooks.rec);
    const { customer } = await customerOwing(9990);
    const me = customerActor(customer.id);
    await expect(
      authorizePixAutomatico({
        actor: me,
        customerId: customer.id,
        maxAmount: 20000,
        periodicity: "MENSAL",
      }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE", fields: { taxNumber: expect.any(String) } });
    expect(await db.pixRecurrence.count({ where: { customerId: customer.id } })).toBe(0);

    await db.customer.update({ where: { id: customer.id }, data: { taxNumber: "123.456.789-09" } });
    const rec = await authorizePixAutomatico({
      actor: me,
      customerId: customer.id,
      maxAmount: 20000,
      periodicity: "MENSAL",
    });
    const atPsp = psp.recs.get(rec.idRec!)!;
    expect(atPsp).toMatchObject({
      status: "CRIADA",
      vinculo: {
        contrato: customer.accountNumber,
        devedor: { cpf: "12345678909", nome: expect.any(String) },
      },
      calendario: { periodicidade: "MENSAL" },
      politicaRetentativa: "NAO_PERMITE",
    });
    expect(rec.idRec).toMatch(/^RN[0-9A-Za-z]{27}$/);
    expect(parseBrCode(rec.copiaECola!).url).toBe(atPsp.loc.location);
    await expect(
      authorizePixAutomatico({
        actor: me,
        customerId: customer.id,
        maxAmount: 20000,
        periodicity: "MENSAL",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await autoPayOf(customer.id)).toBe(false);

    // A forged webhook changes nothing; the real one (twice) approves once.
    psp.approveRec(rec.idRec!);
    const forged = await psp.notifyRec([rec.idRec!], `${app.url}/api/rails/pix/wrong-token`);
    expect(forged.status).toBe(401);
    expect((await getPixAutomatico({ actor: me, customerId: customer.id })).latest?.status).toBe(
      "CRIADA",
    );
    await Promise.all([psp.notifyRec([rec.idRec!]), psp.notifyRec([rec.idRec!])]);
    const view = await getPixAutomatico({ actor: me, customerId: customer.id });
    expect(view).toMatchObject({ offered: true, latest: { status: "APROVADA", usable: true } });
    expect(await autoPayOf(customer.id)).toBe(true);
    expect(
      await db.auditLog.count({
        where: { action: "pix_automatico.authorise", customerId: customer.id },
      }),
    ).toBe(1);
  });
});

describe("collecting", () => {
  test("one cobr 2–10 days before the due date; settled, it pays the invoice once", async () => {
    const { customer, invoice, rec, dueDate } = await autoPayer(12990);
    // (Earlier tests' customers get invoices of their own each month: count this one's charges.)
    const chargesOf = () => db.railCharge.count({ where: { invoiceId: invoice.id } });
    travelTo(addDays(dueDate, -11));
    await schedulePixAutomaticoCharges();
    expect(await chargesOf()).toBe(0);
    travelTo(addDays(dueDate, -6));
    await schedulePixAutomaticoCharges();
    expect(await schedulePixAutomaticoCharges()).toMatchObject({ scheduled: 0 });
    expect(await chargesOf()).toBe(1);
    const charge = await db.railCharge.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(charge).toMatchObject({ status: "PENDING", recurrenceId: rec.id, amount: 12990 });
    expect(psp.cobrs.get(charge.providerRef)).toMatchObject({
      idRec: rec.idRec,
      status: "ATIVA",
      valor: { original: "129.90" },
      calendario: { dataDeVencimento: dueDate },
      recebedor: { conta: "012682", agencia: "9708", tipoConta: "CORRENTE" },
    });

    travelTo(dueDate);
    const pix = psp.settleCobr(charge.providerRef);
    await Promise.all([
      psp.notifyCobr([charge.providerRef]),
      psp.notifyCobr([charge.providerRef]),
      psp.notify(KEY, [pix]),
    ]);
    setClock(new Date(now().getTime() + 3_600_000));
    await pollRailCharges();
    const payments = await paymentsOf(customer.id);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      amount: 12990,
      method: "PIX",
      status: "SUCCEEDED",
      externalId: `pix:${pix.endToEndId}`,
    });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      status: "PAID",
    });
    expect(await db.railCharge.findUniqueOrThrow({ where: { id: charge.id } })).toMatchObject({
      status: "PAID",
      paymentId: payments[0].id,
    });
  });

  test("no webhook: the status query (GET /cobr) books it", async () => {
    const { customer, invoice, dueDate } = await autoPayer(4500);
    travelTo(addDays(dueDate, -3));
    await schedulePixAutomaticoCharges();
    const charge = await db.railCharge.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    psp.settleCobr(charge.providerRef);
    setClock(new Date(now().getTime() + 5 * 60_000));
    expect(await pollRailCharges()).toMatchObject({ paid: 1 });
    expect(await paymentsOf(customer.id)).toHaveLength(1);
  });

  test("an invoice above the customer's cap is left to be paid by hand", async () => {
    const { invoice, dueDate } = await autoPayer(30000, 20000);
    travelTo(addDays(dueDate, -5));
    expect((await schedulePixAutomaticoCharges()).overCap).toBeGreaterThanOrEqual(1);
    expect(await db.railCharge.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });
});

describe("refusals and cancellations", () => {
  test("a rejected collection is a failed automatic payment; the method becomes unusable", async () => {
    const { customer, invoice, rec, dueDate } = await autoPayer(8000);
    travelTo(addDays(dueDate, -4));
    await schedulePixAutomaticoCharges();
    const charge = await db.railCharge.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    travelTo(dueDate);
    psp.rejectCobr(charge.providerRef);
    await psp.notifyCobr([charge.providerRef]);
    await psp.notifyCobr([charge.providerRef]);
    expect(await db.railCharge.findUniqueOrThrow({ where: { id: charge.id } })).toMatchObject({
      status: "FAILED",
      failureReason: expect.stringContaining("AM09"),
    });
    const attempts = await paymentsOf(customer.id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      status: "FAILED",
      attemptKind: "AUTO_PAY",
      attemptInvoiceId: invoice.id,
      amount: 8000,
    });
    expect(await db.pixRecurrence.findUniqueOrThrow({ where: { id: rec.id } })).toMatchObject({
      status: "APROVADA",
      usable: false,
    });
    expect(await autoPayOf(customer.id)).toBe(false);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      status: "OPEN",
    });
  });

  test("the payer cancels in their bank app: the open collection fails, they pay by hand again", async () => {
    const { customer, invoice, rec, dueDate } = await autoPayer(6000);
    travelTo(addDays(dueDate, -4));
    await schedulePixAutomaticoCharges();
    psp.payerEndsRec(rec.idRec!, "CANCELADA");
    await psp.notifyRec([rec.idRec!]);
    expect(await db.pixRecurrence.findUniqueOrThrow({ where: { id: rec.id } })).toMatchObject({
      status: "CANCELADA",
      usable: false,
      endReason: expect.stringContaining("USUARIO_PAGADOR"),
    });
    const charge = await db.railCharge.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(charge.status).toBe("FAILED");
    // The PSP's own word about the cancelled cobr changes nothing more.
    await psp.notifyCobr([charge.providerRef]);
    expect((await paymentsOf(customer.id)).map((p) => p.status)).toEqual(["FAILED"]);
    expect(await autoPayOf(customer.id)).toBe(false);
    // Authorising again is possible once the old one has ended.
    const again = await authorizePixAutomatico({
      actor: customerActor(customer.id),
      customerId: customer.id,
      maxAmount: 10000,
      periodicity: "MENSAL",
    });
    expect(again.status).toBe("CRIADA");
  });

  test("the customer cancels in the portal: PATCH /rec CANCELADA at the PSP", async () => {
    const { customer, rec, me } = await autoPayer(5000);
    await cancelPixAutomatico({ actor: me, customerId: customer.id });
    expect(psp.recs.get(rec.idRec!)!.status).toBe("CANCELADA");
    expect(await db.pixRecurrence.findUniqueOrThrow({ where: { id: rec.id } })).toMatchObject({
      status: "CANCELADA",
      usable: false,
    });
    expect(await autoPayOf(customer.id)).toBe(false);
    await expect(cancelPixAutomatico({ actor: me, customerId: customer.id })).rejects.toMatchObject(
      {
        code: "CONFLICT",
      },
    );
    // Another customer cannot touch it.
    const other = await customerOwing(100);
    await expect(
      cancelPixAutomatico({ actor: customerActor(other.customer.id), customerId: customer.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
