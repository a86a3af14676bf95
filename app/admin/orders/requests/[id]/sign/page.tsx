import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { SigningPanel } from "@/components/contracts/signing-panel";
import { requirePermission } from "@/lib/auth/require-permission";
import { AppError } from "@/lib/errors";
import { getServiceAgreement } from "@/lib/orders/service-requests/get-service-agreement";
import { signServiceRequestAction } from "./sign-service-request-action";

export const metadata = { title: "Sign the agreement" };

export default async function SignInPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: requestId } = await params;
  const actor = await requirePermission("orders:write", `/admin/orders/requests/${requestId}/sign`);
  const view = await getServiceAgreement({ actor, requestId }).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const back = `/admin/customers/${view.customerId}`;
  return (
    <>
      <Link href={back} className="text-sm font-medium text-brand-700 hover:underline">
        ← {view.signerName}
      </Link>
      <PageHeader
        title={`${view.planName}: agreement`}
        description="Hand the screen to the customer: they read the agreement and sign it here."
      />
      {view.agreement ? (
        <div className="max-w-3xl">
          <SigningPanel
            content={view.agreement.content}
            contentHash={view.agreement.contentHash}
            defaultName={view.signerName}
            action={signServiceRequestAction}
            extra={{ requestId }}
            after={<ButtonLink href={back}>Back to the customer</ButtonLink>}
          />
        </div>
      ) : (
        <Alert tone="info">
          {view.status === "SIGNED"
            ? "This agreement is already signed."
            : view.status === "CANCELLED"
              ? "This service request was cancelled."
              : "This request waited too long for its signature: cancel it and set the service up again."}
        </Alert>
      )}
    </>
  );
}
