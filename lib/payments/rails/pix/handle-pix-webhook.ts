// The PSP's Pix webhook: the token in the URL says it is ours; each Pix is stored first (one row
// per endToEndId) and then confirmed with the PSP (`GET /pix/{e2eid}` over mTLS) before it pays
// anything — the webhook is a hint, the API is the record, and its amount is the one we book.
// Devoluções listed on a Pix are checked with GET /pix/{e2eid}/devolucao/{id} the same way.
import "server-only";
import { markProviderEvent, storeProviderEvent } from "../store-provider-event";
import { verifyCallbackToken } from "../verify-callback-token";
import { loadPix } from "../load-rail";
import { applyPix } from "./apply-pix";
import { applyDevolucoes } from "../refunds/apply-devolucoes";
import { pixApiClient } from "./pix-api-client";
import type { PixWebhook } from "./pix-webhook-schema";

export type HandlePixWebhookOptions = { token: string; body: PixWebhook };

export async function handlePixWebhook(opts: HandlePixWebhookOptions) {
  await verifyCallbackToken("PIX", opts.token);
  const client = pixApiClient(await loadPix());
  for (const hint of opts.body.pix) {
    const event = await storeProviderEvent({
      source: "pix",
      externalId: hint.endToEndId,
      type: "pix",
      payload: hint,
    });
    // A devolução's outcome comes on the Pix it returns (already stored): settle ours.
    await applyDevolucoes(client, hint.endToEndId, hint.devolucoes);
    if (event.processed) continue;
    const confirmed = await client.getPix(hint.endToEndId);
    await markProviderEvent(
      event.id,
      confirmed ? await applyPix(confirmed) : "the PSP does not know this endToEndId",
    );
  }
}
