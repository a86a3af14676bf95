// Every way to pay an invoice now: the enabled rails that fit its currency (the boleto híbrido's
// Pix with due date is issued here the first time it is shown), the signed pay link,
// the ISP's bank details with the customer's reference, and the debit-order date when a mandate
// will collect it. Nothing when the invoice is settled.
import "server-only";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { payLinkUrl } from "@/lib/payments/pay-link";
import { readPaymentInstructions } from "@/lib/payment-methods/get-payment-instructions";
import { getSettings } from "@/lib/settings/get-settings";
import { fromDbDate } from "@/lib/time/dates";
import { loadMpesa, loadPix, pixIsDynamic } from "./load-rail";
import type { PayOption, PayOptions } from "./pay-options-schema";
import { staticTxid } from "./pix/br-code";
import { ensureBoletoHibrido } from "./pix/ensure-boleto-hibrido";
import { invoiceBrCode } from "./pix/invoice-br-code";

export type GetPayOptionsOptions = { actor: Actor; invoiceId: string };

function payLink(invoiceId: string): PayOption[] {
  try {
    return [{ kind: "PAY_LINK", url: payLinkUrl({ invoiceId }) }];
  } catch (e) {
    if (e instanceof AppError && e.code === "SETUP_REQUIRED") return []; // no AUTH_SECRET
    throw e;
  }
}

export async function getPayOptions(opts: GetPayOptionsOptions): Promise<PayOptions> {
  const inv = await db.invoice.findUnique({
    where: { id: opts.invoiceId },
    include: { customer: { select: { id: true, accountNumber: true, paymentReference: true } } },
  });
  if (!inv || inv.status === "DRAFT") throw notFound("Invoice");
  assertCustomerAccess(opts.actor, inv.customerId, "billing:read");
  const due = inv.total - inv.amountPaid - inv.amountCredited;
  const head = {
    invoiceId: inv.id,
    number: inv.number,
    currency: inv.currency,
    amountDue: Math.max(due, 0),
  };
  if (due <= 0 || (inv.status !== "OPEN" && inv.status !== "PARTIALLY_PAID"))
    return { ...head, options: [] };

  const options: PayOption[] = [];
  const [pix, mpesa, isp] = [await loadPix(), await loadMpesa(), await getSettings()];
  const brCode = await invoiceBrCode({ number: inv.number, currency: inv.currency, due });
  if (brCode)
    options.push({ kind: "PIX_STATIC", copiaECola: brCode, txid: staticTxid(inv.number!) });
  const boleto = await ensureBoletoHibrido({ actor: opts.actor, invoiceId: inv.id });
  if (boleto) options.push({ kind: "BOLETO_HIBRIDO", ...boleto });
  if (pix.enabled && inv.currency === "BRL" && pixIsDynamic(pix)) {
    const open = await db.railCharge.findFirst({
      where: { invoiceId: inv.id, rail: "PIX", status: "PENDING", amount: due, dueDate: null },
      orderBy: { createdAt: "desc" },
    });
    options.push({
      kind: "PIX_CHARGE",
      description: "A Pix charge for the exact amount, paid from any banking app.",
      copiaECola: (open?.display as { copiaECola?: string } | null)?.copiaECola ?? null,
    });
  }
  if (mpesa.enabled && inv.currency === "KES" && mpesa.config.shortcode) {
    options.push({
      kind: "MPESA_STK",
      description: "A prompt on your phone: enter your M-PESA PIN to pay.",
      amountShillings: Math.ceil(due / 100),
    });
    options.push({
      kind: "MPESA_PAYBILL",
      paybill: mpesa.config.shortcode,
      accountNumber: inv.customer.accountNumber,
    });
  }
  options.push(...payLink(inv.id));
  if (isp.bankAccountNumber || isp.bankIban)
    options.push({
      kind: "BANK_TRANSFER",
      bankName: isp.bankName,
      accountName: isp.bankAccountName,
      accountNumber: isp.bankAccountNumber,
      branchCode: isp.bankBranchCode,
      iban: isp.bankIban,
      bic: isp.bankBic,
      reference: inv.customer.paymentReference,
    });
  const how = await readPaymentInstructions(db, inv.customerId);
  if (how.kind === "DEBIT_ORDER")
    options.push({
      kind: "DEBIT_ORDER",
      date: fromDbDate(inv.dueDate),
      accountLast4: how.accountLast4,
    });
  return { ...head, options };
}
