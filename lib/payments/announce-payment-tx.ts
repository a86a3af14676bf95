// Queues a payment event for webhook endpoints in the transaction that changed the payment, with
// the payment as the API returns it (allocations included).
import type { Tx } from "@/lib/db";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";
import type { WebhookEventType } from "@/lib/webhooks/event-types";
import { paymentDetails, serializePayment } from "./serialize-payment";

export async function announcePaymentTx(
  tx: Tx,
  type: Extract<WebhookEventType, `payment.${string}`>,
  paymentId: string,
) {
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: paymentDetails,
  });
  await enqueueWebhookEvent(tx, type, serializePayment(payment));
}
