// The payment-rail interface. Every rail offers the same four things to the rest of Lastmile:
// create a charge for an invoice's open amount (what the customer is shown is in the charge's
// `display`: a Pix "copia e cola", the phone an M-PESA prompt went to), query a pending charge's
// status (the fallback when a callback is lost), check its credentials, and take the provider's
// confirmations through its callback routes (app/api/rails/…: verified, stored first, applied
// once through record-rail-payment-tx.ts). Pay options without a charge (static BR Code, paybill
// number) come from get-pay-options.ts.
import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { PaymentRail, RailChargeStatus } from "@/lib/generated/prisma/enums";
import type { RailCharge } from "@/lib/generated/prisma/client";
import { loadMpesa, loadPix } from "./load-rail";
import { createStkPush } from "./mpesa/create-stk-push";
import { darajaClient } from "./mpesa/daraja-client";
import { queryStkPush } from "./mpesa/query-stk-push";
import { createPixCharge } from "./pix/create-pix-charge";
import { pixApiClient } from "./pix/pix-api-client";
import { queryPixCharge } from "./pix/query-pix-charge";
import { now } from "@/lib/time/clock";

export type CreateChargeInput = { actor: Actor; invoiceId: string; phone?: string };

export type RailAdapter = {
  createCharge(input: CreateChargeInput): Promise<RailCharge>;
  /** How a pending charge ended, asking the provider (and applying what it says). */
  queryCharge(charge: RailCharge): Promise<RailChargeStatus>;
  /** Gets an access token with the stored credentials; throws with the provider's reason. */
  testConnection(): Promise<void>;
};

export const RAILS: Record<PaymentRail, RailAdapter> = {
  PIX: {
    createCharge: ({ actor, invoiceId }) => createPixCharge({ actor, invoiceId }),
    queryCharge: async (charge) => queryPixCharge(await loadPix(), charge),
    testConnection: async () => void (await pixApiClient(await loadPix()).token(true)),
  },
  MPESA: {
    createCharge: (input) => createStkPush(input),
    queryCharge: async (charge) => queryStkPush(await loadMpesa(), charge.providerRef),
    testConnection: async () => void (await darajaClient(await loadMpesa(), now).token(true)),
  },
};
