// Resolves the signed-in person for pages, server actions and route handlers. A session counts
// only while its token's sessionVersion is the user's current one (see options.ts).
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { syncClock } from "@/lib/time/sync-clock";
import { authOptions } from "./options";
import { STAFF_ROLES, type Actor } from "./roles";
import { resolveSessionUser } from "./session-user";

export type UserActor = Extract<Actor, { kind: "user" }>;

// Every page, layout, server action and session route resolves the user first (layouts and pages
// render concurrently, so the layout alone could not sync the clock before a page reads it).
// Once per request: a page render asks from its layout, its metadata and the page itself, and
// each answer is a cookie decode plus a database read (React's cache is scoped to one render).
const signedInUser = cache(async () => {
  await syncClock();
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return resolveSessionUser(session.user);
});

/** The signed-in user as an Actor, or null. Re-reads role and active flag from the database. */
export async function currentActor(): Promise<UserActor | null> {
  return (await signedInUser())?.actor ?? null;
}

/**
 * For route handlers that serve files (PDFs, mail attachments): the signed-in user, or why not.
 * Like pages, someone still on a temporary password has to choose their own first.
 */
export async function fileRequestActor(): Promise<UserActor | "signin" | "change-password"> {
  const user = await signedInUser();
  if (!user) return "signin";
  if (user.mustChangePassword) return "change-password";
  return user.actor;
}

/** For admin pages: a staff member, else off to sign-in; one still on a temporary password picks their own first. */
export async function requireStaff(returnTo = "/admin"): Promise<UserActor> {
  const user = await signedInUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!STAFF_ROLES.includes(user.actor.role)) redirect("/portal");
  if (user.mustChangePassword)
    redirect(`/change-password?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user.actor;
}

/** For portal pages: a customer, else off to sign-in. */
export async function requireCustomer(
  returnTo = "/portal",
): Promise<UserActor & { customerId: string }> {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (actor.role !== "CUSTOMER" || !actor.customerId) redirect("/admin");
  return actor as UserActor & { customerId: string };
}
