import { ActionForm } from "@/components/admin/action-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireCustomer } from "@/lib/auth/session";
import { readEmailChangeToken } from "@/lib/portal/email-change-token";
import { confirmEmailAction } from "./confirm-email-action";

export const metadata = { title: "Confirm your email" };

/** The link from the confirmation email: following it shows what changes; the button applies it. */
export default async function ConfirmEmailPage(props: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token = "" } = await props.searchParams;
  const actor = await requireCustomer(
    `/portal/profile/confirm-email?token=${encodeURIComponent(token)}`,
  );
  const link = token ? readEmailChangeToken(token) : null;
  const mine = link?.customerId === actor.customerId;
  return (
    <Card className="mx-auto max-w-lg">
      <CardHeader title="Confirm your new email address" />
      <CardBody className="space-y-4">
        {link && mine ? (
          <>
            <p className="text-sm text-slate-700">
              Your account&apos;s email, which you also sign in with, becomes{" "}
              <strong>{link.email}</strong>.
            </p>
            <ActionForm
              action={confirmEmailAction}
              submit="Confirm email address"
              pending="Saving…"
            >
              <input type="hidden" name="token" value={token} />
            </ActionForm>
          </>
        ) : (
          <Alert tone="error">
            This link is not valid, has expired or belongs to another account. Ask for a new one on
            your profile.
          </Alert>
        )}
      </CardBody>
    </Card>
  );
}
