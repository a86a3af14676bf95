import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format/dates";
import { formatNumber } from "@/lib/format/numbers";
import { plural } from "@/lib/format/plural";
import { runTriggerLabel } from "@/lib/format/labels";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Field, Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { listBillingRuns } from "@/lib/billing/list-billing-runs";
import { previewBilling } from "@/lib/billing/preview-billing";
import { formatMoney } from "@/lib/money/format-money";
import { getBranding } from "@/lib/settings/get-branding";
import { getSettings } from "@/lib/settings/get-settings";
import { isIsoDate } from "@/lib/time/dates";
import { StartRunForm } from "../start-run-form";

export const metadata = { title: "Billing runs" };

export default async function BillingPage({
  searchParams,
}: {
  searchParams: Promise<{ asOf?: string; preview?: string }>;
}) {
  const actor = await requirePermission("billing:run", "/admin/billing");
  const sp = await searchParams;
  const today = await todayForIsp();
  const asOf = sp.asOf && isIsoDate(sp.asOf) ? sp.asOf : today;
  const [runs, brand, settings, preview] = await Promise.all([
    listBillingRuns({ actor, limit: 30 }),
    getBranding(),
    getSettings(),
    sp.preview ? previewBilling({ asOf, actor }) : null,
  ]);
  const money = (n: number) => formatMoney(n, settings.currency, brand.locale);
  return (
    <>
      <PageHeader
        title="Billing runs"
        description={`Invoices are created for everything due on or before the run date. Running again on the same date bills nothing twice. Runs also start by themselves daily at ${String(settings.billingHour).padStart(2, "0")}:00 (${settings.timeZone}).`}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader
            title="Preview"
            description="What a run would bill, per plan, before anything is written."
          />
          <CardBody>
            <form className="flex flex-wrap items-end gap-3">
              <Field label="Bill everything due on or before" name="asOf">
                <Input type="date" name="asOf" defaultValue={asOf} required />
              </Field>
              <input type="hidden" name="preview" value="1" />
              <Button type="submit" variant="secondary">
                Preview
              </Button>
            </form>
            {preview && (
              <div className="mt-4">
                <p className="text-sm text-slate-700">
                  {plural(preview.subscriptions, "subscription", "subscriptions", brand.locale)} of{" "}
                  {plural(preview.customers, "customer", "customers", brand.locale)},{" "}
                  <span className="tabular font-semibold">{money(preview.total)}</span> in total.
                </p>
                {preview.byPlan.length === 0 ? (
                  <EmptyState title="Nothing is due">
                    Every subscription is billed up to this date.
                  </EmptyState>
                ) : (
                  <Table className="mt-3">
                    <thead className="bg-slate-50">
                      <tr>
                        <Th>Plan</Th>
                        <Th numeric>Subscriptions</Th>
                        <Th numeric>Total</Th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {preview.byPlan.map((p) => (
                        <tr key={p.productId}>
                          <Td>{p.name}</Td>
                          <Td numeric>{formatNumber(p.subscriptions, brand.locale)}</Td>
                          <Td numeric>{money(p.total)}</Td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                )}
              </div>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Run now" />
          <CardBody>
            <StartRunForm defaultAsOf={asOf} holdHours={settings.invoiceHoldHours} />
          </CardBody>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader title="History" />
        {runs.length === 0 ? (
          <EmptyState title="No billing runs yet">
            The first run appears here once it starts.
          </EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Run date</Th>
                <Th>Started</Th>
                <Th>Trigger</Th>
                <Th>Status</Th>
                <Th numeric>Subscriptions</Th>
                <Th numeric>Invoices</Th>
                <Th numeric>Total</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {runs.map((r) => (
                <tr key={r.id} className="hover:bg-slate-50">
                  <Td>
                    <Link
                      className="font-medium text-brand-700 hover:underline"
                      href={`/admin/billing/runs/${r.id}`}
                    >
                      {formatDate(r.asOf, brand.locale)}
                    </Link>
                  </Td>
                  <Td>
                    <DateTime value={r.startedAt} locale={brand.locale} timeZone={brand.timeZone} />
                  </Td>
                  <Td>{runTriggerLabel(r.trigger)}</Td>
                  <Td>
                    <StatusBadge
                      kind="billingRun"
                      status={r.interrupted ? "INTERRUPTED" : r.status}
                    />
                  </Td>
                  <Td numeric>
                    {formatNumber(r.processedCount, brand.locale)} /{" "}
                    {formatNumber(r.dueCount, brand.locale)}
                  </Td>
                  <Td numeric>{formatNumber(r.invoicesCreated, brand.locale)}</Td>
                  <Td numeric>{money(r.invoicesTotal)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
