// The rendered agreement exactly as the signer sees it. It is stored on the Contract row and
// hashed, so what was shown, what was signed and what the PDF prints can never drift apart.
export type ContractContent = {
  title: string;
  templateVersion: number;
  provider: {
    name: string;
    legalName: string;
    registrationNumber: string | null;
    taxNumber: string | null;
    address: string;
    email: string | null;
    phone: string | null;
  };
  customer: {
    name: string;
    companyName: string | null;
    type: "RESIDENTIAL" | "BUSINESS";
    idNumber: string | null;
    taxNumber: string | null;
    email: string;
    phone: string;
    billingAddress: string;
  };
  serviceAddress: string;
  installPreference: string;
  clauses: string[];
  schedule: {
    rows: { description: string; charge: string; amount: string }[];
    recurringTotal: string;
    onceOffTotal: string;
    taxNote: string;
    term: string;
  };
  payment: { method: string; details: string; mandateText: string | null };
};
