// The debit-order mandate a customer is about to sign in the portal: a new one, or their existing
// mandate moved to another account. The text names the creditor, the holder, the masked account
// and the mandate reference; its hash comes back with the signature, so what was shown is what
// was signed (a reference taken by someone else in between → "read it again").
import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCustomerAccess, type Actor } from "@/lib/auth/roles";
import { sha256 } from "@/lib/contracts/contract-hash";
import { AppError } from "@/lib/errors";
import { maskAccount, normalizeBankAccount } from "@/lib/payment-methods/bank-account";
import { mandateText } from "@/lib/payment-methods/mandate-text";
import { portalMandateDraftSchema, type PortalMandateDraft } from "./portal-mandate-schema";

export type PreviewPortalMandateOptions = { actor: Actor; customerId: string } & PortalMandateDraft;

export async function previewPortalMandate({
  actor,
  customerId,
  ...input
}: PreviewPortalMandateOptions) {
  assertCustomerAccess(actor, customerId, "customers:write");
  const d = await draftPortalMandate(db, customerId, input);
  return { text: d.text, contentHash: d.contentHash, amends: d.existing !== null };
}

/** Shared with signPortalMandate, which re-drafts inside its transaction and compares hashes. */
export async function draftPortalMandate(tx: Tx, customerId: string, input: PortalMandateDraft) {
  const draft = portalMandateDraftSchema.parse(input);
  const account = normalizeBankAccount(draft);
  if (!account.isIban && !draft.accountType)
    throw new AppError("VALIDATION", "Some fields are not valid.", {
      accountType: "Choose the account type",
    });
  const [settings, customer, existing] = await Promise.all([
    tx.ispSettings.findUniqueOrThrow({
      where: { id: 1 },
      select: { name: true, legalName: true, creditorId: true },
    }),
    tx.customer.findUniqueOrThrow({
      where: { id: customerId },
      select: { accountNumber: true, _count: { select: { mandates: true } } },
    }),
    // The mandate collections use today: the active (or suspended) one, newest first.
    tx.debitMandate.findFirst({
      where: { customerId, status: { not: "CANCELLED" } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const reference =
    existing?.mandateReference ?? `${customer.accountNumber}-M${customer._count.mandates + 1}`;
  const text = [
    mandateText({
      creditor: settings.legalName ?? settings.name,
      accountHolder: draft.accountHolder,
      masked: maskAccount(account.last4),
    }),
    `Mandate reference: ${reference}`,
    settings.creditorId ? `Creditor identifier: ${settings.creditorId}` : null,
    existing
      ? `This replaces the account ${maskAccount(existing.accountLast4)} on the same mandate.`
      : null,
  ]
    .filter(Boolean)
    .join("\n");
  return { draft, account, reference, existing, text, contentHash: sha256(text) };
}
