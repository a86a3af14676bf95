// M-PESA through a local Daraja: an STK push pays an invoice only when the callback (or the
// status query) says ResultCode 0 — once, whether the callback comes twice, late, after the
// query, or with a wrong token; 1032 is a failed attempt. C2B paybill payments are validated
// against our account numbers and recorded from the confirmation, once.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { emailInvoice } from "@/lib/invoices/email-invoice";
import { pollRailCharges } from "@/lib/payments/rails/poll-rail-charges";
import { createRefund } from "@/lib/payments/create-refund";
import { createStkPush } from "@/lib/payments/rails/mpesa/create-stk-push";
import { registerC2bUrls } from "@/lib/payments/rails/mpesa/register-c2b-urls";
import { RAILS } from "@/lib/payments/rails/rail";
import { updateRailSettings } from "@/lib/payments/rails/update-rail-settings";
import { setClock, now } from "@/lib/time/clock";
import { startAppServer } from "./app-server";
import { CREDENTIALS, startFakeDaraja } from "./fake-daraja";
import {
  ACCOUNTS,
  ADMIN,
  KENYA,
  customerOwing,
  paymentsOf,
  secretsForTests,
  setupIsp,
} from "./fixtures";

let app: Awaited<ReturnType<typeof startAppServer>>;
let daraja: Awaited<ReturnType<typeof startFakeDaraja>>;

beforeAll(async () => {
  secretsForTests();
  app = await startAppServer();
  daraja = await startFakeDaraja();
  await setupIsp(KENYA);
  await updateRailSettings({
    actor: ADMIN,
    input: {
      mpesa: {
        enabled: true,
        config: {
          baseUrl: daraja.url,
          shortcode: CREDENTIALS.shortcode,
          consumerKey: CREDENTIALS.consumerKey,
          initiatorName: CREDENTIALS.initiatorName,
        },
        secrets: {
          consumerSecret: CREDENTIALS.consumerSecret,
          passkey: CREDENTIALS.passkey,
          securityCredential: CREDENTIALS.securityCredential,
        },
      },
    },
  });
});
afterAll(async () => {
  setClock(undefined);
  await daraja?.close();
  await app?.close();
});

const invoiceOf = (id: string) => db.invoice.findUniqueOrThrow({ where: { id } });

describe("STK push", () => {
  test("whole shillings, account number reference; paid only by the callback, exactly once", async () => {
    const { customer, invoice } = await customerOwing(150050); // KES 1,500.50
    const charge = await createStkPush({ actor: ACCOUNTS, invoiceId: invoice.id });
    const push = daraja.pushes.at(-1)!;
    expect(push.request).toMatchObject({
      Amount: 1501,
      PhoneNumber: "254712345678",
      AccountReference: customer.accountNumber.slice(0, 12),
      TransactionType: "CustomerPayBillOnline",
    });
    expect(charge).toMatchObject({
      status: "PENDING",
      providerRef: push.checkoutRequestId,
      amount: 150100,
    });
    // Accepted is not paid.
    expect((await invoiceOf(invoice.id)).status).toBe("OPEN");

    const { receipt } = daraja.finish(
      push.checkoutRequestId,
      0,
      "The service request is processed successfully.",
    );
    // A stranger with the wrong token: refused, nothing stored.
    const forged = await daraja.callback(
      push.checkoutRequestId,
      `${app.url}/api/rails/daraja/not-the-token/stk`,
    );
    expect(forged.status).toBe(401);
    expect(await db.webhookEvent.count({ where: { externalId: push.checkoutRequestId } })).toBe(0);

    // Twice at once, then once more late.
    const both = await Promise.all([
      daraja.callback(push.checkoutRequestId),
      daraja.callback(push.checkoutRequestId),
    ]);
    expect(both.map((r) => r.body)).toEqual([
      { ResultCode: 0, ResultDesc: "Accepted" },
      { ResultCode: 0, ResultDesc: "Accepted" },
    ]);
    setClock(new Date(now().getTime() + 3_600_000));
    expect((await daraja.callback(push.checkoutRequestId)).status).toBe(200);

    const payments = await paymentsOf(customer.id);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      amount: 150100,
      provider: "MPESA",
      method: "MOBILE_MONEY",
      status: "SUCCEEDED",
      reference: receipt,
      unallocated: 50, // the rounded-up cents stay as credit
      number: expect.stringMatching(/^RCT-/),
    });
    expect(await invoiceOf(invoice.id)).toMatchObject({ status: "PAID", amountPaid: 150050 });
    expect(await db.railCharge.findUniqueOrThrow({ where: { id: charge.id } })).toMatchObject({
      status: "PAID",
      paymentId: payments[0].id,
    });
    const receiptMail = await db.notification.findMany({ where: { to: customer.email } });
    expect(receiptMail.filter((m) => /receipt/i.test(m.subject ?? ""))).toHaveLength(1);
  });

  test("1032 (cancelled by the user) is a failed attempt: no payment, invoice still open", async () => {
    const { customer, invoice } = await customerOwing(99900);
    const charge = await createStkPush({
      actor: ACCOUNTS,
      invoiceId: invoice.id,
      phone: "+254 112 345 678",
    });
    expect(daraja.pushes.at(-1)!.request.PhoneNumber).toBe("254112345678");
    daraja.finish(charge.providerRef, 1032, "Request cancelled by user");
    await daraja.callback(charge.providerRef);
    expect(await db.railCharge.findUniqueOrThrow({ where: { id: charge.id } })).toMatchObject({
      status: "FAILED",
      failureReason: "1032: Request cancelled by user",
    });
    expect(await paymentsOf(customer.id)).toEqual([]);
    expect((await invoiceOf(invoice.id)).status).toBe("OPEN");
  });

  test("no callback: the status query pays it; the late callback then adds the receipt number only", async () => {
    const { customer, invoice } = await customerOwing(120000);
    const charge = await createStkPush({ actor: ACCOUNTS, invoiceId: invoice.id });
    // Still being processed: the query leaves it pending.
    setClock(new Date(now().getTime() + 2 * 60_000));
    expect(await pollRailCharges()).toMatchObject({ queried: 1, paid: 0 });
    const { receipt } = daraja.finish(
      charge.providerRef,
      0,
      "The service request is processed successfully.",
    );
    setClock(new Date(now().getTime() + 5 * 60_000));
    expect(await pollRailCharges()).toMatchObject({ queried: 1, paid: 1 });
    expect((await invoiceOf(invoice.id)).status).toBe("PAID");
    await daraja.callback(charge.providerRef);
    const payments = await paymentsOf(customer.id);
    expect(payments).toHaveLength(1);
    expect(payments[0].reference).toBe(receipt);
    expect(await pollRailCharges()).toMatchObject({ queried: 0 });
  });

  test("refuses what Daraja cannot take: wrong currency, a non-Kenyan phone, a paid invoice", async () => {
    const { invoice } = await customerOwing(50000, { phone: "+27 82 555 0101" });
    await expect(createStkPush({ actor: ACCOUNTS, invoiceId: invoice.id })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { phone: expect.any(String) },
    });
    const sales = { kind: "user" as const, id: "u-s", role: "SALES" as const, name: "Sam" };
    await expect(createStkPush({ actor: sales, invoiceId: invoice.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(RAILS.MPESA.testConnection()).resolves.toBeUndefined();
  });
});

describe("C2B paybill", () => {
  test("validation refuses unknown accounts; confirmation records once against BillRefNumber", async () => {
    await registerC2bUrls({ actor: ADMIN });
    expect(daraja.registered).toMatchObject({
      ValidationURL: expect.stringContaining("/api/rails/daraja/"),
      ConfirmationURL: expect.stringMatching(/\/c2b\/confirmation$/),
    });
    expect(daraja.registered!.ValidationURL).not.toMatch(/mpesa|safaricom|query/i);

    const { customer: owing, invoice: owed } = await customerOwing(60000);
    await emailInvoice(owed.id);
    const mail = await db.notification.findFirstOrThrow({ where: { to: owing.email } });
    expect(mail.text).toContain(
      `Pay with M-PESA: Paybill ${CREDENTIALS.shortcode}, account number ${owing.accountNumber}.`,
    );

    const unknown = await daraja.payBill("NOSUCH1", "500.00");
    expect(unknown.validation.body).toEqual({ ResultCode: "C2B00012", ResultDesc: "Rejected" });
    expect(unknown.confirmation).toBeNull();
    // Confirmed anyway (validation switched off at Safaricom): the money waits in the bank
    // review queue, once, however often Daraja resends it.
    await unknown.resend();
    await unknown.resend();
    expect(await db.bankEntry.findMany({ where: { source: "MPESA" } })).toMatchObject([
      {
        bankRef: `mpesa:${unknown.tx.TransID}`,
        amount: 50000,
        currency: "KES",
        name: "John",
        status: "REVIEW",
      },
    ]);

    const { customer, invoice } = await customerOwing(80000);
    const paid = await daraja.payBill(customer.accountNumber.toLowerCase(), "800.00");
    expect(paid.validation.body).toEqual({ ResultCode: "0", ResultDesc: "Accepted" });
    expect(paid.confirmation?.body).toEqual({ ResultCode: 0, ResultDesc: "Accepted" });
    await paid.resend();
    const payments = await paymentsOf(customer.id);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      amount: 80000,
      reference: paid.tx.TransID,
      externalId: `mpesa:${paid.tx.TransID}`,
    });
    expect((await invoiceOf(invoice.id)).status).toBe("PAID");
  });
});

describe("refunds go back as M-PESA reversals", () => {
  test("a reversal of the receipt; booked once on ResultCode 0; a failed one frees the amount", async () => {
    const { customer, invoice } = await customerOwing(200000);
    const charge = await createStkPush({ actor: ACCOUNTS, invoiceId: invoice.id });
    const { receipt } = daraja.finish(charge.providerRef, 0, "ok");
    await daraja.callback(charge.providerRef);
    const [payment] = await paymentsOf(customer.id);
    expect(payment).toMatchObject({ status: "SUCCEEDED", reference: receipt });

    await expect(
      createRefund({ actor: ACCOUNTS, paymentId: payment.id, amount: 50050, reason: "Overpaid" }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE", fields: { amount: "whole shillings" } });

    await createRefund({
      actor: ACCOUNTS,
      paymentId: payment.id,
      amount: 50000,
      reason: "Overpaid",
    });
    const first = daraja.reversals.at(-1)!;
    expect(first.request).toMatchObject({
      CommandID: "TransactionReversal",
      TransactionID: receipt,
      Amount: 500,
      ReceiverParty: CREDENTIALS.shortcode,
      RecieverIdentifierType: "11",
      Initiator: CREDENTIALS.initiatorName,
      ResultURL: expect.stringMatching(/\/api\/rails\/daraja\/[\w-]+\/reversal\/result$/),
    });
    // Requested is not refunded; what is pending cannot be refunded twice.
    expect(await db.refund.count({ where: { paymentId: payment.id } })).toBe(0);
    await expect(
      createRefund({ actor: ACCOUNTS, paymentId: payment.id, amount: 160000, reason: "x" }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE" });

    expect(
      (
        await daraja.reversalResult(
          first.conversationId,
          0,
          "ok",
          `${app.url}/api/rails/daraja/bad/reversal/result`,
        )
      ).status,
    ).toBe(401);
    await Promise.all([
      daraja.reversalResult(
        first.conversationId,
        0,
        "The service request is processed successfully.",
      ),
      daraja.reversalResult(
        first.conversationId,
        0,
        "The service request is processed successfully.",
      ),
    ]);
    const refunds = await db.refund.findMany({ where: { paymentId: payment.id } });
    expect(refunds).toMatchObject([
      { amount: 50000, externalId: `mpesa-refund:${first.conversationId}` },
    ]);
    expect(
      await db.railRefund.findFirstOrThrow({ where: { providerRef: first.conversationId } }),
    ).toMatchObject({
      status: "DONE",
      refundId: refunds[0].id,
    });

    await createRefund({
      actor: ACCOUNTS,
      paymentId: payment.id,
      amount: 100000,
      reason: "Closed",
    });
    const second = daraja.reversals.at(-1)!;
    await daraja.reversalResult(
      second.conversationId,
      2001,
      "The initiator information is invalid.",
    );
    expect(
      await db.railRefund.findFirstOrThrow({ where: { providerRef: second.conversationId } }),
    ).toMatchObject({
      status: "FAILED",
      failureReason: expect.stringContaining("2001"),
    });
    expect(await db.refund.count({ where: { paymentId: payment.id } })).toBe(1);
    expect(
      await db.auditLog.count({
        where: { action: "payment.rail_refund_request", customerId: customer.id },
      }),
    ).toBe(2);
  });
});
