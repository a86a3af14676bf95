"use client";

// A waiting agreement signed in one go (the emailed link, the staff tablet): the signer reads,
// signs, and sees the order it became.
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { ContractContent } from "@/lib/contracts/contract-content";
import type { FormState } from "@/lib/http/form-state";
import { AgreementSigner, type SignatureInput } from "./agreement-signer";

type Signed = { orderNumber: string; activated: boolean };

export function SigningPanel<E extends Record<string, string>>({
  content,
  contentHash,
  defaultName,
  action,
  extra,
  after,
}: {
  content: ContractContent;
  contentHash: string;
  defaultName: string;
  /** The signing server action, called with `extra` (which request) and the signature. */
  action: (input: E & { signature: SignatureInput }) => Promise<FormState<Signed>>;
  extra: E;
  /** What to show under the confirmation (a link back, for staff). */
  after?: React.ReactNode;
}) {
  const [done, setDone] = useState<Signed | null>(null);
  if (done)
    return (
      <div className="space-y-4">
        <Alert tone="success">
          Signed: order {done.orderNumber}.{" "}
          {done.activated
            ? "The service is set up; a copy of the signed agreement is on its way by email."
            : "The order is placed and waits to be activated; a copy of the signed agreement is on its way by email."}
        </Alert>
        {after}
      </div>
    );
  return (
    <AgreementSigner
      content={content}
      contentHash={contentHash}
      defaultName={defaultName}
      submitLabel="Sign the agreement"
      busyLabel="Signing…"
      onSign={async (signature) => {
        const r = await action({ ...extra, signature });
        if (r.status === "ok" && r.data) {
          setDone(r.data);
          return null;
        }
        return { message: r.message, fields: r.fields };
      }}
    />
  );
}
