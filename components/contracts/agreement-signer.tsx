"use client";

// A document and its signature: the storefront checkout, the emailed signing link and the staff
// tablet sign agreements through this, and the portal signs a debit-order mandate, so a signer
// sees and confirms the same way everywhere.
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, errorProps } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import type { ContractContent } from "@/lib/contracts/contract-content";
import { ContractView } from "./contract-view";
import { SignaturePad } from "./signature-pad";

export type SignatureInput = {
  signerName: string;
  method: "DRAWN" | "TYPED";
  image?: string;
  typed?: string;
  contentHash: string;
  acceptContract: boolean;
};

/** What signing answered: nothing (done), or a message and `signature.*` field errors. */
export type SignOutcome = { message?: string; fields?: Record<string, string> } | null;

type SignerProps = {
  contentHash: string;
  defaultName: string;
  submitLabel: string;
  busyLabel: string;
  onSign: (signature: SignatureInput) => Promise<SignOutcome>;
};

/** An agreement (contract, with its mandate when paying by debit order) and its signature. */
export function AgreementSigner({ content, ...props }: SignerProps & { content: ContractContent }) {
  const mandate = Boolean(content.payment.mandateText);
  return (
    <DocumentSigner
      {...props}
      document={<ContractView c={content} />}
      acceptText={`I have read the agreement${mandate ? " and the debit order mandate" : ""} and sign ${mandate ? "them" : "it"} electronically. My signature, name, the time and my IP address are recorded on the signed copy.`}
    />
  );
}

/** Any document shown above the signature (a contract, a debit-order mandate on its own). */
export function DocumentSigner({
  document,
  acceptText,
  contentHash,
  defaultName,
  submitLabel,
  busyLabel,
  onSign,
}: SignerProps & { document: React.ReactNode; acceptText: string }) {
  const [method, setMethod] = useState<"DRAWN" | "TYPED">("DRAWN");
  const [image, setImage] = useState<string | null>(null);
  const [signerName, setSignerName] = useState(defaultName);
  const [typed, setTyped] = useState("");
  const [accept, setAccept] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function sign() {
    const next: Record<string, string> = {};
    if (signerName.trim().length < 2) next["signature.signerName"] = "Type your full name";
    if (method === "DRAWN" && !image) next["signature.image"] = "Draw your signature in the box";
    if (method === "TYPED" && !typed.trim()) next["signature.typed"] = "Type your signature";
    if (!accept)
      next["signature.acceptContract"] = "Confirm that you have read and accept the agreement";
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    setMessage(null);
    const outcome = await onSign({
      signerName,
      method,
      image: method === "DRAWN" ? image! : undefined,
      typed: method === "TYPED" ? typed : undefined,
      contentHash,
      acceptContract: accept,
    });
    if (!outcome) return;
    setBusy(false);
    setErrors(outcome.fields ?? {});
    setMessage(outcome.message ?? null);
  }

  const e = (k: string) => errors[`signature.${k}`];
  return (
    <div className="space-y-6">
      {document}
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Sign</legend>
        <div
          role="tablist"
          aria-label="How to sign"
          className="inline-flex rounded-lg bg-slate-100 p-1 text-sm"
        >
          {(["DRAWN", "TYPED"] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={method === m}
              onClick={() => setMethod(m)}
              className={cn(
                "rounded-md px-3 py-1.5 font-medium",
                method === m ? "bg-white text-slate-900 shadow-sm" : "text-slate-600",
              )}
            >
              {m === "DRAWN" ? "Draw" : "Type"}
            </button>
          ))}
        </div>
        {method === "DRAWN" ? (
          <div>
            <SignaturePad onChange={setImage} invalid={Boolean(e("image"))} />
            {e("image") && <p className="text-sm text-red-600">{e("image")}</p>}
          </div>
        ) : (
          <Field label="Type your signature" name="signature.typed" error={e("typed")}>
            <Input
              name="signature.typed"
              value={typed}
              onChange={(ev) => setTyped(ev.target.value)}
              className="font-serif text-2xl italic"
              {...errorProps("signature.typed", e("typed"))}
            />
          </Field>
        )}
        <Field label="Full name" name="signature.signerName" error={e("signerName")}>
          <Input
            name="signature.signerName"
            value={signerName}
            onChange={(ev) => setSignerName(ev.target.value)}
            autoComplete="name"
            {...errorProps("signature.signerName", e("signerName"))}
          />
        </Field>
        <div>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              id="signature.acceptContract"
              checked={accept}
              onChange={(ev) => setAccept(ev.target.checked)}
              className="mt-0.5 h-4 w-4 rounded text-brand-700"
              {...errorProps("signature.acceptContract", e("acceptContract"))}
            />
            {acceptText}
          </label>
          {e("acceptContract") && (
            <p id="signature.acceptContract-error" className="ml-6 mt-1 text-sm text-red-600">
              {e("acceptContract")}
            </p>
          )}
        </div>
      </fieldset>
      {message && <Alert tone="error">{message}</Alert>}
      <Button
        type="button"
        size="lg"
        className="w-full sm:w-auto"
        onClick={sign}
        disabled={busy}
        aria-busy={busy}
      >
        {busy ? busyLabel : submitLabel}
      </Button>
    </div>
  );
}
