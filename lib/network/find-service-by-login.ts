// The service behind a PPPoE username: how technicians name services on the network side.
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function findServiceByLogin(opts: { actor: Actor; username: string }) {
  assertCan(opts.actor, "network:read");
  const sub = await db.subscription.findUnique({
    where: { radiusUsername: opts.username.trim() },
    select: { id: true },
  });
  if (!sub)
    throw new AppError("VALIDATION", "Some fields are not valid.", {
      username: "No service has this login",
    });
  return sub.id;
}
