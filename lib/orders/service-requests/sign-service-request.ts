// The customer signs a service staff set up: on the staff screen (in person, staff signed in) or
// through the emailed link. Signing places the order exactly as the storefront does (one
// transaction: order, pending subscriptions, signed contract with PDF, payment method and
// mandate, confirmation email with the signed copy), marks the request signed, and activates the
// order on the chosen start date. A card link, if chosen, is emailed once the order exists.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { logger } from "@/lib/log";
import { appUrl } from "@/lib/env";
import { now } from "@/lib/time/clock";
import { fromDbDate } from "@/lib/time/dates";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { getBranding } from "@/lib/settings/get-branding";
import type { z } from "zod";
import { placeOrder } from "../place-order";
import { activateOrder } from "../activate-order";
import { confirmOrderFeasibility } from "../confirm-order-feasibility";
import { cancelOrderTx } from "../cancel-order-tx";
import { toContractDraft } from "./service-request-draft";
import { signServiceRequestSchema } from "./service-request-schema";
import {
  assertSignable,
  loadServiceRequest,
  type LoadedServiceRequest,
  type ServiceRequestRef,
} from "./load-service-request";

/** Activation and feasibility confirmation follow from the signature, not from a person's role. */
const SIGNED_SERVICE: Actor = { kind: "system", name: "service-request" };

export type SignServiceRequestOptions = ServiceRequestRef & {
  signature: z.input<typeof signServiceRequestSchema>["signature"];
  ip: string | null;
};

export async function signServiceRequest(opts: SignServiceRequestOptions) {
  const { signature } = signServiceRequestSchema.parse(opts);
  const r = await loadServiceRequest(opts);
  assertSignable(r);
  // In person the staff member is recorded beside the signature; by link, the link.
  const signer: Actor = "actor" in opts ? opts.actor : { kind: "system", name: "signing-link" };
  const placed = await placeOrder({
    input: { ...toContractDraft(r.draft, r.customer), signature },
    ip: opts.ip,
    actor: signer,
    onAccountId: r.customerId,
  });
  await markSigned(
    r,
    placed.orderId,
    signer,
    opts.ip,
    "token" in opts ? "EMAIL_LINK" : "IN_PERSON",
  );

  if (r.feasibilityNote)
    await confirmOrderFeasibility({
      actor: SIGNED_SERVICE,
      orderId: placed.orderId,
      note: `${r.createdBy?.name ?? "Staff"} confirmed it when setting up the service: ${r.feasibilityNote}`,
    }).catch((e: unknown) => {
      // Already verified (the address list or geocoder placed it by now): nothing to confirm.
      if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
    });
  let activated = true;
  try {
    await activateOrder({
      actor: SIGNED_SERVICE,
      orderId: placed.orderId,
      startDate: fromDbDate(r.startDate),
    });
  } catch (err) {
    // The order and its signed contract stand; it waits in Orders for someone to activate it.
    activated = false;
    logger.error({ err, orderId: placed.orderId }, "signed service request: activation failed");
  }
  if (r.cardLink) await sendCardLink(r);
  return { orderId: placed.orderId, orderNumber: placed.orderNumber, activated };
}

async function markSigned(
  r: LoadedServiceRequest,
  orderId: string,
  signer: Actor,
  ip: string | null,
  method: "IN_PERSON" | "EMAIL_LINK",
) {
  const cancelled = await db.$transaction(async (tx) => {
    const { count } = await tx.serviceRequest.updateMany({
      where: { id: r.id, status: "AWAITING_SIGNATURE" },
      data: {
        status: "SIGNED",
        orderId,
        signedAt: now(),
        linkTokenHash: null,
        linkExpiresAt: null,
      },
    });
    if (!count) {
      const current = await tx.serviceRequest.findUniqueOrThrow({
        where: { id: r.id },
        select: { status: true, orderId: true },
      });
      if (current.status === "SIGNED" && current.orderId === orderId) return false;
      // Cancelled while the customer was signing: the cancellation wins and the order goes too.
      await cancelOrderTx(tx, {
        actor: SIGNED_SERVICE,
        orderId,
        note: "The service request was cancelled while it was being signed.",
        action: "order.cancel",
        reason: "service request cancelled",
      });
      return true;
    }
    await recordAudit(
      {
        actor: signer,
        action: "service_request.sign",
        entityType: "ServiceRequest",
        entityId: r.id,
        customerId: r.customerId,
        ip,
        data: { orderId, method },
      },
      tx,
    );
    return false;
  });
  if (cancelled) throw new AppError("CONFLICT", "This service request was cancelled.");
}

async function sendCardLink(r: LoadedServiceRequest) {
  const brand = await getBranding();
  await enqueueEmail({
    to: r.customer.email,
    subject: `${brand.name}: add the card for your ${r.planName} service`,
    text: `Hello ${r.customer.firstName},\n\nThank you for signing. To pay your ${r.planName} invoices by card, save your card here (sign in to your account first):\n${appUrl()}/portal/payment-methods\n\nUntil a card is saved, invoices are payable by EFT with your account number ${r.customer.accountNumber} as the reference.\n\n${brand.name}`,
    customerId: r.customerId,
    dedupeKey: `service_request.card_link:${r.id}`,
  });
}
