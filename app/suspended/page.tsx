import { Card, CardBody } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { AppError } from "@/lib/errors";
import { getWalledGarden } from "@/lib/dunning/get-walled-garden";
import { getBranding } from "@/lib/settings/get-branding";
import { AmountDue } from "./amount-due";
import { LookupForm } from "./lookup-form";
import { walledGardenLookupAction } from "./lookup-action";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your service is limited" };

// The walled garden: where a suspended customer's browser lands. Public; shows only the ISP's
// name, the amount to pay and why — after a signed link (?t=) or account number + PIN.
export default async function SuspendedPage({
  searchParams,
}: {
  searchParams: Promise<{ t?: string }>;
}) {
  const { t } = await searchParams;
  const brand = await getBranding();
  const found = t
    ? await getWalledGarden({ token: t.slice(0, 2000) }).catch((e) => {
        if (e instanceof AppError && e.code === "NOT_FOUND") return null;
        throw e;
      })
    : undefined;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <h1 className="mb-1 text-2xl font-semibold text-slate-900">{brand.name}</h1>
      <p className="mb-6 text-sm text-slate-600">
        Your internet service is limited until your account is paid up. This page and your customer
        portal stay reachable.
      </p>
      <Card>
        <CardBody>
          {found ? (
            <AmountDue {...found} locale={brand.locale} />
          ) : (
            <>
              {found === null && (
                <div className="mb-4">
                  <Alert tone="error">This link is not valid any more: sign in below.</Alert>
                </div>
              )}
              <LookupForm action={walledGardenLookupAction} locale={brand.locale} />
            </>
          )}
        </CardBody>
      </Card>
    </main>
  );
}
