// "Download my data" for the signed-in subscriber: JSON by default, PDF with ?format=pdf.
// Only a customer has data of their own here; staff use the admin customer page.
import { currentActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { exportMyData } from "@/lib/portal/export-my-data";
import { renderMyDataPdf } from "@/lib/portal/render-my-data-pdf";

export async function GET(req: Request) {
  try {
    const actor = await currentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    if (actor.role !== "CUSTOMER" || !actor.customerId)
      throw new AppError("FORBIDDEN", "Only a customer account has data to download here.");
    const who = { actor, customerId: actor.customerId };
    const pdf = new URL(req.url).searchParams.get("format") === "pdf";
    const headers = { "cache-control": "private, no-store" };
    if (pdf)
      return new Response(new Uint8Array(await renderMyDataPdf(who)), {
        headers: {
          ...headers,
          "content-type": "application/pdf",
          "content-disposition": 'attachment; filename="my-data.pdf"',
        },
      });
    return new Response(JSON.stringify(await exportMyData(who), null, 2), {
      headers: {
        ...headers,
        "content-type": "application/json; charset=utf-8",
        "content-disposition": 'attachment; filename="my-data.json"',
      },
    });
  } catch (e) {
    return errorResponse(e, "GET my data");
  }
}
