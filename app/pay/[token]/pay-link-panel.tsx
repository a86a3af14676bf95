"use client";

import { PayNowPanel } from "@/components/payments/pay-now-panel";
import { confirmTestPaymentAction } from "./confirm-test-payment-action";
import { finishPayNowAction } from "./finish-pay-now-action";
import { startPayLinkPaymentAction } from "./start-pay-link-payment-action";

export function PayLinkPanel({ token, label }: { token: string; label: string }) {
  return (
    <PayNowPanel
      label={label}
      start={() => startPayLinkPaymentAction({ token })}
      finish={finishPayNowAction}
      testConfirm={confirmTestPaymentAction}
    />
  );
}
