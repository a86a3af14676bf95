// Queues the customer's messages for dunning steps in the steps' transaction (the outbox), so a
// step taken is a message sent — once: the dedupe key is the step's history row. What a message
// says is made in one place (stepMessages), from the templates read once per batch
// (stepTemplatesTx: the staff's overrides, else the code defaults), rendered by the same
// renderMessage as the template editor's preview: the sweep writes a page of steps' messages in
// one statement.
import "server-only";
import type { Tx } from "@/lib/db";
import { formatMoney } from "@/lib/money/format-money";
import { enqueueMessages, type OutboxMessage } from "@/lib/notifications/enqueue-messages";
import { smsGateway } from "@/lib/notifications/sms/sms-gateway";
import type { DunningTemplateKey } from "@/lib/notifications/dunning-templates";
import { resolveAllTemplatesTx } from "@/lib/notifications/templates/resolve-template-tx";
import {
  renderMessage,
  type ResolvedTemplate,
} from "@/lib/notifications/templates/template-schema";
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

/** One step's messages: the step's history row, what it was about, and to whom. */
export type StepNotice = {
  eventId: string;
  customerId: string;
  step: DunningStep;
  invoiceId: string;
  amount: number;
  fee?: number;
  autoPay: boolean;
  context: MessageContext;
};

export type StepTemplates = Record<DunningTemplateKey, ResolvedTemplate>;

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

/** The wording the messages are written from, read once per batch of steps. */
export async function stepTemplatesTx(tx: Tx): Promise<StepTemplates> {
  return resolveAllTemplatesTx(tx);
}

/** What one step sends: an email always (it is the record), an SMS where one can go. */
export function stepMessages(
  templates: StepTemplates,
  n: StepNotice,
  sms: boolean,
): OutboxMessage[] {
  const { isp, customer } = n.context;
  const key: DunningTemplateKey = n.step === "reminder" && n.autoPay ? "reminder-autopay" : n.step;
  const money = (minor: number) => formatMoney(minor, customer.currency, isp.locale);
  const vars = {
    ispName: isp.name,
    firstName: customer.firstName,
    accountNumber: customer.accountNumber,
    amount: money(n.amount),
    fee: money(n.fee ?? 0),
    dueDate: formatDate(n.context.dueDate, isp.locale),
    payUrl: payLinkUrl({ invoiceId: n.invoiceId }),
    gardenUrl: `${appUrl()}/suspended`,
    pin: accountPin(n.customerId),
  };
  const m = renderMessage(templates[key], vars);
  const messages: OutboxMessage[] = [
    {
      channel: "EMAIL",
      to: customer.email,
      subject: m.subject,
      text: m.text,
      html: m.html,
      customerId: n.customerId,
      dedupeKey: `dunning:${n.eventId}:email`,
    },
  ];
  // SMS too, where the ISP has a gateway and the customer a number and no opt-out.
  if (sms && customer.phone && !customer.smsOptOut)
    messages.push({
      channel: "SMS",
      to: customer.phone,
      text: m.sms,
      customerId: n.customerId,
      dedupeKey: `dunning:${n.eventId}:sms`,
    });
  return messages;
}

/** Queues the messages of many steps in one statement. */
export async function notifyStepsTx(tx: Tx, notices: StepNotice[]) {
  if (!notices.length) return;
  const templates = await stepTemplatesTx(tx);
  const sms = smsGateway() !== null;
  await enqueueMessages(
    tx,
    notices.flatMap((n) => stepMessages(templates, n, sms)),
  );
}

export const notifyStepTx = (tx: Tx, notice: StepNotice) => notifyStepsTx(tx, [notice]);
