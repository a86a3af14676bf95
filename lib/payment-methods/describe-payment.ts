// How *this* customer pays, in the words every customer-facing document uses (portal, invoice
// page, invoice and credit-note PDFs, emails): a debit order is collected, a card on file is
// charged, anyone else pays by EFT quoting their reference. Pure, so PDFs can use it too.
export type PaymentInstructions =
  | { kind: "DEBIT_ORDER"; accountLast4: string; reference: string }
  | { kind: "CARD"; brand: string | null; last4: string | null; reference: string }
  | { kind: "EFT"; reference: string };

const masked = (last4: string | null) => (last4 ? ` ••${last4}` : "");
const cardName = (p: { brand: string | null; last4: string | null }) =>
  ["your", p.brand ? p.brand.charAt(0).toUpperCase() + p.brand.slice(1) : null, "card"]
    .filter(Boolean)
    .join(" ") + masked(p.last4);

/**
 * One sentence: with `on` (a formatted due date) about the amount due, e.g. "The amount due will
 * be collected by debit order on 3 Dec 2026 from account ••5678."; without it, the standing
 * arrangement.
 */
export function describePayment(p: PaymentInstructions, on?: string): string {
  if (p.kind === "DEBIT_ORDER")
    return on
      ? `The amount due will be collected by debit order on ${on} from account${masked(p.accountLast4)}.`
      : `Your invoices are collected by debit order from account${masked(p.accountLast4)}.`;
  if (p.kind === "CARD")
    return on
      ? `The amount due will be charged to ${cardName(p)} on ${on}.`
      : `Your invoices are charged to ${cardName(p)}.`;
  return `Please pay by EFT${on ? ` by ${on}` : ""} with reference ${p.reference}.`;
}
