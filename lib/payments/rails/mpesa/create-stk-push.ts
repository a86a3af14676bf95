// Asks M-PESA to prompt the customer's phone for an invoice's open amount (Lipa na M-PESA Online).
// The charge row is written before the request so the callback always finds it; acceptance of
// the request pays nothing — only the callback's ResultCode 0 (or the status query saying so)
// does. Daraja takes whole shillings, so cents round up (the excess stays as credit), and an
// AccountReference of at most 12 characters: the account number.
import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/time/clock";
import { darajaUrls } from "../callback-urls";
import { loadMpesa } from "../load-rail";
import { openInvoiceForCharge } from "../open-invoice";
import { darajaClient } from "./daraja-client";
import { darajaPhone } from "./phone";

export type CreateStkPushOptions = { actor: Actor; invoiceId: string; phone?: string };

export async function createStkPush(opts: CreateStkPushOptions) {
  const mpesa = await loadMpesa();
  if (!mpesa.enabled) throw new AppError("CONFLICT", "M-PESA is not enabled.");
  const client = darajaClient(mpesa, now);
  const charge = await db.$transaction(async (tx) => {
    const invoice = await openInvoiceForCharge(tx, opts.actor, opts.invoiceId);
    if (invoice.currency !== "KES")
      throw new AppError("CONFLICT", "M-PESA takes payments in Kenyan shillings only.");
    const phone = darajaPhone(opts.phone ?? invoice.customer.phone ?? "");
    if (!phone)
      throw new AppError("VALIDATION", "A Kenyan mobile number is needed.", {
        phone: "e.g. 0712 345 678",
      });
    const attempt =
      (await tx.railCharge.count({ where: { invoiceId: invoice.id, rail: "MPESA" } })) + 1;
    const key = `invoice:${invoice.id}:mpesa:${attempt}`;
    const shillings = Math.ceil(invoice.due / 100);
    return tx.railCharge.create({
      data: {
        rail: "MPESA",
        providerRef: `requested:${key}`,
        idempotencyKey: key,
        customerId: invoice.customer.id,
        invoiceId: invoice.id,
        amount: shillings * 100,
        currency: "KES",
        createdAt: now(),
        display: {
          phone,
          shillings,
          accountReference: invoice.customer.accountNumber.slice(0, 12),
          invoiceNumber: invoice.number,
        },
      },
    });
  });
  const d = charge.display as {
    phone: string;
    shillings: number;
    accountReference: string;
    invoiceNumber: string;
  };
  try {
    const r = await client.stkPush({
      shillings: d.shillings,
      phone: d.phone,
      accountReference: d.accountReference,
      description: `Invoice ${d.invoiceNumber}`.slice(0, 13),
      callbackUrl: darajaUrls(mpesa.callbackToken).stkCallbackUrl,
    });
    return db.railCharge.update({
      where: { id: charge.id },
      data: { providerRef: r.CheckoutRequestID },
    });
  } catch (e) {
    await db.railCharge.update({
      where: { id: charge.id },
      data: { status: "FAILED", failureReason: e instanceof Error ? e.message : "request failed" },
    });
    throw e;
  }
}
