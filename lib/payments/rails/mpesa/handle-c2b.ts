// C2B paybill: Daraja asks us to validate a payment before it completes (we refuse account
// numbers we do not know, C2B00012), then confirms the completed payment, which we store first
// and record against the account in BillRefNumber, oldest invoice first. A confirmation we cannot
// match (validation was off, or the account closed meanwhile) goes to the bank review queue for
// staff to match — money already taken is never refused.
import "server-only";
import Decimal from "decimal.js";
import { db } from "@/lib/db";
import { now } from "@/lib/time/clock";
import { findCustomerByReference } from "../find-customer-by-reference";
import { getSettings } from "@/lib/settings/get-settings";
import { dateInZone } from "@/lib/time/dates";
import { recordRailPaymentTx } from "../record-rail-payment-tx";
import { queueRailConfirmationTx } from "../review/queue-rail-confirmation-tx";
import { markProviderEvent, storeProviderEvent } from "../store-provider-event";
import { verifyCallbackToken } from "../verify-callback-token";
import type { C2bRequest } from "./daraja-callback-schema";

export type HandleC2bOptions = { token: string; request: C2bRequest };

export async function validateC2b(opts: HandleC2bOptions) {
  await verifyCallbackToken("MPESA", opts.token);
  const customer = await findCustomerByReference(db, opts.request.BillRefNumber);
  return customer && customer.currency === "KES"
    ? { ResultCode: "0", ResultDesc: "Accepted" }
    : { ResultCode: "C2B00012", ResultDesc: "Rejected" };
}

export async function confirmC2b(opts: HandleC2bOptions) {
  await verifyCallbackToken("MPESA", opts.token);
  const r = opts.request;
  const event = await storeProviderEvent({
    source: "mpesa",
    externalId: r.TransID,
    type: "c2b.confirmation",
    payload: r,
  });
  if (!event.processed) {
    const error = await db.$transaction(async (tx) => {
      const amount = new Decimal(String(r.TransAmount)).times(100);
      if (!amount.isInteger() || amount.lte(0)) return `bad amount ${String(r.TransAmount)}`;
      const customer = await findCustomerByReference(tx, r.BillRefNumber);
      if (!customer || customer.currency !== "KES") {
        await queueRailConfirmationTx(tx, {
          source: "MPESA",
          externalId: `mpesa:${r.TransID}`,
          amount: amount.toNumber(),
          currency: "KES",
          bookingDate: dateInZone(now(), (await getSettings(tx)).timeZone),
          reference: [r.BillRefNumber && `account ${r.BillRefNumber}`, r.TransID]
            .filter(Boolean)
            .join(" · "),
          name: r.FirstName ?? null,
        });
        return null;
      }
      await recordRailPaymentTx(tx, {
        customerId: customer.id,
        amount: amount.toNumber(),
        provider: "MPESA",
        externalId: `mpesa:${r.TransID}`,
        reference: r.TransID,
        receivedAt: now(),
      });
      return null;
    });
    await markProviderEvent(event.id, error);
  }
  return { ResultCode: 0, ResultDesc: "Accepted" };
}
