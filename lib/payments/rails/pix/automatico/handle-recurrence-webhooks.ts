// The PSP's Pix Automático webhooks, `{webhookUrl}/rec` and `{webhookUrl}/cobr`: the token in the
// URL says it is ours; each notification is stored first (one row per id and status) and then
// confirmed with the API (GET /rec/{idRec}, GET /cobr/{txid}) over mTLS before it changes
// anything — the webhook is a hint, the API is the record.
import "server-only";
import { loadPix } from "../../load-rail";
import { markProviderEvent, storeProviderEvent } from "../../store-provider-event";
import { verifyCallbackToken } from "../../verify-callback-token";
import { pixApiClient } from "../pix-api-client";
import { applyCobr } from "./apply-cobr";
import { applyRec } from "./apply-rec";
import type { CobRWebhook, RecWebhook } from "./pix-automatico-schema";

export type HandleRecWebhookOptions = { token: string; body: RecWebhook };

export async function handleRecWebhook(opts: HandleRecWebhookOptions) {
  await verifyCallbackToken("PIX", opts.token);
  const client = pixApiClient(await loadPix());
  for (const hint of opts.body.recs) {
    const event = await storeProviderEvent({
      source: "pix",
      externalId: `rec:${hint.idRec}:${hint.status}`,
      type: "rec",
      payload: hint,
    });
    if (event.processed) continue;
    const rec = await client.getRec(hint.idRec);
    await markProviderEvent(
      event.id,
      rec ? await applyRec(rec) : "the PSP does not know this idRec",
    );
  }
}

export type HandleCobrWebhookOptions = { token: string; body: CobRWebhook };

export async function handleCobrWebhook(opts: HandleCobrWebhookOptions) {
  await verifyCallbackToken("PIX", opts.token);
  const client = pixApiClient(await loadPix());
  for (const hint of opts.body.cobsr) {
    const event = await storeProviderEvent({
      source: "pix",
      externalId: `cobr:${hint.txid}:${hint.status}`,
      type: "cobr",
      payload: hint,
    });
    if (event.processed) continue;
    const cobr = await client.getCobr(hint.txid);
    await markProviderEvent(
      event.id,
      cobr ? (await applyCobr(cobr)).error : "the PSP does not know this txid",
    );
  }
}
