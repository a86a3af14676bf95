import type { Metadata } from "next";
import { safeReturnTo } from "@/lib/http/safe-return-to";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  // Only same-site paths: an open redirect would let a phishing link bounce through us.
  const target = safeReturnTo(callbackUrl);
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
      <p className="mt-1 text-sm text-slate-500">Customers and staff sign in here.</p>
      <SignInForm callbackUrl={target} initialError={error} />
    </>
  );
}
