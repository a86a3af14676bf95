// Refunds of Pix payments go back as devoluções (PUT /pix/{e2eid}/devolucao/{id}) through the
// local PSP: booked only when the PSP says DEVOLVIDO — by the Pix webhook listing it (twice), or
// by the status query — once; NAO_REALIZADO books nothing and frees the amount.
import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { createRefund } from "@/lib/payments/create-refund";
import { pollRailRefunds } from "@/lib/payments/rails/refunds/poll-rail-refunds";
import { createPixCharge } from "@/lib/payments/rails/pix/create-pix-charge";
import { registerPixWebhook } from "@/lib/payments/rails/pix/register-pix-webhook";
import { updateRailSettings } from "@/lib/payments/rails/update-rail-settings";
import { now, setClock } from "@/lib/time/clock";
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

beforeAll(async () => {
  secretsForTests();
  const pki = makeTestPki();
  app = await startAppServer();
  psp = await startFakePixPsp(pki);
  await setupIsp(BRAZIL);
  await updateRailSettings({
    actor: ADMIN,
    input: pixSettingsFor(psp, pki),
  });
  await registerPixWebhook({ actor: ADMIN });
});
afterAll(async () => {
  setClock(undefined);
  await psp?.close();
  await app?.close();
});

async function paidByPix(price: number) {
  const { customer, invoice } = await customerOwing(price);
  const charge = await createPixCharge({ actor: ACCOUNTS, invoiceId: invoice.id });
  const pix = psp.pay(charge.providerRef, (price / 100).toFixed(2));
  await psp.notify(KEY, [pix]);
  const [payment] = await paymentsOf(customer.id);
  return { customer, invoice, pix, payment };
}

test("a devolução of the Pix; the webhook listing it DEVOLVIDO (twice) books it once", async () => {
  const { customer, invoice, pix, payment } = await paidByPix(10000);
  await createRefund({ actor: ACCOUNTS, paymentId: payment.id, amount: 4000, reason: "Cancelled" });
  const rr = await db.railRefund.findFirstOrThrow({ where: { paymentId: payment.id } });
  expect(rr).toMatchObject({ rail: "PIX", status: "PENDING", amount: 4000 });
  expect(pix.devolucoes).toMatchObject([
    { id: rr.providerRef, valor: "40.00", natureza: "ORIGINAL", status: "EM_PROCESSAMENTO" },
  ]);
  expect(await db.refund.count({ where: { paymentId: payment.id } })).toBe(0);
  // Pending counts against what may be refunded.
  await expect(
    createRefund({ actor: ACCOUNTS, paymentId: payment.id, amount: 6001, reason: "x" }),
  ).rejects.toMatchObject({ code: "UNPROCESSABLE" });

  psp.finishDevolucao(pix.endToEndId, rr.providerRef!, "DEVOLVIDO");
  await Promise.all([psp.notify(KEY, [pix]), psp.notify(KEY, [pix])]);
  const refunds = await db.refund.findMany({ where: { paymentId: payment.id } });
  expect(refunds).toMatchObject([{ amount: 4000, externalId: `pix-refund:${rr.providerRef}` }]);
  expect(await db.railRefund.findUniqueOrThrow({ where: { id: rr.id } })).toMatchObject({
    status: "DONE",
    refundId: refunds[0].id,
  });
  expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
    status: "PARTIALLY_PAID",
    amountPaid: 6000,
  });
  expect((await paymentsOf(customer.id))[0].status).toBe("SUCCEEDED");
});

test("no webhook: the status query books it; NAO_REALIZADO books nothing", async () => {
  const { pix, payment } = await paidByPix(5000);
  await createRefund({ actor: ACCOUNTS, paymentId: payment.id, reason: "Cancelled" });
  const rr = await db.railRefund.findFirstOrThrow({ where: { paymentId: payment.id } });
  expect(rr.amount).toBe(5000);
  psp.finishDevolucao(pix.endToEndId, rr.providerRef!, "NAO_REALIZADO");
  setClock(new Date(now().getTime() + 5 * 60_000));
  expect(await pollRailRefunds()).toEqual({ settled: 1 });
  expect(await db.railRefund.findUniqueOrThrow({ where: { id: rr.id } })).toMatchObject({
    status: "FAILED",
    failureReason: "Conta do pagador encerrada",
  });
  expect(await db.refund.count({ where: { paymentId: payment.id } })).toBe(0);

  // Freed: it may be asked for again, and this time it goes through.
  await createRefund({ actor: ACCOUNTS, paymentId: payment.id, reason: "Cancelled" });
  const again = await db.railRefund.findFirstOrThrow({
    where: { paymentId: payment.id, status: "PENDING" },
  });
  psp.finishDevolucao(pix.endToEndId, again.providerRef!, "DEVOLVIDO");
  setClock(new Date(now().getTime() + 5 * 60_000));
  expect(await pollRailRefunds()).toEqual({ settled: 1 });
  expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
    status: "REFUNDED",
  });
});
