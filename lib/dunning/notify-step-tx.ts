// Queues the customer's message for a dunning step in the step's transaction (the outbox), so a
// step taken is a message sent — once: the dedupe key is the step's history row. The wording is
// the staff's override where there is one (lib/notifications/templates).
import "server-only";
import type { Tx } from "@/lib/db";
import { formatMoney } from "@/lib/money/format-money";
import { sendTemplateTx } from "@/lib/notifications/send-template-tx";
import type { DunningTemplateKey } from "@/lib/notifications/dunning-templates";
import { payLinkUrl } from "@/lib/payments/pay-link";
import { formatDate } from "@/lib/format/dates";
import { appUrl } from "@/lib/env";
import { accountPin } from "./account-pin";
import type { DunningStep } from "./steps";

/** Who gets the message and what it quotes; the sweep has it in its snapshot already. */
export type MessageContext = {
  isp: { name: string; locale: string };
  customer: {
    firstName: string;
    email: string;
    phone: string | null;
    accountNumber: string;
    currency: string;
    smsOptOut: boolean;
  };
  /** The due date of the invoice the ladder counts from. */
  dueDate: Date | string;
};

/** Reads the message context (for callers without a snapshot, e.g. restore on payment). */
export async function readMessageContextTx(
  tx: Tx,
  customerId: string,
  invoiceId: string,
): Promise<MessageContext> {
  // One query after the other: inside a transaction they share one connection.
  const c = await tx.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: {
      firstName: true,
      email: true,
      phone: true,
      accountNumber: true,
      currency: true,
      dunning: { select: { smsOptOut: true } },
    },
  });
  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: { dueDate: true },
  });
  const isp = await tx.ispSettings.findUniqueOrThrow({
    where: { id: 1 },
    select: { name: true, locale: true },
  });
  return {
    isp,
    customer: { ...c, smsOptOut: c.dunning?.smsOptOut ?? false },
    dueDate: invoice.dueDate,
  };
}

export async function notifyStepTx(
  tx: Tx,
  opts: {
    eventId: string;
    customerId: string;
    step: DunningStep;
    invoiceId: string;
    amount: number;
    fee?: number;
    autoPay: boolean;
    context: MessageContext;
  },
) {
  const { isp, customer } = opts.context;
  const key: DunningTemplateKey =
    opts.step === "reminder" && opts.autoPay ? "reminder-autopay" : opts.step;
  const money = (minor: number) => formatMoney(minor, customer.currency, isp.locale);
  const vars = {
    ispName: isp.name,
    firstName: customer.firstName,
    accountNumber: customer.accountNumber,
    amount: money(opts.amount),
    fee: money(opts.fee ?? 0),
    dueDate: formatDate(opts.context.dueDate, isp.locale),
    payUrl: payLinkUrl({ invoiceId: opts.invoiceId }),
    gardenUrl: `${appUrl()}/suspended`,
    pin: accountPin(opts.customerId),
  };
  await sendTemplateTx(tx, {
    key,
    vars,
    customerId: opts.customerId,
    to: customer,
    dedupeKey: `dunning:${opts.eventId}`,
  });
}
