import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requireCustomer } from "@/lib/auth/session";
import { getBranding } from "@/lib/settings/get-branding";
import { formatMoney } from "@/lib/money/format-money";
import { formatBytes } from "@/lib/usage/format-bytes";
import { getCustomerUsage } from "@/lib/usage/get-customer-usage";
import { ServicePasswordForm } from "./service-password-form";
import { TopUpForm } from "./top-up-form";
import { UsageChart } from "@/components/usage/usage-chart";

export const metadata = { title: "Usage" };

export default async function PortalUsage() {
  const actor = await requireCustomer("/portal/usage");
  const [services, brand] = await Promise.all([
    getCustomerUsage({ actor, customerId: actor.customerId }),
    getBranding(),
  ]);
  const bytes = (n: number) => formatBytes(n, brand.locale);
  const day = (iso: string) =>
    new Date(`${iso}T00:00:00Z`).toLocaleDateString(brand.locale, {
      timeZone: "UTC",
      weekday: "short",
      day: "numeric",
      month: "short",
    });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Usage</h1>
      {services.length === 0 && (
        <Card>
          <EmptyState title="No live service">
            Usage appears once your service is connected.
          </EmptyState>
        </Card>
      )}
      {services.map((s) => {
        const used = s.countedBytes;
        const cap = s.allowanceBytes;
        // Display only (the chart's scale); the table keeps the exact figures.
        const chart = s.days.map((d) => ({
          label: day(d.date),
          downloadGb: d.downloadBytes / 1e9,
          uploadGb: d.uploadBytes / 1e9,
        }));
        const free = s.uncountedHours
          ? ` · ${String(s.uncountedHours.from).padStart(2, "0")}:00–${String(s.uncountedHours.to).padStart(2, "0")}:00 not counted`
          : "";
        return (
          <Card key={s.subscriptionId}>
            <CardHeader
              title={s.planName}
              description={`This month: ${bytes(used)}${cap === null ? " (uncapped)" : ` of ${bytes(cap)}`}${free} · updated every five minutes`}
            />
            {cap !== null && (
              <div className="space-y-3 px-5 pt-4">
                <div
                  className="h-2 w-full rounded-full bg-slate-100"
                  role="meter"
                  aria-label="Data used this month"
                  aria-valuemin={0}
                  aria-valuemax={cap}
                  aria-valuenow={Math.min(used, cap)}
                >
                  <div
                    className={`h-2 rounded-full ${used >= cap ? "bg-amber-500" : "bg-brand-600"}`}
                    style={{ width: `${Math.min(100, (used / Math.max(cap, 1)) * 100)}%` }}
                  />
                </div>
                {s.capped && (
                  <p className="text-sm text-amber-800">
                    {s.capAction === "BLOCK"
                      ? "Your data for this month is used up, so the service is paused until the month ends or you add data."
                      : "Your data for this month is used up, so the service runs at the fair-use speed until the month ends or you add data."}
                  </p>
                )}
                {!s.capped && used >= cap && s.capAction === "BILL_OVERAGE" && (
                  <p className="text-sm text-slate-600">
                    Data beyond your allowance is billed per GB on your next invoice.
                  </p>
                )}
                {s.topUp && (
                  <TopUpForm
                    subscriptionId={s.subscriptionId}
                    label={`Add ${s.topUp.gb} GB for ${formatMoney(s.topUp.price, brand.currency, brand.locale)}`}
                  />
                )}
              </div>
            )}
            {chart.length > 0 && <UsageChart days={chart} locale={brand.locale} />}
            <Table>
              <caption className="sr-only">Data used per day</caption>
              <thead className="bg-slate-50">
                <tr>
                  <Th>Day</Th>
                  <Th numeric>Download</Th>
                  <Th numeric>Upload</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {[...s.days].reverse().map((d) => (
                  <tr key={d.date}>
                    <Td>{day(d.date)}</Td>
                    <Td numeric>{bytes(d.downloadBytes)}</Td>
                    <Td numeric>{bytes(d.uploadBytes)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {s.username && s.accessType === "PPPOE" && (
              <div className="border-t border-slate-100 px-5 py-4">
                <ServicePasswordForm subscriptionId={s.subscriptionId} username={s.username} />
              </div>
            )}
          </Card>
        );
      })}
    </div>
  );
}
