import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { SigningPanel } from "@/components/contracts/signing-panel";
import { AppError } from "@/lib/errors";
import { getServiceAgreement } from "@/lib/orders/service-requests/get-service-agreement";
import { signByLinkAction } from "./sign-by-link-action";

export const metadata: Metadata = { title: "Sign your agreement", robots: { index: false } };

export default async function SignByLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (token.length < 20 || token.length > 100) notFound();
  const view = await getServiceAgreement({ token }).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-semibold text-slate-900">Your {view.planName} agreement</h1>
      <p className="mt-1 text-sm text-slate-600">
        Read it, then sign below. Nothing is installed or billed until you sign.
      </p>
      <div className="mt-6">
        {view.agreement ? (
          <SigningPanel
            content={view.agreement.content}
            contentHash={view.agreement.contentHash}
            defaultName={view.signerName}
            action={signByLinkAction}
            extra={{ token }}
          />
        ) : (
          <Alert tone="info">
            This agreement is no longer open for signing. If you still want the service, contact us
            and we will send a new link.
          </Alert>
        )}
      </div>
    </div>
  );
}
