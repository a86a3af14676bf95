// Books one new statement/notification entry inside the import's transaction, in the issue's
// order: our collection's EndToEndId or batch → payment reference (also with one typo) → exact
// amount and payer name. A credit none of them settles goes to the review queue with
// suggestions; debits and fees are listed, not matched; returns fail the debit they name. A
// matched credit comes back as the money to book: the import books a chunk's credits together
// (receivePaymentsBulkTx), not one payment at a time.
import "server-only";
import type { Tx } from "@/lib/db";
import {
  receivePaymentsBulkTx,
  type BulkNewPayment,
} from "@/lib/payments/receive-payments-bulk-tx";
import { now } from "@/lib/time/clock";
import type { IsoDate } from "@/lib/time/dates";
import type { BankSettings } from "./bank-settings";
import { failItemTx, type DebitReturned } from "./fail-item-tx";
import {
  candidatesByAmountAndName,
  candidatesByReference,
  type Candidate,
  type MatchIndex,
} from "./match-index";
import type { ParsedEntry } from "./parse/types";
import { settleItemTx } from "./settle-item-tx";

export type BookContext = {
  index: MatchIndex;
  settings: BankSettings;
  today: IsoDate;
  /** Our collection items named in this file, by EndToEndId. */
  items: Map<string, { id: string; batchId: string; status: string; amount: number }>;
  /** Pending items by batch reference (MsgId or PmtInfId). */
  batchItems: Map<string, { id: string; batchId: string; amount: number }[]>;
  touchedBatches: Set<string>;
  events: DebitReturned[];
};

export type Booked = {
  status: "MATCHED" | "REVIEW" | "DEBIT" | "RETURN" | "INFO";
  matchedBy?: string;
  customerId?: string;
  paymentId?: string;
  /** A matched credit, booked with the rest of its chunk in one bulk booking. */
  credit?: BulkNewPayment;
  suggestions?: Candidate[];
};

type CreditEntry = {
  amount: number;
  bookingDate: string | null;
  bankRef: string;
  reference: string | null;
};
type CreditTarget = { customerId: string; allocations?: { invoiceId: string; amount: number }[] };

/** A received credit as money for a customer, applied to the invoice named or oldest first. */
export function creditReceipt(
  entry: CreditEntry,
  target: CreditTarget,
  today: IsoDate,
  recordedById?: string | null,
): BulkNewPayment {
  return {
    customerId: target.customerId,
    allocations: target.allocations,
    amount: entry.amount,
    method: "EFT",
    provider: "BANK",
    receivedAt: now(),
    receivedOn: entry.bookingDate && entry.bookingDate <= today ? entry.bookingDate : today,
    reference: entry.reference?.slice(0, 140) ?? null,
    externalId: `bank:${entry.bankRef}`.slice(0, 190),
    recordedById: recordedById ?? null,
  };
}

/** Records one received credit now (a person resolving a review entry). */
export async function recordCreditTx(
  tx: Tx,
  entry: CreditEntry,
  target: CreditTarget,
  today: IsoDate,
  recordedById?: string | null,
) {
  const [booked] = await receivePaymentsBulkTx(tx, [
    creditReceipt(entry, target, today, recordedById),
  ]);
  return booked.paymentId;
}

async function bookReturn(tx: Tx, e: ParsedEntry, ctx: BookContext): Promise<Booked | null> {
  let hit = false;
  for (const t of e.txs) {
    const item = t.endToEndId ? ctx.items.get(t.endToEndId) : undefined;
    if (!item) continue;
    hit = true;
    const event = await failItemTx(tx, {
      itemId: item.id,
      kind: "RETURNED",
      reasonCode: t.reasonCode,
      reasonText: t.reasonText,
      settings: ctx.settings,
      today: ctx.today,
    });
    if (event) ctx.events.push(event);
    ctx.touchedBatches.add(item.batchId);
  }
  return hit ? { status: "RETURN", matchedBy: "END_TO_END" } : null;
}

async function bookCollection(tx: Tx, e: ParsedEntry, ctx: BookContext): Promise<Booked | null> {
  const named = e.txs
    .map((t) => (t.endToEndId ? ctx.items.get(t.endToEndId) : undefined))
    .filter((i) => !!i);
  let items = named;
  let by = "END_TO_END";
  if (!items.length)
    for (const ref of e.batchRefs) {
      const pending = ctx.batchItems.get(ref) ?? [];
      if (pending.length && pending.reduce((s, i) => s + i.amount, 0) === e.amount) {
        items = pending.map((p) => ({ ...p, status: "PENDING" }));
        by = "BATCH";
        break;
      }
    }
  if (!items.length) return null;
  const settledOn = e.bookingDate && e.bookingDate <= ctx.today ? e.bookingDate : ctx.today;
  for (const item of items) {
    await settleItemTx(tx, item.id, settledOn);
    ctx.touchedBatches.add(item.batchId);
  }
  return { status: "MATCHED", matchedBy: by };
}

export async function bookEntryTx(tx: Tx, e: ParsedEntry, ctx: BookContext): Promise<Booked> {
  if (e.isReturn) {
    const returned = await bookReturn(tx, e, ctx);
    if (returned) return returned;
    return { status: e.direction === "DEBIT" ? "DEBIT" : "REVIEW" };
  }
  if (e.direction === "DEBIT") return { status: "DEBIT" };
  const collected = await bookCollection(tx, e, ctx);
  if (collected) return collected;
  const currency = ctx.settings.currency;
  const text = [e.reference, ...e.txs.map((t) => t.reference)].filter(Boolean).join(" ");
  const byRef = text ? candidatesByReference(ctx.index, text) : { exact: false, found: [] };
  const customers = new Set(byRef.found.map((c) => c.customerId));
  if (customers.size === 1 && e.currency === currency) {
    const c = byRef.found[0];
    const inv = byRef.found.find((f) => f.invoiceId)?.invoiceId;
    const open = inv ? ctx.index.invoiceById.get(inv) : undefined;
    const allocations =
      open && open.open > 0
        ? [{ invoiceId: open.id, amount: Math.min(open.open, e.amount) }]
        : undefined;
    if (open) open.open -= allocations?.[0].amount ?? 0;
    return {
      status: "MATCHED",
      matchedBy: byRef.exact ? "REFERENCE" : "REFERENCE_FUZZY",
      customerId: c.customerId,
      credit: creditReceipt(e, { customerId: c.customerId, allocations }, ctx.today),
    };
  }
  const { named, sameAmount } = candidatesByAmountAndName(
    ctx.index,
    e.amount,
    e.name ?? e.txs[0]?.name ?? null,
  );
  if (named.length === 1 && byRef.found.length === 0 && e.currency === currency) {
    const inv = named[0];
    inv.open = 0;
    return {
      status: "MATCHED",
      matchedBy: "AMOUNT_NAME",
      customerId: inv.customerId,
      credit: creditReceipt(
        e,
        { customerId: inv.customerId, allocations: [{ invoiceId: inv.id, amount: e.amount }] },
        ctx.today,
      ),
    };
  }
  const suggestions: Candidate[] = [
    ...byRef.found,
    ...named.map((i) => ({
      customerId: i.customerId,
      invoiceId: i.id,
      why: `amount and name (invoice ${i.number})`,
    })),
    ...sameAmount.slice(0, 5).map((i) => ({
      customerId: i.customerId,
      invoiceId: i.id,
      why: `same amount as invoice ${i.number}`,
    })),
  ].slice(0, 8);
  return { status: "REVIEW", suggestions };
}
