// Finds a service request for signing: by id for staff (orders:write), or by the emailed link's
// token for the customer. Either way the agreement is rendered afresh from the request and the
// account as it is now, exactly as placement will render it.
import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { now } from "@/lib/time/clock";
import { DRAFT_CUSTOMER_SELECT, type StoredDraft } from "./service-request-draft";
import { hashSigningToken, signingDeadline } from "./issue-signing-link";

export type ServiceRequestRef = { actor: Actor; requestId: string } | { token: string };

const SELECT = {
  id: true,
  customerId: true,
  status: true,
  draft: true,
  planName: true,
  startDate: true,
  cardLink: true,
  feasibilityNote: true,
  linkExpiresAt: true,
  orderId: true,
  createdAt: true,
  createdBy: { select: { name: true } },
  customer: { select: { ...DRAFT_CUSTOMER_SELECT, accountNumber: true } },
} as const;

/** The request, or a 404 for a wrong id or token; `expired` when its signing time has passed. */
export async function loadServiceRequest(ref: ServiceRequestRef) {
  let row;
  if ("token" in ref) {
    row = await db.serviceRequest.findUnique({
      where: { linkTokenHash: hashSigningToken(ref.token) },
      select: SELECT,
    });
    if (!row) throw notFound("Signing link");
  } else {
    assertCan(ref.actor, "orders:write");
    row = await db.serviceRequest.findUnique({ where: { id: ref.requestId }, select: SELECT });
    if (!row) throw notFound("Service request");
  }
  const deadline =
    "token" in ref && row.linkExpiresAt ? row.linkExpiresAt : signingDeadline(row.createdAt);
  return {
    ...row,
    draft: row.draft as unknown as StoredDraft,
    expired: deadline.getTime() <= now().getTime(),
  };
}

export type LoadedServiceRequest = Awaited<ReturnType<typeof loadServiceRequest>>;

/** Refuses anything but a request still waiting, within its time, for a signature. */
export function assertSignable(r: LoadedServiceRequest) {
  if (r.status === "SIGNED") throw new AppError("CONFLICT", "This agreement is already signed.");
  if (r.status === "CANCELLED")
    throw new AppError("CONFLICT", "This service request was cancelled.");
  if (r.expired)
    throw new AppError(
      "CONFLICT",
      "This agreement is no longer open for signing. Ask us to set the service up again.",
    );
}
