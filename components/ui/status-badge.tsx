import { statusLabel, statusTone, type StatusKind } from "@/lib/format/status";
import { Badge } from "./badge";

/** A status in the words and colour lib/format/status.ts gives it, the same on every page. */
export function StatusBadge({ kind, status }: { kind: StatusKind; status: string }) {
  return <Badge tone={statusTone(kind, status)}>{statusLabel(kind, status)}</Badge>;
}
