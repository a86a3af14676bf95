"use client";

// Set up a debit order, or move it to another account: the customer types the account, reads
// the mandate exactly as it will be stored, and signs it (drawn or typed). Nothing is saved
// before the signature; the account number is never echoed back.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, Input, Select, errorProps } from "@/components/ui/field";
import { SignaturePad } from "@/components/contracts/signature-pad";
import { previewMandateAction } from "./preview-mandate-action";
import { signMandateAction } from "./sign-mandate-action";

type Account = {
  accountHolder: string;
  accountNumber: string;
  branchCode: string;
  accountType: string;
  makeDefault: boolean;
};

export function DebitOrderForm({
  hasMandate,
  defaultName,
}: {
  hasMandate: boolean;
  defaultName: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [account, setAccount] = useState<Account>({
    accountHolder: defaultName,
    accountNumber: "",
    branchCode: "",
    accountType: "",
    makeDefault: true,
  });
  const [preview, setPreview] = useState<{ text: string; contentHash: string } | null>(null);
  const [method, setMethod] = useState<"DRAWN" | "TYPED">("TYPED");
  const [image, setImage] = useState<string | null>(null);
  const [typed, setTyped] = useState("");
  const [signerName, setSignerName] = useState(defaultName);
  const [accept, setAccept] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const input = () => ({
    ...account,
    branchCode: account.branchCode || undefined,
    accountType: (account.accountType || undefined) as "CURRENT" | undefined,
  });

  async function review() {
    setBusy(true);
    setMessage(null);
    const r = await previewMandateAction(input());
    setBusy(false);
    setErrors(r.fields ?? {});
    if (r.status === "ok" && r.data) return setPreview(r.data);
    setMessage({ tone: "error", text: r.message ?? "Check the fields marked in red." });
  }

  async function sign() {
    if (!preview) return;
    setBusy(true);
    setMessage(null);
    const r = await signMandateAction({
      ...input(),
      signature: {
        signerName,
        method,
        image: method === "DRAWN" ? (image ?? undefined) : undefined,
        typed: method === "TYPED" ? typed : undefined,
        contentHash: preview.contentHash,
        acceptContract: accept,
      },
    });
    setBusy(false);
    setErrors(r.fields ?? {});
    if (r.status === "ok") {
      setMessage({ tone: "success", text: r.message ?? "Saved." });
      setPreview(null);
      setOpen(false);
      return router.refresh();
    }
    // The account changed under the signature (or a field is wrong): back to the details.
    if (
      r.code === "CONFLICT" ||
      Object.keys(r.fields ?? {}).some((k) => !k.startsWith("signature"))
    )
      setPreview(null);
    setMessage({ tone: "error", text: r.message ?? "Check the fields marked in red." });
  }

  const set = (k: keyof Account) => (ev: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setAccount({ ...account, [k]: ev.target.value });
  const e = (k: string) => errors[k];

  if (!open)
    return (
      <div className="space-y-3">
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
          {hasMandate ? "Change the bank account" : "Set up a debit order"}
        </Button>
      </div>
    );

  return (
    <div className="space-y-5">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {!preview ? (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Account holder" name="accountHolder" error={e("accountHolder")}>
              <Input
                name="accountHolder"
                value={account.accountHolder}
                onChange={set("accountHolder")}
                autoComplete="name"
                {...errorProps("accountHolder", e("accountHolder"))}
              />
            </Field>
            <Field label="Account number or IBAN" name="accountNumber" error={e("accountNumber")}>
              <Input
                name="accountNumber"
                value={account.accountNumber}
                onChange={set("accountNumber")}
                autoComplete="off"
                inputMode="text"
                {...errorProps("accountNumber", e("accountNumber"))}
              />
            </Field>
            <Field
              label="Branch code"
              name="branchCode"
              error={e("branchCode")}
              hint="Not needed for an IBAN"
            >
              <Input
                name="branchCode"
                value={account.branchCode}
                onChange={set("branchCode")}
                inputMode="numeric"
                {...errorProps("branchCode", e("branchCode"))}
              />
            </Field>
            <Field
              label="Account type"
              name="accountType"
              error={e("accountType")}
              hint="Not needed for an IBAN"
            >
              <Select
                name="accountType"
                value={account.accountType}
                onChange={set("accountType")}
                {...errorProps("accountType", e("accountType"))}
              >
                <option value="">—</option>
                <option value="CURRENT">Current (cheque)</option>
                <option value="SAVINGS">Savings</option>
                <option value="TRANSMISSION">Transmission</option>
              </Select>
            </Field>
          </div>
          {!hasMandate && (
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={account.makeDefault}
                onChange={(ev) => setAccount({ ...account, makeDefault: ev.target.checked })}
                className="h-4 w-4 accent-brand-700"
              />
              Pay my invoices by this debit order from now on
            </label>
          )}
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={review} disabled={busy} aria-busy={busy}>
              {busy ? "Preparing…" : "Review the mandate"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </>
      ) : (
        <fieldset className="space-y-4">
          <legend className="text-base font-semibold text-slate-900">Debit order mandate</legend>
          <div
            data-testid="mandate-text"
            className="whitespace-pre-line rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm leading-relaxed text-slate-800"
          >
            {preview.text}
          </div>
          <div
            role="tablist"
            aria-label="How to sign"
            className="inline-flex rounded-lg bg-slate-100 p-1 text-sm"
          >
            {(["TYPED", "DRAWN"] as const).map((m) => (
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
              <SignaturePad onChange={setImage} invalid={Boolean(e("signature.image"))} />
              {e("signature.image") && (
                <p className="text-sm text-red-600">{e("signature.image")}</p>
              )}
            </div>
          ) : (
            <Field label="Type your signature" name="signature.typed" error={e("signature.typed")}>
              <Input
                name="signature.typed"
                value={typed}
                onChange={(ev) => setTyped(ev.target.value)}
                className="font-serif text-2xl italic"
                {...errorProps("signature.typed", e("signature.typed"))}
              />
            </Field>
          )}
          <Field label="Full name" name="signature.signerName" error={e("signature.signerName")}>
            <Input
              name="signature.signerName"
              value={signerName}
              onChange={(ev) => setSignerName(ev.target.value)}
              autoComplete="name"
              {...errorProps("signature.signerName", e("signature.signerName"))}
            />
          </Field>
          <div>
            <label className="flex items-start gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                id="signature.acceptContract"
                checked={accept}
                onChange={(ev) => setAccept(ev.target.checked)}
                className="mt-0.5 h-4 w-4 accent-brand-700"
                {...errorProps("signature.acceptContract", e("signature.acceptContract"))}
              />
              I authorise this debit order and sign the mandate electronically. My signature, name,
              the time and my IP address are recorded with it.
            </label>
            {e("signature.acceptContract") && (
              <p className="ml-6 mt-1 text-sm text-red-600">{e("signature.acceptContract")}</p>
            )}
          </div>
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={sign} disabled={busy} aria-busy={busy}>
              {busy ? "Signing…" : "Sign the mandate"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setPreview(null)}>
              Back
            </Button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
