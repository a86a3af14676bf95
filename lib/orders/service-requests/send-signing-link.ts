// Staff email (again) the link to sign a waiting service request; the previous link stops working.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertSignable, loadServiceRequest } from "./load-service-request";
import { issueSigningLink } from "./issue-signing-link";
import type { Actor } from "@/lib/auth/roles";

export type SendSigningLinkOptions = { actor: Actor; requestId: string };

export async function sendSigningLink(opts: SendSigningLinkOptions) {
  const r = await loadServiceRequest(opts);
  assertSignable(r);
  return db.$transaction(async (tx) => {
    const link = await issueSigningLink(tx, r);
    await recordAudit(
      {
        actor: opts.actor,
        action: "service_request.link_sent",
        entityType: "ServiceRequest",
        entityId: r.id,
        customerId: r.customerId,
        data: { to: r.customer.email },
      },
      tx,
    );
    return { email: r.customer.email, expiresAt: link.expiresAt };
  });
}
