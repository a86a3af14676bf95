import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/roles";
import { getDunningSimulation } from "@/lib/dunning/get-dunning-simulation";
import { LADDER_STEPS } from "@/lib/dunning/steps";
import { formatDate } from "@/lib/format/dates";
import { dunningStepLabel } from "@/lib/format/labels";
import { formatMoney } from "@/lib/money/format-money";
import { getBranding } from "@/lib/settings/get-branding";
import { isIsoDate } from "@/lib/time/dates";

export const metadata = { title: "Dunning simulator" };

const HORIZONS = [7, 14, 30, 60, 90];

export default async function DunningPage({
  searchParams,
}: {
  searchParams: Promise<{ days?: string; day?: string }>;
}) {
  const actor = await requirePermission("billing:read", "/admin/dunning");
  const sp = await searchParams;
  const days = HORIZONS.find((d) => String(d) === sp.days) ?? 30;
  const day = sp.day && isIsoDate(sp.day) ? sp.day : undefined;
  const [sim, brand] = await Promise.all([
    getDunningSimulation({ actor, days, day }),
    getBranding(),
  ]);
  return (
    <>
      <PageHeader
        title="Dunning simulator"
        description="Who will be reminded, charged a late fee, throttled, suspended or handed to collections in the coming days, and why — computed by the same rules the hourly sweep runs, assuming nobody pays."
        actions={
          <>
            <ButtonLink variant="secondary" href="/admin/dunning/arrangements">
              Arrangements
            </ButtonLink>
            {can(actor, "settings:write") && (
              <>
                <ButtonLink variant="secondary" href="/admin/dunning/templates">
                  Messages
                </ButtonLink>
                <ButtonLink variant="secondary" href="/admin/dunning/policy">
                  Policy and calendar
                </ButtonLink>
              </>
            )}
          </>
        }
      />
      <nav className="mb-4 flex flex-wrap gap-2 text-sm" aria-label="Horizon">
        {HORIZONS.map((d) => (
          <Link
            key={d}
            href={`/admin/dunning?days=${d}`}
            aria-current={d === days ? "page" : undefined}
            className={
              d === days
                ? "rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white"
                : "rounded-md bg-white px-3 py-1.5 font-medium text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
            }
          >
            Next {d} days
          </Link>
        ))}
      </nav>
      <Card>
        {sim.days.length === 0 ? (
          <EmptyState title="Nothing planned">
            No account reaches a dunning step in the next {days} days.
          </EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Day</Th>
                {LADDER_STEPS.map((s) => (
                  <Th key={s} numeric>
                    {dunningStepLabel(s)}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sim.days.map(({ date, counts }) => (
                <tr key={date} className={date === day ? "bg-brand-50" : "hover:bg-slate-50"}>
                  <Td>
                    <Link
                      className="font-medium text-brand-700 hover:underline"
                      href={`/admin/dunning?days=${days}&day=${date}`}
                    >
                      {formatDate(date, brand.locale)}
                    </Link>
                  </Td>
                  {LADDER_STEPS.map((s) => (
                    <Td key={s} numeric>
                      {counts[s] || <span className="text-slate-300">0</span>}
                    </Td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {day && (
        <Card className="mt-6">
          <CardHeader
            title={`On ${formatDate(day, brand.locale)}`}
            description={`${sim.detail.length} step(s) planned`}
          />
          {sim.detail.length === 0 ? (
            <EmptyState title="Nothing planned that day" />
          ) : (
            <Table>
              <thead className="bg-slate-50">
                <tr>
                  <Th>Customer</Th>
                  <Th>Step</Th>
                  <Th>Why</Th>
                  <Th numeric>Amount</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {sim.detail.map((r) => (
                  <tr key={`${r.customerId}-${r.step}`}>
                    <Td>
                      <Link className="hover:underline" href={`/admin/customers/${r.customerId}`}>
                        {r.customer.companyName ??
                          `${r.customer.lastName}, ${r.customer.firstName}`}
                      </Link>{" "}
                      <span className="font-mono text-xs text-slate-500">
                        {r.customer.accountNumber}
                      </span>
                    </Td>
                    <Td>{dunningStepLabel(r.step)}</Td>
                    <Td className="max-w-96 text-slate-600">{r.reason}</Td>
                    <Td numeric>{formatMoney(r.amount, r.customer.currency, brand.locale)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      )}
    </>
  );
}
