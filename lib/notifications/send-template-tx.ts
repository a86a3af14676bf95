// Renders one message for a customer — the staff override where there is one, else the code
// default (templates/) — and queues it in the outbox: email, and SMS where the ISP has a gateway
// and the customer a number and no opt-out. These are service messages (dunning, arrangements):
// they go regardless of marketing consent. The dedupe key makes a retried transaction queue
// nothing twice.
import "server-only";
import type { Tx } from "@/lib/db";
import { enqueueEmail } from "./enqueue-email";
import { enqueueSms } from "./enqueue-sms";
import { smsGateway } from "./sms/sms-gateway";
import type { DunningTemplateKey } from "./dunning-templates";
import { renderMessage } from "./templates/template-schema";
import { resolveTemplateTx } from "./templates/resolve-template-tx";

export async function sendTemplateTx(
  tx: Tx,
  opts: {
    key: DunningTemplateKey;
    vars: Record<string, string>;
    customerId: string;
    to: { email: string; phone: string | null; smsOptOut: boolean };
    dedupeKey: string;
  },
) {
  const m = renderMessage(await resolveTemplateTx(tx, opts.key), opts.vars);
  await enqueueEmail(
    {
      to: opts.to.email,
      subject: m.subject,
      text: m.text,
      html: m.html,
      customerId: opts.customerId,
      dedupeKey: `${opts.dedupeKey}:email`,
    },
    tx,
  );
  if (opts.to.phone && !opts.to.smsOptOut && smsGateway())
    await enqueueSms(
      {
        to: opts.to.phone,
        text: m.sms,
        customerId: opts.customerId,
        dedupeKey: `${opts.dedupeKey}:sms`,
      },
      tx,
    );
}
