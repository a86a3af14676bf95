// A service request keeps the storefront's contract draft minus the customer's details, which are
// read from the account each time the agreement is shown or signed (so a corrected phone number
// is what gets signed). The debit-order account number is stored encrypted, like a mandate's.
import "server-only";
import { decryptSecret, encryptSecret } from "@/lib/crypto/encrypt";
import type { ContractDraft } from "../checkout-schema";
import type { CreateServiceRequest, StaffPayment } from "./service-request-schema";

type StoredPayment =
  | {
      kind: "DEBIT_ORDER";
      accountHolder: string;
      accountNumberEnc: string;
      branchCode: string | null;
      bankName: string | null;
    }
  | { kind: "CARD_LINK" }
  | { kind: "EFT" };

export type StoredDraft = Pick<ContractDraft, "basket" | "idempotencyKey"> & {
  serviceAddress: CreateServiceRequest["serviceAddress"];
  installSlot: CreateServiceRequest["installSlot"];
  installNotes: string | null;
  payment: StoredPayment;
};

export type DraftCustomer = {
  type: "RESIDENTIAL" | "BUSINESS";
  firstName: string;
  lastName: string;
  companyName: string | null;
  idNumber: string | null;
  taxNumber: string | null;
  email: string;
  phone: string | null;
  marketingOptIn: boolean;
};

export const DRAFT_CUSTOMER_SELECT = {
  type: true,
  firstName: true,
  lastName: true,
  companyName: true,
  idNumber: true,
  taxNumber: true,
  email: true,
  phone: true,
  marketingOptIn: true,
} as const;

export function sealPayment(p: StaffPayment): StoredPayment {
  if (p.kind !== "DEBIT_ORDER") return p;
  const { accountNumber, ...rest } = p;
  return { ...rest, accountNumberEnc: encryptSecret(accountNumber) };
}

function openPayment(p: StoredPayment): ContractDraft["payment"] {
  // Until the customer saves a card through the link, invoices are paid by EFT: the agreement
  // says so rather than promising a card it has not seen.
  if (p.kind !== "DEBIT_ORDER") return { kind: "EFT" };
  const { accountNumberEnc, ...rest } = p;
  return { ...rest, accountNumber: decryptSecret(accountNumberEnc) };
}

/** The storefront's contract draft for this request and the account as it is now. */
export function toContractDraft(d: StoredDraft, c: DraftCustomer): ContractDraft {
  return {
    basket: d.basket,
    idempotencyKey: d.idempotencyKey,
    payment: openPayment(d.payment),
    details: {
      customerType: c.type,
      firstName: c.firstName,
      lastName: c.lastName,
      companyName: c.companyName,
      idNumber: c.idNumber,
      taxNumber: c.taxNumber,
      email: c.email,
      phone: c.phone ?? "",
      serviceAddress: d.serviceAddress,
      billingSameAsService: true,
      installSlot: d.installSlot,
      installNotes: d.installNotes,
      acceptTerms: true,
      acceptPrivacy: true,
      marketingOptIn: c.marketingOptIn,
    },
  };
}
