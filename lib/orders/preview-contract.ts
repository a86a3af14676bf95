import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import type { ContractDraft } from "./checkout-schema";
import { prepareOrder } from "./prepare-order";

/**
 * The agreement the visitor will sign, with its hash (sent back with the signature). Public,
 * so rate-limited per IP: each preview checks coverage and, for cards, asks Stripe.
 */
export async function previewContract(opts: { draft: ContractDraft; ip?: string | null }) {
  if (opts.ip !== undefined)
    await enforceRateLimit(`contract-preview:ip:${opts.ip ?? "unknown"}`, 60, 60 * 60);
  const { content, contentHash, quote } = await prepareOrder(opts.draft);
  return { content, contentHash, quote };
}
