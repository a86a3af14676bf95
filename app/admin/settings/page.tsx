import { plural } from "@/lib/format/plural";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/require-permission";
import { getEditableSettings } from "@/lib/settings/get-editable-settings";
import { collectionFormatOptions } from "@/lib/bank/csv-templates";
import { toMajorString } from "@/lib/money/format-money";
import { RemoveDemoDataForm } from "./remove-demo-data-form";
import { SettingsForm, type SettingsValues } from "./settings-form";
import { getLegalPage } from "@/lib/settings/get-legal-page";
import { LegalPageForm } from "./legal-page-form";

export const metadata = { title: "Settings" };

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ demoRemoved?: string }>;
}) {
  const actor = await requirePermission("settings:write", "/admin/settings");
  const { settings, taxName, taxRate, demoCustomers } = await getEditableSettings({ actor });
  const {
    updatedAt: _u,
    setupCompletedAt: _s,
    currency,
    paymentRetryDays,
    stripePaymentMethodTypes,
    ...editable
  } = settings;
  const initial: SettingsValues = {
    ...editable,
    taxName,
    taxRate,
    paymentRetryDays: paymentRetryDays.join(", "),
    stripePaymentMethodTypes: stripePaymentMethodTypes.join(", "),
    bankReturnFee: toMajorString(settings.bankReturnFee, currency),
  };
  const timeZones = ["UTC", ...Intl.supportedValuesOf("timeZone")];
  const { demoRemoved } = await searchParams;
  const legal = await Promise.all([
    getLegalPage({ slug: "terms" }),
    getLegalPage({ slug: "privacy" }),
  ]);
  return (
    <>
      <PageHeader
        title="Settings"
        description={`${settings.name}'s details, branding, tax and billing rules. Every change is recorded in the audit log.`}
        actions={
          <ButtonLink href="/admin/settings/payment-rails" variant="secondary">
            Payment rails
          </ButtonLink>
        }
      />
      {demoRemoved && !settings.hasDemoData && (
        <Alert tone="success" className="mb-6">
          Demo data removed:{" "}
          {plural(Number(demoRemoved) || 0, "demo customer", "demo customers", settings.locale)}
          with everything that belonged to them, and the demo staff logins.
        </Alert>
      )}
      {settings.hasDemoData && (
        <Card className="mb-6 ring-amber-300">
          <CardHeader
            title="Demo data"
            description="This installation still holds the demo ISP's customers."
          />
          <CardBody>
            <RemoveDemoDataForm customers={demoCustomers} locale={settings.locale} />
          </CardBody>
        </Card>
      )}
      <SettingsForm
        initial={initial}
        currency={currency}
        timeZones={timeZones}
        collectionFormats={collectionFormatOptions()}
      />
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        {legal.map((p) => (
          <Card key={p.slug}>
            <CardHeader
              title={p.slug === "terms" ? "Terms of service" : "Privacy notice"}
              description={`Shown at /${p.slug} and linked from the checkout's consents, the agreement and the customer portal.${p.isDefault ? " Showing the default text until you save one." : ""}`}
            />
            <CardBody>
              <LegalPageForm slug={p.slug} title={p.title} body={p.body} />
            </CardBody>
          </Card>
        ))}
      </div>
    </>
  );
}
