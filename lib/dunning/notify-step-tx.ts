// Queues the customer's message for a dunning step in the step's transaction (the outbox), so a
// step taken is a message sent — once: the dedupe key is the step's history row.
import "server-only";
import type { Tx } from "@/lib/db";
import { formatMoney } from "@/lib/money/format-money";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { enqueueSms } from "@/lib/notifications/enqueue-sms";
import { smsGateway } from "@/lib/notifications/sms/sms-gateway";
import { gsmFriendly } from "@/lib/notifications/sms/sms-text";
import {
  DUNNING_TEMPLATES,
  renderTemplate,
  type DunningTemplateKey,
} from "@/lib/notifications/dunning-templates";
import { payLinkUrl } from "@/lib/payments/pay-link";
import { formatDate } from "@/lib/format/dates";
import { appUrl } from "@/lib/env";
import { accountPin } from "./account-pin";
import type { DunningStep } from "./steps";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

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
  const t = DUNNING_TEMPLATES[key];
  const text = renderTemplate(t.text, vars);
  await enqueueEmail(
    {
      to: customer.email,
      subject: renderTemplate(t.subject, vars),
      text,
      html: text
        .split("\n\n")
        .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
        .join(""),
      customerId: opts.customerId,
      dedupeKey: `dunning:${opts.eventId}:email`,
    },
    tx,
  );
  // SMS too, where the ISP has a gateway and the customer a number and no opt-out.
  if (customer.phone && !customer.smsOptOut && smsGateway())
    await enqueueSms(
      {
        to: customer.phone,
        text: gsmFriendly(renderTemplate(t.sms, vars)),
        customerId: opts.customerId,
        dedupeKey: `dunning:${opts.eventId}:sms`,
      },
      tx,
    );
}
