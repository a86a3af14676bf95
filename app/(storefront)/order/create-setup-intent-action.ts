"use server";

import { createSetupIntent } from "@/lib/payment-methods/create-setup-intent";
import { requestIp } from "@/lib/http/client-ip";
import { runAction } from "./run-action";

export async function createSetupIntentAction(checkoutKey: string) {
  return runAction(async () =>
    createSetupIntent({ checkoutKey, ip: (await requestIp()) ?? "local" }),
  );
}
