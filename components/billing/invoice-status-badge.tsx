import { Badge, type Tone } from "@/components/ui/badge";

const TONE: Record<string, Tone> = {
  DRAFT: "amber",
  OPEN: "blue",
  PARTIALLY_PAID: "blue",
  PAID: "green",
  VOID: "gray",
  UNCOLLECTIBLE: "red",
};

export function InvoiceStatusBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  if (overdue) return <Badge tone="red">overdue</Badge>;
  return <Badge tone={TONE[status] ?? "gray"}>{status.toLowerCase().replace("_", " ")}</Badge>;
}
