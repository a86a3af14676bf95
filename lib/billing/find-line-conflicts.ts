// Which invoices of a batch would lose a line to the unique key (subscription, period start, kind)
// (money rule 3): the period is already charged, or charged twice in the batch. They are left out
// whole before anything is written or numbered, so an invoice is never issued short and a number
// is never taken for an invoice that is then dropped. The caller holds the subscriptions' row
// locks, so nothing else can charge them between this check and the insert.
import type { Tx } from "@/lib/db";
import type { InvoiceDraft } from "./compose-invoice";

export async function findLineConflicts(
  tx: Tx,
  invoices: readonly InvoiceDraft[],
): Promise<Set<string>> {
  const conflicts = new Set<string>();
  const seen = new Set<string>();
  const keyed = invoices.flatMap((inv) =>
    inv.lines
      .filter((l) => l.subscriptionId && l.periodStart)
      .map((l) => ({ inv: inv.id, sub: l.subscriptionId!, ps: l.periodStart!, kind: l.kind })),
  );
  for (const k of keyed) {
    const key = `${k.sub}|${k.ps}|${k.kind}`;
    if (seen.has(key)) conflicts.add(k.inv);
    seen.add(key);
  }
  if (!keyed.length) return conflicts;
  const taken = await tx.$queryRawUnsafe<{ inv: string }[]>(
    `SELECT DISTINCT v.inv FROM unnest($1::text[], $2::date[], $3::text[], $4::text[]) AS v(sub, ps, kind, inv)
       JOIN "InvoiceLine" l ON l."subscriptionId" = v.sub AND l."periodStart" = v.ps AND l.kind = v.kind::"LineKind"`,
    keyed.map((k) => k.sub),
    keyed.map((k) => k.ps),
    keyed.map((k) => k.kind),
    keyed.map((k) => k.inv),
  );
  for (const t of taken) conflicts.add(t.inv);
  return conflicts;
}
