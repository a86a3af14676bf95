// The kinds of event on a customer's timeline, in the order the filter shows them, and the
// permission each needs (minimum necessary: a technician sees orders and tickets, not money).
// Pure: safe for client components.
export const TIMELINE_KINDS = [
  "order",
  "contract",
  "invoice",
  "credit_note",
  "payment",
  "message",
  "ticket",
  "plan_change",
  "suspension",
  "usage_alert",
  "dunning",
  "note",
  "audit",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

const LABELS: Record<TimelineKind, string> = {
  order: "Orders",
  contract: "Contracts",
  invoice: "Invoices",
  credit_note: "Credit notes",
  payment: "Payments",
  message: "Messages sent",
  ticket: "Tickets",
  plan_change: "Plan changes",
  suspension: "Suspensions",
  usage_alert: "Usage alerts",
  dunning: "Dunning and arrangements",
  note: "Notes",
  audit: "Audit events",
};
export const timelineKindLabel = (k: string) => LABELS[k as TimelineKind] ?? k;
