import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { requireCustomer } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/portal/get-my-profile";
import { getBranding } from "@/lib/settings/get-branding";
import { ContactForm } from "./contact-form";
import { DeletionForm } from "./deletion-form";
import { EmailForm } from "./email-form";

export const metadata = { title: "Profile" };

export default async function ProfilePage(props: { searchParams: Promise<{ email?: string }> }) {
  const actor = await requireCustomer("/portal/profile");
  const [p, brand, query] = await Promise.all([
    getMyProfile({ actor, customerId: actor.customerId }),
    getBranding(),
    props.searchParams,
  ]);
  const at = { locale: brand.locale, timeZone: brand.timeZone };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Profile</h1>
      {query.email === "changed" && (
        <Alert tone="success">Your email address is changed. Sign in with it from now on.</Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader
            title="Contact details"
            description={`${p.firstName} ${p.lastName}${p.companyName ? ` · ${p.companyName}` : ""}. To change your name or ID number, contact us.`}
          />
          <CardBody>
            <ContactForm
              defaults={{
                phone: p.phone,
                marketingOptIn: p.marketingOptIn,
                address: p.billingAddress,
              }}
            />
          </CardBody>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Email address" />
            <CardBody>
              <EmailForm current={p.email} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Password" />
            <CardBody className="space-y-3 text-sm text-slate-600">
              <p>Changing your password signs you out everywhere else.</p>
              <Link
                href="/change-password?callbackUrl=/portal/profile"
                className={buttonClass("secondary")}
              >
                Change password
              </Link>
            </CardBody>
          </Card>
        </div>
      </div>
      <Card>
        <CardHeader
          title="Your data and privacy"
          description="What you agreed to, a copy of everything we hold about you, and erasure."
        />
        <CardBody className="space-y-5 text-sm text-slate-700">
          <ul className="space-y-1">
            <li>
              Terms accepted:{" "}
              {p.termsAcceptedAt ? <DateTime value={p.termsAcceptedAt} {...at} /> : "—"} (
              <Link href="/terms" className="text-brand-700 underline">
                terms of service
              </Link>
              )
            </li>
            <li>
              Privacy notice accepted:{" "}
              {p.privacyAcceptedAt ? <DateTime value={p.privacyAcceptedAt} {...at} /> : "—"} (
              <Link href="/privacy" className="text-brand-700 underline">
                privacy notice
              </Link>
              )
            </li>
          </ul>
          <div>
            <h3 className="font-semibold text-slate-900">Download my data</h3>
            <p className="mt-1">
              Your details, services, orders, agreements, invoices, payments and the messages we
              sent you. Bank account numbers are shown masked.
            </p>
            <div className="mt-2 flex flex-wrap gap-3">
              <a href="/api/portal/my-data" className={buttonClass("secondary")} download>
                Download JSON
              </a>
              <a
                href="/api/portal/my-data?format=pdf"
                className={buttonClass("secondary")}
                download
              >
                Download PDF
              </a>
            </div>
          </div>
          <div>
            <h3 className="font-semibold text-slate-900">Delete my account</h3>
            <p className="mt-1">
              An administrator reviews every request and emails you the outcome. Live services are
              cancelled first and anything owed must be settled. By law we keep invoices, credit
              notes and payment records for as long as tax law requires (five years in South
              Africa); everything else about you is erased or anonymised.
            </p>
            <div className="mt-3">
              {p.deletionRequestedAt ? (
                <Alert tone="info">
                  You asked for deletion on <DateTime value={p.deletionRequestedAt} {...at} />. An
                  administrator will be in touch.
                </Alert>
              ) : (
                <DeletionForm />
              )}
            </div>
          </div>
        </CardBody>
      </Card>
    </div>
  );
}
