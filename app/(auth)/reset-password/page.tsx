import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { checkResetToken } from "@/lib/auth/check-reset-token";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a password" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token = "" } = await searchParams;
  const check = await checkResetToken(token);
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Choose a password</h1>
      {check.valid ? (
        <>
          <p className="mt-1 text-sm text-slate-500">For {check.email}</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <div className="mt-6 space-y-4">
          <Alert tone="warning">This link has expired or has already been used.</Alert>
          <p className="text-center text-sm">
            <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
              Send me a new link
            </Link>
          </p>
        </div>
      )}
    </>
  );
}
