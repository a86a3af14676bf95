// What statement credits are matched against, loaded once per import: customers' payment
// references and account numbers, open invoices by number and by open amount, names. Lookups are
// in memory, so 50,000 entries match without a query each; references with one typo are found
// through a deletion index (every key with one character removed), not by comparing all pairs.
import "server-only";
import type { Tx } from "@/lib/db";
import { withinOneEdit } from "./edit-distance";

export type Candidate = { customerId: string; invoiceId?: string; why: string };

type OpenInvoice = {
  id: string;
  number: string;
  customerId: string;
  open: number;
  currency: string;
};
type CustomerKey = { id: string; currency: string; name: string };

export const normalizeRef = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, "");
export const normalizeName = (s: string) =>
  s
    .toUpperCase()
    .replace(/[^A-Z ]/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 1)
    .sort()
    .join(" ");

const MIN_FUZZY = 6;

export type MatchIndex = Awaited<ReturnType<typeof loadMatchIndex>>;

export async function loadMatchIndex(tx: Tx) {
  const customers = await tx.$queryRawUnsafe<
    {
      id: string;
      accountNumber: string;
      paymentReference: string;
      currency: string;
      name: string;
    }[]
  >(
    `SELECT id, "accountNumber", "paymentReference", currency,
            COALESCE("companyName", "firstName" || ' ' || "lastName") AS name FROM "Customer"`,
  );
  const invoices = await tx.$queryRawUnsafe<OpenInvoice[]>(
    `SELECT id, number, "customerId", (total - "amountPaid" - "amountCredited")::int AS open, currency
       FROM "Invoice" WHERE status IN ('OPEN', 'PARTIALLY_PAID') AND number IS NOT NULL`,
  );
  const byKey = new Map<string, Candidate>();
  const customerById = new Map<string, CustomerKey>();
  for (const c of customers) {
    customerById.set(c.id, { id: c.id, currency: c.currency, name: normalizeName(c.name) });
    for (const k of [c.paymentReference, c.accountNumber])
      byKey.set(normalizeRef(k), { customerId: c.id, why: `reference ${k}` });
  }
  const invoiceById = new Map<string, OpenInvoice>();
  const byAmount = new Map<number, OpenInvoice[]>();
  for (const i of invoices) {
    invoiceById.set(i.id, i);
    byKey.set(normalizeRef(i.number), {
      customerId: i.customerId,
      invoiceId: i.id,
      why: `invoice ${i.number}`,
    });
    byAmount.set(i.open, [...(byAmount.get(i.open) ?? []), i]);
  }
  const deletions = new Map<string, string[]>();
  const addDeletion = (variant: string, key: string) => {
    const list = deletions.get(variant);
    if (!list) deletions.set(variant, [key]);
    else if (!list.includes(key)) list.push(key);
  };
  for (const key of byKey.keys()) {
    if (key.length < MIN_FUZZY) continue;
    addDeletion(key, key);
    for (let i = 0; i < key.length; i++) addDeletion(key.slice(0, i) + key.slice(i + 1), key);
  }
  return { byKey, deletions, customerById, invoiceById, byAmount };
}

/** Customers/invoices the reference text names, exactly first; with one typo only if none exact. */
export function candidatesByReference(
  index: MatchIndex,
  text: string,
): { exact: boolean; found: Candidate[] } {
  const tokens = [
    ...new Set(
      text
        .split(/[\s,;:/]+/)
        .map(normalizeRef)
        .filter((t) => t.length >= 2),
    ),
  ];
  const exact = tokens.map((t) => index.byKey.get(t)).filter((c): c is Candidate => !!c);
  if (exact.length) return { exact: true, found: exact };
  const fuzzy = new Map<string, Candidate>();
  for (const t of tokens) {
    if (t.length < MIN_FUZZY) continue;
    const variants = [t];
    for (let i = 0; i < t.length; i++) variants.push(t.slice(0, i) + t.slice(i + 1));
    for (const v of variants)
      for (const key of index.deletions.get(v) ?? [])
        if (withinOneEdit(t, key)) {
          const c = index.byKey.get(key)!;
          fuzzy.set(key, { ...c, why: `${c.why} (typed ${t})` });
        }
  }
  return { exact: false, found: [...fuzzy.values()] };
}

/** Open invoices of exactly this amount whose customer's name is the payer's name. */
export function candidatesByAmountAndName(index: MatchIndex, amount: number, name: string | null) {
  const sameAmount = index.byAmount.get(amount) ?? [];
  const payer = name ? normalizeName(name) : "";
  const named = payer
    ? sameAmount.filter((i) => index.customerById.get(i.customerId)?.name === payer)
    : [];
  return { named, sameAmount };
}
