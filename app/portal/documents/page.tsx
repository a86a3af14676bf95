import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/table";
import { requireCustomer } from "@/lib/auth/session";
import { listCustomerContracts } from "@/lib/contracts/list-customer-contracts";
import { getBranding } from "@/lib/settings/get-branding";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { addDays } from "@/lib/time/dates";
import Link from "next/link";
import { StatementForm } from "./statement-form";

export const metadata = { title: "Documents" };

export default async function PortalDocumentsPage() {
  const actor = await requireCustomer("/portal/documents");
  const [contracts, brand, today] = await Promise.all([
    listCustomerContracts({ actor, customerId: actor.customerId }),
    getBranding(),
    todayForIsp(),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Documents</h1>
      <Card>
        <CardHeader
          title="Statement"
          description="Every invoice, credit note and payment in a period, with the running balance."
        />
        <div className="px-5 py-4">
          <StatementForm from={addDays(today, -90)} to={today} />
        </div>
      </Card>
      <Card>
        <CardHeader title="Invoices, credit notes and receipts" />
        <ul className="divide-y divide-slate-100 text-sm">
          <li className="px-5 py-3">
            <Link href="/portal/invoices" className="font-medium text-brand-700 hover:underline">
              Invoices and credit notes
            </Link>{" "}
            <span className="text-slate-500">— each with its PDF</span>
          </li>
          <li className="px-5 py-3">
            <Link href="/portal/payments" className="font-medium text-brand-700 hover:underline">
              Payment receipts
            </Link>{" "}
            <span className="text-slate-500">— one for each payment we received</span>
          </li>
        </ul>
      </Card>
      <Card>
        <CardHeader
          title="Signed agreements"
          description="Each PDF carries your signature, the time, your IP address and a SHA-256 hash that proves it is unchanged."
        />
        {contracts.length === 0 ? (
          <EmptyState title="No signed documents yet" />
        ) : (
          <ul className="divide-y divide-slate-100">
            {contracts.map((c) => (
              <li
                key={c.id}
                className="flex flex-wrap items-center justify-between gap-3 px-5 py-4"
              >
                <div>
                  <p className="font-medium text-slate-900">
                    {c.template.title}
                    {c.order && (
                      <span className="ml-2 font-mono text-sm font-normal text-slate-500">
                        {c.order.number}
                      </span>
                    )}
                  </p>
                  <p className="text-sm text-slate-500">
                    Signed by {c.signerName},{" "}
                    <DateTime value={c.signedAt} locale={brand.locale} timeZone={brand.timeZone} />
                  </p>
                </div>
                <div className="flex gap-4 text-sm font-medium">
                  <a
                    href={`/api/contracts/${c.id}/pdf`}
                    target="_blank"
                    rel="noreferrer"
                    className="text-brand-700 hover:underline"
                  >
                    View
                  </a>
                  <a
                    href={`/api/contracts/${c.id}/pdf?download=1`}
                    className="text-brand-700 hover:underline"
                  >
                    Download
                  </a>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
