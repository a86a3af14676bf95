// Refreshes the sandbox offset that now() adds from the database, so every app instance sharing
// the database runs on the same business time. Entry points await it before anything reads the
// clock: API handlers (apiOperation, apiRoute), the signed-in session (pages, layouts, server
// actions), public server actions, the Inngest endpoint, the embedded scheduler and the CLIs.
// Off the sandbox it costs nothing; on it, one primary-key read.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sandboxOffset, setSandboxOffset } from "./clock";

export async function syncClock(): Promise<void> {
  if (!env.SANDBOX_CLOCK) {
    if (sandboxOffset()) setSandboxOffset(0);
    return;
  }
  const row = await db.sandboxClock.findUnique({ where: { id: 1 }, select: { offsetMs: true } });
  setSandboxOffset(row ? Number(row.offsetMs) : 0);
}
