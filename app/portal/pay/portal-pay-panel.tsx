"use client";

import { PayNowPanel } from "@/components/payments/pay-now-panel";
import { confirmTestPaymentAction } from "@/app/pay/[token]/confirm-test-payment-action";
import { finishPayNowAction } from "@/app/pay/[token]/finish-pay-now-action";
import { startPortalPaymentAction } from "./start-portal-payment-action";

export function PortalPayPanel({ invoiceId, label }: { invoiceId?: string; label: string }) {
  return (
    <PayNowPanel
      label={label}
      start={() => startPortalPaymentAction({ invoiceId })}
      finish={finishPayNowAction}
      testConfirm={confirmTestPaymentAction}
    />
  );
}
