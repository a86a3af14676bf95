import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { safeReturnTo } from "@/lib/http/safe-return-to";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change your password" };

export default async function ChangePasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  const returnTo = safeReturnTo(callbackUrl);
  const actor = await currentActor();
  if (!actor)
    redirect(
      `/signin?callbackUrl=${encodeURIComponent(`/change-password?callbackUrl=${encodeURIComponent(returnTo)}`)}`,
    );
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Change your password</h1>
      <p className="mt-1 text-sm text-slate-500">
        {actor.name}, choose a password only you know. If an administrator gave you a temporary one,
        you need to replace it before you continue.
      </p>
      <ChangePasswordForm callbackUrl={returnTo} />
    </>
  );
}
