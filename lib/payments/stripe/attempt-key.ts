// Every outbound charge carries an idempotency key naming the invoice and the attempt (DESIGN
// money rule 6): a sweep killed after Stripe charged and re-run sends the same key, and Stripe
// answers with the first PaymentIntent instead of charging again.
export const attemptKey = (invoiceId: string, attempt: number) =>
  `invoice:${invoiceId}:attempt:${attempt}`;

/** An arrangement instalment charged by card: its number (1, 2, … as the customer was told). */
export const instalmentAttemptKey = (arrangementId: string, instalment: number, attempt: number) =>
  `arrangement:${arrangementId}:instalment:${instalment}:attempt:${attempt}`;

/** A pay-now attempt is one per PENDING row: its key is the row's id. */
export const payNowKey = (paymentId: string) => `pay-now:${paymentId}`;

/** What started an attempt (Payment.attemptKind and the PaymentIntent's metadata.kind). */
export type AttemptKind = "AUTO_PAY" | "PAY_NOW";
