// A sync report small enough for a JobRun row: counts, and the first differences by name.
import type { SyncServicesReport, UserDiff } from "./sync-services";

const FIRST = 50;
const brief = (list: UserDiff[]) => ({
  count: list.length,
  first: list
    .slice(0, FIRST)
    .map(
      (d) =>
        `${d.username}: ${d.was === d.now ? d.now : `${d.was ?? "-"} → ${d.now ?? "-"}`}${d.rows ? ` (${d.rows.join(", ")})` : ""}`,
    ),
});

export function summarizeSync(r: SyncServicesReport) {
  return {
    services: r.services,
    groups: r.groups,
    added: brief(r.added),
    changed: brief(r.changed),
    removed: brief(r.removed),
    sessions: r.sessions,
  };
}
