"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { PublicProduct } from "@/lib/catalog/public-product";
import { detailsSchema, paymentSchema, type ContractDraft } from "@/lib/orders/checkout-schema";
import { PriceSummary } from "./price-summary";
import { StepAgreement } from "./step-agreement";
import { StepBasket } from "./step-basket";
import { StepDetails } from "./step-details";
import { StepPayment } from "./step-payment";
import { useCheckoutState, type Details } from "./use-checkout-state";
import { useQuote } from "./use-quote";

const STEPS = ["Plan & extras", "Your details", "Payment", "Agreement"];
const stepOf = (field: string) =>
  field.startsWith("basket")
    ? 0
    : field.startsWith("details")
      ? 1
      : field.startsWith("payment")
        ? 2
        : 3;

type Props = {
  plans: PublicProduct[];
  addons: PublicProduct[];
  initialPlan: string;
  serviceAddress: Details["serviceAddress"];
  currency: string;
  locale: string;
  cardEnabled: boolean;
  requireIdNumber: boolean;
  account: SignedInAccount | null;
};

function zodFields(prefix: string, issues: { path: PropertyKey[]; message: string }[]) {
  const out: Record<string, string> = {};
  for (const i of issues) out[[prefix, ...i.path.map(String)].join(".")] ??= i.message;
  return out;
}

/** The signed-in customer's details: the order goes on their account, no password is chosen. */
export type SignedInAccount = Pick<
  Details,
  "customerType" | "firstName" | "lastName" | "companyName" | "email" | "phone"
>;

export function CheckoutWizard(p: Props) {
  const router = useRouter();
  const { state, update, clear } = useCheckoutState(() => ({
    planCode: p.initialPlan,
    addonCodes: [],
    payment: { kind: "DEBIT_ORDER", accountHolder: "", accountNumber: "" },
    details: {
      customerType: "RESIDENTIAL",
      ...p.account,
      serviceAddress: p.serviceAddress,
      billingSameAsService: true,
      installSlot: "WEEKDAY_MORNING",
      marketingOptIn: false,
    },
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const quote = useQuote(state.planCode, state.addonCodes);
  const step = state.step;

  function go(to: number) {
    setMessage(null);
    update({ step: to });
    window.scrollTo({ top: 0, behavior: "smooth" });
  }

  function next() {
    let found: Record<string, string> = {};
    if (step === 0 && !state.planCode) found = { "basket.planCode": "Choose a plan" };
    if (step === 1) {
      const r = detailsSchema.safeParse(state.details);
      if (!r.success) found = zodFields("details", r.error.issues);
      if (!p.account && !state.details.password) found["details.password"] ??= "Choose a password";
      if (p.requireIdNumber && !state.details.idNumber?.trim())
        found["details.idNumber"] ??= "Required for the agreement";
    }
    if (step === 2) {
      const r = paymentSchema.safeParse(state.payment);
      if (!r.success) found = zodFields("payment", r.error.issues);
    }
    setErrors(found);
    if (Object.keys(found).length) {
      setMessage("Please check the highlighted fields.");
      setTimeout(() => document.querySelector<HTMLElement>("[aria-invalid=true]")?.focus(), 0);
      return;
    }
    go(step + 1);
  }

  const draft: ContractDraft = {
    idempotencyKey: state.key,
    basket: { planCode: state.planCode, addonCodes: state.addonCodes },
    details: state.details as Details,
    payment: state.payment,
  };
  const plan = p.plans.find((x) => x.code === state.planCode);

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div>
        <ol className="mb-8 flex flex-wrap gap-x-6 gap-y-2 text-sm" aria-label="Checkout steps">
          {STEPS.map((s, i) => (
            <li
              key={s}
              aria-current={i === step ? "step" : undefined}
              className={cn(
                "flex items-center gap-2",
                i === step
                  ? "font-semibold text-brand-800"
                  : i < step
                    ? "text-slate-700"
                    : "text-slate-400",
              )}
            >
              <span
                className={cn(
                  "flex h-6 w-6 items-center justify-center rounded-full text-xs",
                  i === step
                    ? "bg-brand-700 text-white"
                    : i < step
                      ? "bg-brand-100 text-brand-800"
                      : "bg-slate-100",
                )}
              >
                {i + 1}
              </span>
              {i < step ? (
                <button type="button" className="hover:underline" onClick={() => go(i)}>
                  {s}
                </button>
              ) : (
                s
              )}
            </li>
          ))}
        </ol>
        {message && (
          <Alert tone="error" className="mb-6">
            {message}
          </Alert>
        )}
        {!state.key ? null : step === 0 ? (
          <StepBasket
            plans={p.plans}
            addons={p.addons}
            planCode={state.planCode}
            addonCodes={state.addonCodes}
            currency={p.currency}
            locale={p.locale}
            onChange={update}
          />
        ) : step === 1 ? (
          <StepDetails
            details={state.details}
            errors={errors}
            requireIdNumber={p.requireIdNumber}
            signedInAs={p.account?.email}
            onChange={(d) => update({ details: { ...state.details, ...d } })}
          />
        ) : step === 2 ? (
          <StepPayment
            payment={state.payment}
            errors={errors}
            cardEnabled={p.cardEnabled}
            checkoutKey={state.key}
            onChange={(payment) => update({ payment })}
          />
        ) : (
          <StepAgreement
            draft={draft}
            defaultName={`${state.details.firstName ?? ""} ${state.details.lastName ?? ""}`.trim()}
            onPlaced={(number) => {
              clear();
              router.push(`/order/complete?number=${encodeURIComponent(number)}`);
            }}
            onErrors={(msg, fields) => {
              setErrors(fields);
              setMessage(msg);
              update({ step: Math.min(...Object.keys(fields).map(stepOf)) });
            }}
          />
        )}
        {step < 3 && (
          <div className="mt-8 flex justify-between">
            {step > 0 ? (
              <Button type="button" variant="secondary" onClick={() => go(step - 1)}>
                Back
              </Button>
            ) : (
              <span />
            )}
            <Button type="button" size="lg" onClick={next}>
              Continue
            </Button>
          </div>
        )}
      </div>
      <aside className="lg:sticky lg:top-20 lg:self-start">
        <Card>
          <CardBody>
            <h2 className="text-base font-semibold text-slate-900">
              {plan ? `Your order: ${plan.name}` : "Your order"}
            </h2>
            <p className="mb-3 mt-0.5 text-sm text-slate-500">
              {[p.serviceAddress.line1, p.serviceAddress.suburb].filter(Boolean).join(", ") ||
                "Pinned location"}
            </p>
            {quote.isError ? (
              <Alert tone="error">{quote.error.message}</Alert>
            ) : (
              <PriceSummary quote={quote.data} locale={p.locale} loading={quote.isFetching} />
            )}
          </CardBody>
        </Card>
      </aside>
    </div>
  );
}
