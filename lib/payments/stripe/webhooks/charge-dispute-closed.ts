import type Stripe from "stripe";
import { closeDispute } from "../close-dispute";

/** A dispute ended: lost → the payment is reversed; won → it stands again. */
export const chargeDisputeClosed = (event: Stripe.Event) =>
  closeDispute({ dispute: event.data.object as Stripe.Dispute });
