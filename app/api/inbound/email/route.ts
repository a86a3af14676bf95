// Replies to tickets by email, forwarded raw by the mail provider (lib/tickets/accept-inbound-email).
import { errorResponse } from "@/lib/http/error-response";
import { acceptInboundEmail } from "@/lib/tickets/accept-inbound-email";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  try {
    const outcome = await acceptInboundEmail({
      authorization: req.headers.get("authorization"),
      body: await req.arrayBuffer(),
    });
    return Response.json(outcome, { status: outcome.status === "threaded" ? 201 : 202 });
  } catch (e) {
    return errorResponse(e, "POST /api/inbound/email");
  }
}
