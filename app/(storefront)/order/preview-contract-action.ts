"use server";

import { previewContract } from "@/lib/orders/preview-contract";
import type { ContractDraft } from "@/lib/orders/checkout-schema";
import { requestIp } from "@/lib/http/client-ip";
import { runAction } from "./run-action";

export async function previewContractAction(draft: ContractDraft) {
  return runAction(async () => previewContract({ draft, ip: await requestIp() }));
}
