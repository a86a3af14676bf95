"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { AgreementSigner, type SignatureInput } from "@/components/contracts/agreement-signer";
import type { ContractContent } from "@/lib/contracts/contract-content";
import type { ContractDraft } from "@/lib/orders/checkout-schema";
import { previewContractAction } from "./preview-contract-action";
import { placeOrderAction } from "./place-order-action";

type Props = {
  draft: ContractDraft;
  defaultName: string;
  onPlaced: (orderNumber: string) => void;
  onErrors: (message: string, fields: Record<string, string>) => void;
};

export function StepAgreement({ draft, defaultName, onPlaced, onErrors }: Props) {
  const [preview, setPreview] = useState<{ content: ContractContent; contentHash: string } | null>(
    null,
  );
  const [loadError, setLoadError] = useState<string | null>(null);
  const draftJson = JSON.stringify(draft);

  useEffect(() => {
    let live = true;
    previewContractAction(JSON.parse(draftJson)).then((r) => {
      if (!live) return;
      if (r.status === "ok" && r.data) setPreview(r.data);
      else if (r.fields && Object.keys(r.fields).length) onErrors(r.message ?? "", r.fields);
      else setLoadError(r.message ?? "The agreement could not be prepared.");
    });
    return () => {
      live = false;
    };
    // onErrors is stable enough; re-preview only when the draft changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftJson]);

  async function place(signature: SignatureInput) {
    const r = await placeOrderAction({ ...draft, signature });
    if (r.status === "ok" && r.data) {
      onPlaced(r.data.orderNumber);
      return null;
    }
    const fields = r.fields ?? {};
    // A field of an earlier step sends the visitor back there.
    if (Object.keys(fields).some((k) => !k.startsWith("signature."))) {
      onErrors(r.message ?? "", fields);
      return null;
    }
    return { message: r.message, fields };
  }

  if (loadError) return <Alert tone="error">{loadError}</Alert>;
  if (!preview)
    return (
      <div role="status" aria-label="Preparing your agreement" className="space-y-3">
        <Skeleton className="h-6 w-72" />
        <Skeleton className="h-80 w-full" />
      </div>
    );
  return (
    <AgreementSigner
      content={preview.content}
      contentHash={preview.contentHash}
      defaultName={defaultName}
      submitLabel="Sign and place order"
      busyLabel="Placing your order…"
      onSign={place}
    />
  );
}
