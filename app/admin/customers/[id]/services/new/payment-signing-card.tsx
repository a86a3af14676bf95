"use client";

// The "Payment and signature" part of the add-service form: how the customer pays (a debit
// order's account is part of the agreement they sign) and how they sign.
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, errorProps } from "@/components/ui/field";
import { Radio } from "./radio";

export type BankFields = {
  accountHolder: string;
  accountNumber: string;
  branchCode: string;
  bankName: string;
};
type PayKind = "DEBIT_ORDER" | "CARD_LINK" | "EFT";
type Signing = "IN_PERSON" | "EMAIL_LINK";

export function PaymentSigningCard(p: {
  payKind: PayKind;
  setPayKind: (k: PayKind) => void;
  bank: BankFields;
  setBank: React.Dispatch<React.SetStateAction<BankFields>>;
  signing: Signing;
  setSigning: (s: Signing) => void;
  hasPortalLogin: boolean;
  error: (field: string) => string | undefined;
}) {
  const error = p.error;
  return (
    <Card>
      <CardHeader title="Payment and signature" />
      <CardBody className="space-y-5">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">How the customer pays</legend>
          <Radio
            name="payment.kind"
            value="DEBIT_ORDER"
            checked={p.payKind === "DEBIT_ORDER"}
            onChange={() => p.setPayKind("DEBIT_ORDER")}
          >
            Debit order: the mandate is part of the agreement the customer signs
          </Radio>
          <Radio
            name="payment.kind"
            value="CARD_LINK"
            checked={p.payKind === "CARD_LINK"}
            onChange={() => p.setPayKind("CARD_LINK")}
          >
            Card: email a link to save a card once signed (EFT until then)
            {!p.hasPortalLogin && " — needs a portal login, which this customer does not have"}
          </Radio>
          <Radio
            name="payment.kind"
            value="EFT"
            checked={p.payKind === "EFT"}
            onChange={() => p.setPayKind("EFT")}
          >
            EFT (bank transfer)
          </Radio>
          {error("payment.kind") && <p className="text-sm text-red-600">{error("payment.kind")}</p>}
        </fieldset>
        {p.payKind === "DEBIT_ORDER" && (
          <div className="grid gap-4 sm:grid-cols-2">
            {(
              [
                ["accountHolder", "Account holder"],
                ["accountNumber", "Account number or IBAN"],
                ["branchCode", "Branch code"],
                ["bankName", "Bank"],
              ] as const
            ).map(([k, label]) => (
              <Field key={k} label={label} name={`payment.${k}`} error={error(`payment.${k}`)}>
                <Input
                  name={`payment.${k}`}
                  value={p.bank[k]}
                  autoComplete="off"
                  onChange={(ev) => p.setBank((b) => ({ ...b, [k]: ev.target.value }))}
                  {...errorProps(`payment.${k}`, error(`payment.${k}`))}
                />
              </Field>
            ))}
          </div>
        )}
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">How the customer signs</legend>
          <Radio
            name="signing"
            value="IN_PERSON"
            checked={p.signing === "IN_PERSON"}
            onChange={() => p.setSigning("IN_PERSON")}
          >
            Here, on this screen (the customer reads and signs next)
          </Radio>
          <Radio
            name="signing"
            value="EMAIL_LINK"
            checked={p.signing === "EMAIL_LINK"}
            onChange={() => p.setSigning("EMAIL_LINK")}
          >
            Email the customer a link to sign
          </Radio>
        </fieldset>
      </CardBody>
    </Card>
  );
}
