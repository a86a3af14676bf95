// "Test connection" in the rail settings: an OAuth token fetched with the stored credentials (over
// mTLS for Pix), never from the cache.
import "server-only";
import { assertCan, type Actor } from "@/lib/auth/roles";
import type { PaymentRail } from "@/lib/generated/prisma/enums";
import { RAILS } from "./rail";

export type TestRailConnectionOptions = { actor: Actor; rail: PaymentRail };

export async function testRailConnection(opts: TestRailConnectionOptions) {
  assertCan(opts.actor, "settings:write");
  await RAILS[opts.rail].testConnection();
  return { ok: true };
}
