// A customer (or staff with network rights) sets a service's PPPoE password. Stored encrypted
// like the generated one; FreeRADIUS gets it with the `credentials` change (radius.sync). An open
// session carries on: the router uses the new password the next time it connects, so the
// customer changes it on the router without losing the line. Audited without the password.
import "server-only";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { encryptSecret } from "@/lib/crypto/encrypt";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { subscriptionChanged } from "@/lib/events/events";
import { publish } from "@/lib/events/publish";
import { assignCredentials } from "./assign-credentials";

export type ChangeServicePasswordOptions = {
  actor: Actor;
  subscriptionId: string;
  password: string;
  ip?: string | null;
};

export async function changeServicePassword(
  opts: ChangeServicePasswordOptions,
): Promise<{ username: string }> {
  const username = await db.$transaction(async (tx) => {
    const sub = await tx.subscription.findUnique({
      where: { id: opts.subscriptionId },
      select: {
        id: true,
        status: true,
        parentId: true,
        customerId: true,
        radiusUsername: true,
        accessType: true,
        product: { select: { kind: true } },
        customer: { select: { accountNumber: true } },
      },
    });
    if (!sub) throw notFound("Subscription");
    assertCustomerAccess(opts.actor, sub.customerId, "network:write");
    if (sub.parentId || sub.product.kind !== "PLAN")
      throw new AppError("UNPROCESSABLE", "Add-ons have no network credentials of their own.");
    if (sub.status === "CANCELLED") throw new AppError("CONFLICT", "This service is cancelled.");
    if (sub.accessType === "IPOE")
      throw new AppError(
        "UNPROCESSABLE",
        "This line uses IPoE: the network knows it by its MAC address or circuit id, without a password.",
      );
    let name = sub.radiusUsername;
    if (!name) {
      // First credentials for a service still being installed: take the generated username.
      const made = await assignCredentials(tx, [
        {
          id: sub.id,
          accountNumber: sub.customer.accountNumber,
          radiusUsername: null,
          radiusPassword: null,
        },
      ]);
      name = made.get(sub.id)!.username;
    }
    await tx.subscription.update({
      where: { id: sub.id },
      data: { radiusPassword: encryptSecret(opts.password) },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "subscription.change_credentials",
        entityType: "Subscription",
        entityId: sub.id,
        customerId: sub.customerId,
        ip: opts.ip ?? null,
      },
      tx,
    );
    return name;
  });
  await publish(
    subscriptionChanged.create({ subscriptionId: opts.subscriptionId, change: "credentials" }),
  );
  return { username };
}
