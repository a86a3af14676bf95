"use client";

// Set up a debit order, or move it to another account: the customer types the account, reads
// the mandate exactly as it will be stored, and signs it (drawn or typed) through the same
// signer as agreements. Nothing is saved
// before the signature; the account number is never echoed back.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, errorProps } from "@/components/ui/field";
import {
  DocumentSigner,
  type SignatureInput,
  type SignOutcome,
} from "@/components/contracts/agreement-signer";
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

  async function sign(signature: SignatureInput): Promise<SignOutcome> {
    const r = await signMandateAction({ ...input(), signature });
    if (r.status === "ok") {
      setMessage({ tone: "success", text: r.message ?? "Saved." });
      setPreview(null);
      setOpen(false);
      router.refresh();
      return null;
    }
    // The account changed under the signature, or an account field is wrong: back to the details.
    const fields = r.fields ?? {};
    if (r.code === "CONFLICT" || Object.keys(fields).some((k) => !k.startsWith("signature"))) {
      setErrors(fields);
      setPreview(null);
      setMessage({ tone: "error", text: r.message ?? "Check the fields marked in red." });
      return null;
    }
    return { message: r.message, fields };
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
        <div className="space-y-4">
          <DocumentSigner
            document={
              <div
                data-testid="mandate-text"
                className="whitespace-pre-line rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm leading-relaxed text-slate-800"
              >
                {preview.text}
              </div>
            }
            acceptText="I authorise this debit order and sign the mandate electronically. My signature, name, the time and my IP address are recorded with it."
            contentHash={preview.contentHash}
            defaultName={defaultName}
            submitLabel="Sign the mandate"
            busyLabel="Signing…"
            onSign={sign}
          />
          <Button type="button" variant="secondary" onClick={() => setPreview(null)}>
            Back
          </Button>
        </div>
      )}
    </div>
  );
}
