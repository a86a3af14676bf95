import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidateCoverageIndex } from "./coverage-index";

/** Removes an area from the map. Existing services are unaffected; leads keep their text address. */
export async function deleteCoverageArea(opts: { id: string; actor: Actor }) {
  assertCan(opts.actor, "coverage:write");
  await db.$transaction(async (tx) => {
    const found = await tx.coverageArea.findUnique({
      where: { id: opts.id },
      select: { name: true },
    });
    if (!found) throw notFound("Coverage area");
    await tx.coverageArea.delete({ where: { id: opts.id } });
    await recordAudit(
      {
        actor: opts.actor,
        action: "coverage.delete",
        entityType: "CoverageArea",
        entityId: opts.id,
        data: { name: found.name },
      },
      tx,
    );
  });
  invalidateCoverageIndex();
}
