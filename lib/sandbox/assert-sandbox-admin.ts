import type { Actor } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";

/** The sandbox clock exists only with SANDBOX_CLOCK=true, and only admins may move it. */
export function assertSandboxAdmin(actor: Actor) {
  if (!env.SANDBOX_CLOCK) throw notFound("Sandbox clock");
  if (actor.kind !== "system" && actor.role !== "ADMIN")
    throw new AppError("FORBIDDEN", "Only an admin may use the sandbox clock.");
}
