import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requireCustomer } from "@/lib/auth/session";
import { getBranding } from "@/lib/settings/get-branding";
import { formatBytes } from "@/lib/usage/format-bytes";
import { getCustomerUsage } from "@/lib/usage/get-customer-usage";

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
        const used = s.monthToDate.downloadBytes + s.monthToDate.uploadBytes;
        const peak = Math.max(1, ...s.days.map((d) => d.downloadBytes + d.uploadBytes));
        return (
          <Card key={s.subscriptionId}>
            <CardHeader
              title={s.planName}
              description={`This month: ${bytes(used)}${s.capBytes === null ? " (uncapped)" : ` of ${bytes(s.capBytes)}`} · updated every five minutes`}
            />
            {s.capBytes !== null && (
              <div className="px-5 pt-4">
                <div
                  className="h-2 w-full rounded-full bg-slate-100"
                  role="meter"
                  aria-label="Data used this month"
                  aria-valuemin={0}
                  aria-valuemax={s.capBytes}
                  aria-valuenow={Math.min(used, s.capBytes)}
                >
                  <div
                    className="h-2 rounded-full bg-brand-600"
                    style={{ width: `${Math.min(100, (used / s.capBytes) * 100)}%` }}
                  />
                </div>
              </div>
            )}
            <Table>
              <thead className="bg-slate-50">
                <tr>
                  <Th>Day</Th>
                  <Th numeric>Download</Th>
                  <Th numeric>Upload</Th>
                  <Th className="w-1/3">
                    <span className="sr-only">Share of the busiest day</span>
                  </Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {[...s.days].reverse().map((d) => (
                  <tr key={d.date}>
                    <Td>{day(d.date)}</Td>
                    <Td numeric>{bytes(d.downloadBytes)}</Td>
                    <Td numeric>{bytes(d.uploadBytes)}</Td>
                    <Td>
                      <div
                        aria-hidden
                        className="h-2 rounded-full bg-brand-500"
                        style={{ width: `${((d.downloadBytes + d.uploadBytes) / peak) * 100}%` }}
                      />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
        );
      })}
    </div>
  );
}
