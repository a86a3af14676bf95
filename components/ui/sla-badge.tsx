import { Badge } from "./badge";

/** An SLA target at a glance: red when breached, otherwise nothing loud. */
export function SlaBadge({ sla }: { sla: { breached: boolean; firstResponse: string } }) {
  if (sla.breached) return <Badge tone="red">SLA breached</Badge>;
  if (sla.firstResponse === "running") return <Badge tone="amber">Awaiting answer</Badge>;
  return null;
}
