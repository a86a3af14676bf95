// What each ISO 20022 reject/return reason does to the account (issue 11). Codes not listed are
// treated like an ordinary failed debit: the invoice re-opens and dunning takes over.
export type ReturnAction =
  | "RETRY" // the invoice goes into the next collection again
  | "HOLD" // not collected automatically again; dunning follows
  | "SUSPEND_MANDATE" // mandate suspended, customer asked for a new payment method
  | "CONTACT" // a person contacts the customer
  | "REFUND_CLAIM" // the debtor claimed the money back: the invoice re-opens
  | "REVIEW"; // flagged for a person (possible duplicate collection)

type Rule = { action: ReturnAction; label: string; fee: boolean };

const RULES: Record<string, Rule> = {
  AM04: { action: "RETRY", label: "Insufficient funds", fee: true },
  AC01: { action: "SUSPEND_MANDATE", label: "Incorrect account number", fee: false },
  AC04: { action: "SUSPEND_MANDATE", label: "Account closed", fee: false },
  AC06: { action: "SUSPEND_MANDATE", label: "Account blocked", fee: false },
  MD01: { action: "SUSPEND_MANDATE", label: "No mandate", fee: false },
  MD07: { action: "SUSPEND_MANDATE", label: "Debtor deceased", fee: false },
  MS02: { action: "CONTACT", label: "Refused by the debtor", fee: true },
  MS03: { action: "CONTACT", label: "Reason not specified", fee: true },
  MD06: { action: "REFUND_CLAIM", label: "Refund requested by the debtor", fee: true },
  AM05: { action: "REVIEW", label: "Duplicate collection", fee: false },
};

/** The action for a reason code; AM04 holds instead of retrying when the ISP turned retry off. */
export function returnRule(code: string | null | undefined, retryInsufficientFunds: boolean): Rule {
  const rule = code ? RULES[code.toUpperCase()] : undefined;
  if (!rule) return { action: "HOLD", label: code ? `Returned (${code})` : "Returned", fee: true };
  if (rule.action === "RETRY" && !retryInsufficientFunds) return { ...rule, action: "HOLD" };
  return rule;
}

/** Actions after which the invoice is not put in another collection without a person. */
export const BLOCKS_RECOLLECTION: ReadonlySet<string> = new Set([
  "HOLD",
  "CONTACT",
  "REFUND_CLAIM",
  "REVIEW",
]);
