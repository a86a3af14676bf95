import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/require-permission";
import { getBillingRun } from "@/lib/billing/list-billing-runs";
import { AppError } from "@/lib/errors";
import { getBranding } from "@/lib/settings/get-branding";
import { getSettings } from "@/lib/settings/get-settings";
import { formatDate } from "@/lib/format/dates";
import { runTriggerLabel } from "@/lib/format/labels";
import { RunProgress } from "./run-progress";

export const metadata = { title: "Billing run" };

export default async function BillingRunPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("billing:read", "/admin/billing");
  const { id } = await params;
  const run = await getBillingRun({ runId: id, actor }).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const [brand, settings] = await Promise.all([getBranding(), getSettings()]);
  return (
    <>
      <Link href="/admin/billing" className="text-sm font-medium text-brand-700 hover:underline">
        ← Billing runs
      </Link>
      <PageHeader
        title={`Billing run for ${formatDate(run.asOf, brand.locale)}`}
        description={
          <>
            Started{" "}
            <DateTime value={run.startedAt} locale={brand.locale} timeZone={brand.timeZone} /> ·{" "}
            {runTriggerLabel(run.trigger)}
          </>
        }
        actions={
          <ButtonLink variant="secondary" href={`/admin/invoices?run=${run.id}`}>
            Invoices of this run
          </ButtonLink>
        }
      />
      <Card className="max-w-2xl">
        <CardHeader title="Progress" />
        <CardBody>
          <RunProgress initial={run} currency={settings.currency} locale={brand.locale} />
        </CardBody>
      </Card>
    </>
  );
}
