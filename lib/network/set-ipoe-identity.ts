// Switches a service to IPoE (the NAS names it by MAC or Option 82 circuit id; FreeRADIUS
// accepts it without a password: `Auth-Type := Accept`) or back to PPPoE (`identity: null`:
// the next sync generates a PPPoE login). The username is unique across services, so one line
// can never log in as two. The network follows the `credentials` change.
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { subscriptionChanged } from "@/lib/events/events";
import { publish } from "@/lib/events/publish";
import { ipoeIdentitySchema, type IpoeIdentity } from "./ipoe-schema";

export type SetIpoeIdentityOptions = {
  actor: Actor;
  subscriptionId: string;
  identity: IpoeIdentity | null;
};

export async function setIpoeIdentity(opts: SetIpoeIdentityOptions) {
  assertCan(opts.actor, "network:write");
  const identity = opts.identity ? ipoeIdentitySchema.parse(opts.identity) : null;
  const result = await db.$transaction(async (tx) => {
    const sub = await tx.subscription.findUnique({
      where: { id: opts.subscriptionId },
      select: {
        id: true,
        status: true,
        parentId: true,
        customerId: true,
        product: { select: { kind: true } },
      },
    });
    if (!sub) throw notFound("Subscription");
    if (sub.parentId || sub.product.kind !== "PLAN")
      throw new AppError("UNPROCESSABLE", "Add-ons have no network login of their own.");
    if (sub.status === "CANCELLED") throw new AppError("CONFLICT", "This service is cancelled.");
    if (identity) {
      const holder = await tx.subscription.findUnique({
        where: { radiusUsername: identity.value },
        select: { id: true },
      });
      if (holder && holder.id !== sub.id)
        throw new AppError("CONFLICT", `${identity.value} is another service's login.`, {
          value: "taken",
        });
    }
    await tx.subscription.update({
      where: { id: sub.id },
      data: identity
        ? { accessType: "IPOE", radiusUsername: identity.value, radiusPassword: null }
        : { accessType: "PPPOE", radiusUsername: null, radiusPassword: null },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: identity ? "subscription.set_ipoe" : "subscription.set_pppoe",
        entityType: "Subscription",
        entityId: sub.id,
        customerId: sub.customerId,
        data: identity ?? undefined,
      },
      tx,
    );
    return {
      accessType: identity ? ("IPOE" as const) : ("PPPOE" as const),
      username: identity?.value ?? null,
    };
  });
  await publish(
    subscriptionChanged.create({ subscriptionId: opts.subscriptionId, change: "credentials" }),
  );
  return result;
}
