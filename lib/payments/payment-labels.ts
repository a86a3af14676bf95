// How payments read to people (admin, portal, receipts, emails): one vocabulary, no page spells
// its own.
import type { PaymentMethodKind, PaymentStatus } from "@/lib/generated/prisma/enums";

export const PAYMENT_METHOD_LABEL: Record<PaymentMethodKind, string> = {
  CARD: "Card",
  DEBIT_ORDER: "Debit order",
  EFT: "EFT",
  CASH: "Cash",
  CHEQUE: "Cheque",
  CARD_MACHINE: "Card machine",
  MOBILE_MONEY: "Mobile money",
  OTHER: "Other",
};

export const PAYMENT_STATUS_LABEL: Record<PaymentStatus, string> = {
  PENDING: "pending",
  SUCCEEDED: "received",
  FAILED: "failed",
  REVERSED: "reversed",
  REFUNDED: "refunded",
  DISPUTED: "disputed",
};
