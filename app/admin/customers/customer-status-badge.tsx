import { Badge, type Tone } from "@/components/ui/badge";

const TONES: Record<string, Tone> = {
  ACTIVE: "green",
  PROSPECT: "blue",
  SUSPENDED: "amber",
  CLOSED: "gray",
  PENDING: "blue",
  CANCELLED: "gray",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={TONES[status] ?? "gray"}>{status.charAt(0) + status.slice(1).toLowerCase()}</Badge>
  );
}
