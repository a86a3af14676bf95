// The fields a status change sets: resolving stops the resolution clock, re-opening restarts it.
type Status = "OPEN" | "PENDING" | "RESOLVED" | "CLOSED";

export function statusChange(t: { resolvedAt: Date | null }, status: Status, at: Date) {
  const done = status === "RESOLVED" || status === "CLOSED";
  return { status, resolvedAt: done ? (t.resolvedAt ?? at) : null };
}
