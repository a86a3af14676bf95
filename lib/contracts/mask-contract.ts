// The agreement as staff without access to bank details see it (POPIA/GDPR minimum necessary):
// the same terms, schedule and signature, with identity and tax numbers and the debit-order
// bank details left out. The stored signed PDF stays the legal original.
import type { ContractContent } from "./contract-content";

const HIDDEN = "••••••";

export function maskContractContent(c: ContractContent): ContractContent {
  const debit = Boolean(c.payment.mandateText);
  return {
    ...c,
    customer: {
      ...c.customer,
      idNumber: c.customer.idNumber ? HIDDEN : null,
      taxNumber: c.customer.taxNumber ? HIDDEN : null,
    },
    payment: debit
      ? {
          method: c.payment.method,
          details: "bank details on file (shown to accounts staff only)",
          mandateText:
            "The customer signed a debit order mandate with this agreement. Its account details are shown to accounts staff only.",
        }
      : c.payment,
  };
}

export const MASKED_COPY_NOTICE =
  "Working copy: identity and bank details are masked for your role. This is not the signed original.";
