// Every status a person sees, with its label and tone, in one place. Pages and components look
// statuses up here (statusLabel / statusTone, or <StatusBadge kind=… status=…>); none spells its
// own map. Pure: safe for client components.
import type { Tone } from "./tone";

type Entry = readonly [label: string, tone: Tone];

const STATUSES = {
  customer: {
    PROSPECT: ["Prospect", "blue"],
    ACTIVE: ["Active", "green"],
    SUSPENDED: ["Suspended", "amber"],
    CLOSED: ["Closed", "gray"],
  },
  subscription: {
    PENDING: ["Pending", "blue"],
    ACTIVE: ["Active", "green"],
    SUSPENDED: ["Suspended", "amber"],
    CANCELLED: ["Cancelled", "gray"],
  },
  order: {
    NEW: ["New", "blue"],
    SCHEDULED: ["Installation booked", "amber"],
    ACTIVATED: ["Activated", "green"],
    CANCELLED: ["Cancelled", "gray"],
  },
  invoice: {
    DRAFT: ["Draft", "amber"],
    OPEN: ["Open", "blue"],
    PARTIALLY_PAID: ["Partly paid", "blue"],
    PAID: ["Paid", "green"],
    VOID: ["Void", "gray"],
    UNCOLLECTIBLE: ["Uncollectible", "red"],
    // Not stored: an open or partly paid invoice past its due date.
    OVERDUE: ["Overdue", "red"],
  },
  billingRun: {
    RUNNING: ["Running", "blue"],
    COMPLETED: ["Completed", "green"],
    FAILED: ["Failed", "red"],
    // Not stored: a running run with no progress for a while.
    INTERRUPTED: ["Interrupted", "red"],
  },
  coverageArea: {
    LIVE: ["Live", "green"],
    PLANNED: ["Planned", "amber"],
  },
  product: {
    ACTIVE: ["On sale", "green"],
    RETIRED: ["Retired", "gray"],
  },
  staffUser: {
    ACTIVE: ["Active", "green"],
    INVITED: ["Invited", "amber"],
    DEACTIVATED: ["Deactivated", "gray"],
  },
  apiKey: {
    ACTIVE: ["Active", "green"],
    REVOKED: ["Revoked", "gray"],
  },
  railCharge: {
    PENDING: ["Waiting for payment", "blue"],
    PAID: ["Paid", "green"],
    FAILED: ["Failed", "red"],
    EXPIRED: ["Expired", "gray"],
  },
  payment: {
    PENDING: ["Pending", "blue"],
    SUCCEEDED: ["Received", "green"],
    FAILED: ["Failed", "red"],
    REFUNDED: ["Refunded", "gray"],
    REVERSED: ["Reversed", "gray"],
    DISPUTED: ["Disputed", "red"],
  },
  /** How feasibility of an order's service address was established. */
  orderFeasibility: {
    ADDRESS_LIST: ["On the serviceable-address list", "green"],
    GEOCODED: ["Address geocoded into coverage", "green"],
    UNVERIFIED: ["Feasibility unverified", "red"],
    CONFIRMED: ["Feasibility confirmed by staff", "green"],
  },
  /** An order placed with the email of an existing login waits for that login's owner. */
  orderHold: {
    HELD: ["Awaiting account holder", "amber"],
  },
  jobRun: {
    RUNNING: ["Running", "blue"],
    SUCCEEDED: ["Succeeded", "green"],
    FAILED: ["Failed", "red"],
    SKIPPED: ["Skipped", "gray"],
  },
  collectionBatch: {
    DRAFT: ["Draft", "amber"],
    EXPORTED: ["File downloaded", "blue"],
    SUBMITTED: ["Submitted to bank", "blue"],
    SETTLED: ["Settled", "green"],
    PARTIALLY_RETURNED: ["Partly returned", "red"],
    CANCELLED: ["Cancelled", "gray"],
  },
  collectionItem: {
    PENDING: ["Pending", "blue"],
    SETTLED: ["Collected", "green"],
    REJECTED: ["Rejected", "red"],
    RETURNED: ["Returned", "red"],
    CANCELLED: ["Cancelled", "gray"],
  },
  mandate: {
    ACTIVE: ["Active", "green"],
    SUSPENDED: ["Suspended", "amber"],
    CANCELLED: ["Cancelled", "gray"],
  },
  bankFile: {
    IMPORTED: ["Imported", "green"],
    HELD: ["Held: unknown account", "amber"],
    NEEDS_MAPPING: ["Choose CSV columns", "amber"],
    REFUSED: ["Refused", "red"],
  },
  bankEntry: {
    MATCHED: ["Matched", "green"],
    REVIEW: ["To review", "amber"],
    NOT_OURS: ["Not ours", "gray"],
    DEBIT: ["Debit (listed)", "gray"],
    RETURN: ["Return / reject", "red"],
    INFO: ["Information", "gray"],
  },
  ticket: {
    OPEN: ["Open", "blue"],
    PENDING: ["Waiting for customer", "amber"],
    RESOLVED: ["Resolved", "green"],
    CLOSED: ["Closed", "gray"],
  },
  ticketPriority: {
    LOW: ["Low", "gray"],
    NORMAL: ["Normal", "blue"],
    HIGH: ["High", "amber"],
    URGENT: ["Urgent", "red"],
  },
  /** Where an account stands on the dunning ladder (lib/dunning). */
  dunning: {
    CURRENT: ["Current", "green"],
    REMINDED: ["Reminded", "blue"],
    OVERDUE: ["Overdue", "amber"],
    SOFT_SUSPENDED: ["Throttled", "amber"],
    SUSPENDED: ["Suspended", "red"],
    COLLECTIONS: ["Collections", "red"],
    ARRANGED: ["Arrangement", "blue"],
  },
  /** A Pix Automático authorisation (PixRecStatus; PAUSED: approved, but a collection failed). */
  pixRecurrence: {
    CRIADA: ["Waiting for approval in your bank app", "blue"],
    APROVADA: ["Active", "green"],
    PAUSED: ["Paused: a collection failed", "amber"],
    REJEITADA: ["Refused", "red"],
    EXPIRADA: ["Expired", "gray"],
    CANCELADA: ["Cancelled", "gray"],
  },
  /** A payment arrangement (lib/dunning/arrangements). */
  arrangement: {
    PENDING: ["Waiting for approval", "amber"],
    ACTIVE: ["Agreed", "blue"],
    KEPT: ["Kept", "green"],
    BROKEN: ["Missed", "red"],
    REJECTED: ["Not accepted", "gray"],
  },
  webhookDelivery: {
    PENDING: ["Pending", "blue"],
    SUCCEEDED: ["Delivered", "green"],
    FAILED: ["Failed", "red"],
  },
} as const satisfies Record<string, Record<string, Entry>>;

export type StatusKind = keyof typeof STATUSES;
export type StatusOf<K extends StatusKind> = keyof (typeof STATUSES)[K] & string;

function entry(kind: StatusKind, status: string): Entry | undefined {
  return (STATUSES[kind] as Record<string, Entry>)[status];
}

/** "PARTIALLY_PAID" → "Partly paid". An unknown status reads as itself in sentence case. */
export function statusLabel(kind: StatusKind, status: string): string {
  return entry(kind, status)?.[0] ?? sentenceCase(status);
}

export function statusTone(kind: StatusKind, status: string): Tone {
  return entry(kind, status)?.[1] ?? "gray";
}

/** Every status of a kind with its label, for filters and selects. */
export function statusOptions<K extends StatusKind>(kind: K): [StatusOf<K>, string][] {
  return Object.entries(STATUSES[kind]).map(([k, [label]]) => [k as StatusOf<K>, label]);
}

/** "PARTIALLY_PAID" → "Partially paid": for codes that have no entry of their own. */
export function sentenceCase(code: string): string {
  const words = code.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The status people see for an invoice: an unpaid one past its due date reads "Overdue". */
export function invoiceDisplayStatus(
  inv: { status: string; dueDate: string | null },
  today: string,
): string {
  const unpaid = inv.status === "OPEN" || inv.status === "PARTIALLY_PAID";
  return unpaid && inv.dueDate !== null && inv.dueDate < today ? "OVERDUE" : inv.status;
}

/** An order's progress as its customer follows it in the portal. */
export const ORDER_STEPS = ["Order received", "Installation booked", "Service active"] as const;

/** Index into ORDER_STEPS, or -1 for an order that will not progress (cancelled). */
export function orderStep(status: string): number {
  return ["NEW", "SCHEDULED", "ACTIVATED"].indexOf(status);
}
