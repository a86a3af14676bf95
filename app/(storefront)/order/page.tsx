import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { QueryProvider } from "@/components/storefront/query-provider";
import { checkFeasibility } from "@/lib/coverage/check-feasibility";
import { getServiceableAddress } from "@/lib/coverage/get-serviceable-address";
import { isCardPaymentEnabled } from "@/lib/payment-methods/stripe-client";
import { getSettings } from "@/lib/settings/get-settings";
import { currentActor } from "@/lib/auth/session";
import { getCustomerOverview } from "@/lib/customers/get-customer-overview";
import { CheckoutWizard, type SignedInAccount } from "./checkout-wizard";

/** A signed-in customer orders on their own account: their details are filled in (README). */
async function signedInAccount(): Promise<SignedInAccount | null> {
  const actor = await currentActor();
  if (!actor || actor.role !== "CUSTOMER" || !actor.customerId) return null;
  const c = await getCustomerOverview({ actor, customerId: actor.customerId });
  return {
    customerType: c.type,
    firstName: c.firstName,
    lastName: c.lastName,
    companyName: c.companyName ?? undefined,
    email: c.email,
    phone: c.phone ?? "",
  };
}

export const metadata: Metadata = { title: "Sign up" };

/** "106 Dorp Street, Dalsig, Stellenbosch, 7600" from the address search, split back into fields. */
function splitAddress(label: string) {
  if (!label || label.startsWith("Pinned location"))
    return { line1: "", suburb: "", city: "", postalCode: "" };
  const [line1 = "", suburb = "", city = "", postalCode = ""] = label
    .split(",")
    .map((s) => s.trim());
  return { line1, suburb, city, postalCode };
}

export default async function OrderPage({
  searchParams,
}: {
  searchParams: Promise<{
    plan?: string;
    lat?: string;
    lng?: string;
    address?: string;
    addressId?: string;
  }>;
}) {
  const q = await searchParams;
  // An address picked from the serviceable list prefills the form with its own fields and
  // position, and placement checks the typed address is still that one.
  const listed =
    typeof q.addressId === "string" ? await getServiceableAddress({ id: q.addressId }) : null;
  const lat = listed?.lat ?? Number(q.lat);
  const lng = listed?.lng ?? Number(q.lng);
  if (!listed && (!q.lat || !q.lng || !Number.isFinite(lat) || !Number.isFinite(lng)))
    redirect(`/coverage${q.plan ? `?plan=${encodeURIComponent(q.plan)}` : ""}`);
  const [offer, settings, account] = await Promise.all([
    checkFeasibility({ lat, lng }),
    getSettings(),
    signedInAccount(),
  ]);
  if (offer.status !== "AVAILABLE") redirect("/coverage");
  const plans = offer.technologies.flatMap((t) => t.plans);
  const initialPlan = plans.some((p) => p.code === q.plan) ? q.plan! : plans[0].code;
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">
        {account ? "Order another service" : "Sign up"}
      </h1>
      <p className="mt-2 text-slate-600">
        Four short steps. You will see the full agreement before you sign, and nothing is charged
        until your service is installed.
      </p>
      <div className="mt-8">
        <QueryProvider>
          <CheckoutWizard
            plans={plans}
            addons={offer.addons}
            initialPlan={initialPlan}
            serviceAddress={
              listed
                ? {
                    line1: listed.line1,
                    suburb: listed.suburb ?? "",
                    city: listed.city,
                    postalCode: listed.postalCode ?? "",
                    lat,
                    lng,
                    serviceableAddressId: listed.id,
                  }
                : { ...splitAddress(q.address ?? ""), lat, lng }
            }
            currency={settings.currency}
            locale={settings.locale}
            cardEnabled={isCardPaymentEnabled()}
            requireIdNumber={settings.requireIdNumber}
            account={account}
          />
        </QueryProvider>
      </div>
    </div>
  );
}
