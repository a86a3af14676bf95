"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/admin/action-form";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/money/format-money";
import type { FormState } from "@/lib/http/form-state";
import type { CancellationPreview } from "@/lib/subscriptions/preview-cancellation";
import { cancelServiceAction } from "./cancel-service-action";
import { previewCancellationAction } from "./preview-cancellation-action";

/** Cancelling shows the last day of service and any early-termination fee before confirming. */
export function CancelPanel(props: { subscriptionId: string; locale: string }) {
  const [preview, setPreview] = useState<FormState<CancellationPreview> | null>(null);
  const [loading, start] = useTransition();
  const p = preview?.status === "ok" ? preview.data : undefined;
  const date = (d: string) => formatDate(d, props.locale);
  return (
    <div className="space-y-4">
      {!p && (
        <Button
          type="button"
          variant="secondary"
          disabled={loading}
          aria-busy={loading}
          onClick={() =>
            start(async () =>
              setPreview(await previewCancellationAction({ subscriptionId: props.subscriptionId })),
            )
          }
        >
          {loading ? "Working it out…" : "Review cancellation"}
        </Button>
      )}
      {preview?.status === "error" && <Alert tone="error">{preview.message}</Alert>}
      {p && (
        <section
          aria-live="polite"
          aria-label="If you cancel"
          className="space-y-3 text-sm text-slate-700"
        >
          <p>
            Your notice starts today
            {p.noticeDays > 0 ? ` and this plan needs ${p.noticeDays} days' notice` : ""}. Your
            service runs until <strong>{date(p.lastDay)}</strong>, the end of that billing period,
            and is billed as usual until then.
          </p>
          {p.addons.length > 0 && <p>These add-ons end with it: {p.addons.join(", ")}.</p>}
          {p.terminationFee > 0 ? (
            <Alert tone="warning">
              You are inside your contract term (until {date(p.contractEndDate!)}). An
              early-termination fee of{" "}
              <strong className="tabular">
                {formatMoney(p.terminationFee, p.currency, props.locale)}
              </strong>{" "}
              will be on your final invoice.
            </Alert>
          ) : (
            <p>There is no early-termination fee.</p>
          )}
          <ActionForm
            action={cancelServiceAction}
            submit="Cancel my service"
            pending="Cancelling…"
            variant="danger"
          >
            <input type="hidden" name="subscriptionId" value={props.subscriptionId} />
          </ActionForm>
          <Button type="button" variant="ghost" onClick={() => setPreview(null)}>
            Keep my service
          </Button>
        </section>
      )}
    </div>
  );
}
