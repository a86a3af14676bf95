"use client";

import { cn } from "@/components/ui/cn";
import { Field, Input, errorProps } from "@/components/ui/field";
import { CardSetup } from "./card-setup";
import type { Payment } from "./use-checkout-state";

type Props = {
  payment: Payment;
  errors: Record<string, string>;
  cardEnabled: boolean;
  checkoutKey: string;
  onChange: (p: Payment) => void;
};

const OPTIONS = [
  {
    kind: "DEBIT_ORDER",
    title: "Debit order",
    text: "We collect each invoice from your bank account on its due date.",
  },
  { kind: "CARD", title: "Card", text: "Saved securely with Stripe and charged for each invoice." },
  {
    kind: "EFT",
    title: "EFT (bank transfer)",
    text: "You pay each invoice yourself, quoting your account number.",
  },
] as const;

export function StepPayment({ payment, errors, cardEnabled, checkoutKey, onChange }: Props) {
  const e = (k: string) => errors[`payment.${k}`];
  const debit = payment.kind === "DEBIT_ORDER" ? payment : null;
  const set =
    (k: "accountHolder" | "accountNumber" | "branchCode" | "bankName") =>
    (ev: React.ChangeEvent<HTMLInputElement>) =>
      onChange({
        kind: "DEBIT_ORDER",
        accountHolder: "",
        accountNumber: "",
        ...debit,
        [k]: ev.target.value,
      });
  return (
    <div className="space-y-6">
      <fieldset>
        <legend className="text-base font-semibold text-slate-900">
          How would you like to pay?
        </legend>
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          {OPTIONS.filter((o) => o.kind !== "CARD" || cardEnabled).map((o) => (
            <label
              key={o.kind}
              className={cn(
                "flex cursor-pointer flex-col gap-1 rounded-lg p-4 ring-1",
                payment.kind === o.kind
                  ? "bg-brand-50 ring-2 ring-brand-600"
                  : "bg-white ring-slate-200 hover:ring-slate-300",
              )}
            >
              <span className="flex items-center gap-2 font-semibold text-slate-900">
                <input
                  type="radio"
                  name="payment.kind"
                  checked={payment.kind === o.kind}
                  className="h-4 w-4 text-brand-700"
                  onChange={() =>
                    onChange(
                      o.kind === "DEBIT_ORDER"
                        ? { kind: "DEBIT_ORDER", accountHolder: "", accountNumber: "" }
                        : o.kind === "CARD"
                          ? { kind: "CARD", setupIntentId: "" }
                          : { kind: "EFT" },
                    )
                  }
                />
                {o.title}
              </span>
              <span className="text-sm text-slate-600">{o.text}</span>
            </label>
          ))}
        </div>
        {e("kind") && <p className="mt-2 text-sm text-red-600">{e("kind")}</p>}
      </fieldset>
      {debit && (
        <div className="grid gap-4 sm:grid-cols-2">
          {(
            [
              ["accountHolder", "Account holder", "name"],
              ["bankName", "Bank (optional)", "off"],
              ["accountNumber", "Account number or IBAN", "off"],
              ["branchCode", "Branch code (not needed for an IBAN)", "off"],
            ] as const
          ).map(([k, label, auto]) => (
            <Field key={k} label={label} name={`payment.${k}`} error={e(k)}>
              <Input
                name={`payment.${k}`}
                value={debit[k] ?? ""}
                onChange={set(k)}
                autoComplete={auto}
                inputMode={k === "branchCode" ? "numeric" : undefined}
                {...errorProps(`payment.${k}`, e(k))}
              />
            </Field>
          ))}
          <p className="text-xs text-slate-500 sm:col-span-2">
            Your account number is stored encrypted and shown to our staff only masked. You accept
            the debit order mandate together with the agreement on the next step.
          </p>
        </div>
      )}
      {payment.kind === "CARD" && (
        <div>
          <CardSetup
            checkoutKey={checkoutKey}
            setupIntentId={payment.setupIntentId || undefined}
            onSaved={(id) => onChange({ kind: "CARD", setupIntentId: id })}
          />
          {e("setupIntentId") && <p className="mt-2 text-sm text-red-600">{e("setupIntentId")}</p>}
        </div>
      )}
      {payment.kind === "EFT" && (
        <p className="rounded-lg bg-slate-50 p-4 text-sm text-slate-600">
          Our bank details and your reference are on every invoice and in your confirmation email.
        </p>
      )}
    </div>
  );
}
