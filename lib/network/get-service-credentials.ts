// A service's PPPoE username and password, for the installer configuring the router (ADMIN and
// TECHNICIAN only; every view is audited, like unmasked bank numbers). A service without
// credentials yet gets them now, so they can be set up before activation.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { decryptSecret } from "@/lib/crypto/encrypt";
import { AppError, notFound } from "@/lib/errors";
import { publish } from "@/lib/events/publish";
import { subscriptionChanged } from "@/lib/events/events";
import { assignCredentials } from "./assign-credentials";

export type GetServiceCredentialsOptions = {
  actor: Actor;
  subscriptionId: string;
  ip?: string | null;
};

export async function getServiceCredentials(opts: GetServiceCredentialsOptions) {
  assertCan(opts.actor, "network:read_credentials");
  const { credentials, assigned } = await db.$transaction(async (tx) => {
    const sub = await tx.subscription.findUnique({
      where: { id: opts.subscriptionId },
      select: {
        id: true,
        status: true,
        parentId: true,
        customerId: true,
        radiusUsername: true,
        radiusPassword: true,
        accessType: true,
        product: { select: { kind: true } },
        customer: { select: { accountNumber: true } },
      },
    });
    if (!sub) throw notFound("Subscription");
    if (sub.parentId || sub.product.kind !== "PLAN")
      throw new AppError("UNPROCESSABLE", "Add-ons have no network credentials of their own.");
    if (sub.status === "CANCELLED") throw new AppError("CONFLICT", "This service is cancelled.");
    if (sub.accessType === "IPOE")
      throw new AppError(
        "UNPROCESSABLE",
        "This line uses IPoE: the network knows it by its MAC address or circuit id, without a password.",
      );
    let { radiusUsername: username, radiusPassword: sealed } = sub;
    const assigned = !username || !sealed;
    if (assigned) {
      const made = await assignCredentials(tx, [
        {
          id: sub.id,
          accountNumber: sub.customer.accountNumber,
          radiusUsername: username,
          radiusPassword: sealed,
        },
      ]);
      ({ username, sealedPassword: sealed } = made.get(sub.id)!);
    }
    await recordAudit(
      {
        actor: opts.actor,
        action: "subscription.view_credentials",
        entityType: "Subscription",
        entityId: sub.id,
        customerId: sub.customerId,
        ip: opts.ip ?? null,
      },
      tx,
    );
    return { credentials: { username: username!, password: decryptSecret(sealed!) }, assigned };
  });
  if (assigned)
    await publish(
      subscriptionChanged.create({ subscriptionId: opts.subscriptionId, change: "credentials" }),
    );
  return credentials;
}
