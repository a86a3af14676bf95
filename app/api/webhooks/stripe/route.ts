// Stripe's webhook endpoint. Not an API operation (no API key: Stripe signs the raw body), so it
// reads the body as text — a parsed-and-reserialised body would not match the signature — and
// hands it to lib. 200 tells Stripe the event is stored; it is processed right after (a failure
// is retried by the payments.janitor job and by Stripe's own retry of a failed event).
import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/http/error-response";
import { receiveStripeWebhook } from "@/lib/payments/stripe/webhooks/receive-stripe-webhook";

const MAX_BODY = 512 * 1024;

export async function POST(req: NextRequest) {
  try {
    const rawBody = await req.text();
    if (rawBody.length > MAX_BODY)
      return NextResponse.json(
        { error: { code: "PAYLOAD_TOO_LARGE", message: "Body too large." } },
        { status: 413 },
      );
    const answer = await receiveStripeWebhook({
      rawBody,
      signature: req.headers.get("stripe-signature"),
    });
    return NextResponse.json(answer);
  } catch (e) {
    return errorResponse(e, "stripe webhook");
  }
}
