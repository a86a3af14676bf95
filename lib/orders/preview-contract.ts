import type { ContractDraft } from "./checkout-schema";
import { prepareOrder } from "./prepare-order";

/** The agreement the visitor will sign, with its hash (sent back with the signature). Public. */
export async function previewContract(opts: { draft: ContractDraft }) {
  const { content, contentHash, quote } = await prepareOrder(opts.draft);
  return { content, contentHash, quote };
}
