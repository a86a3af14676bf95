import type Stripe from "stripe";
import { markPaymentDisputed } from "../mark-payment-disputed";

/** A cardholder disputed a payment: DISPUTED, and ACCOUNTS staff are emailed. */
export const chargeDisputeCreated = (event: Stripe.Event) =>
  markPaymentDisputed({ dispute: event.data.object as Stripe.Dispute });
