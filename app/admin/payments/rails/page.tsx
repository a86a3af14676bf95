import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { formatDateTime } from "@/lib/format/dates";
import { paymentRailLabel } from "@/lib/format/labels";
import { formatMoney } from "@/lib/money/format-money";
import { listRailCharges } from "@/lib/payments/rails/list-rail-charges";
import { listUnmatchedEvents } from "@/lib/payments/rails/list-unmatched-events";
import { getBranding } from "@/lib/settings/get-branding";

export const metadata = { title: "Pix and M-PESA" };

const RAILS = ["PIX", "MPESA"] as const;

export default async function RailChargesPage({
  searchParams,
}: {
  searchParams: Promise<{ rail?: string }>;
}) {
  const actor = await requirePermission("payments:read", "/admin/payments/rails");
  const { rail: wanted } = await searchParams;
  const rail = RAILS.find((r) => r === wanted);
  const [charges, unmatched, brand] = await Promise.all([
    listRailCharges({ actor, rail }),
    listUnmatchedEvents({ actor }),
    getBranding(),
  ]);
  const tab = (r: (typeof RAILS)[number] | undefined, label: string) => (
    <Link
      href={r ? `/admin/payments/rails?rail=${r}` : "/admin/payments/rails"}
      aria-current={rail === r ? "page" : undefined}
      className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700"
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Pix and M-PESA"
        description="Charges started at the providers and how they ended. A charge is paid only when the provider confirms it."
      />
      <nav className="mb-4 flex gap-2" aria-label="Rail">
        {tab(undefined, "All")}
        {RAILS.map((r) => tab(r, paymentRailLabel(r)))}
      </nav>
      <Card className="mb-6">
        {charges.length === 0 ? (
          <EmptyState title="No charges yet">
            Customers start them from the portal, staff from the API.
          </EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Started</Th>
                <Th>Rail</Th>
                <Th>Customer</Th>
                <Th>Invoice</Th>
                <Th>Status</Th>
                <Th>Payment</Th>
                <Th numeric>Amount</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {charges.map((c) => (
                <tr key={c.id}>
                  <Td className="tabular">{formatDateTime(c.createdAt, brand)}</Td>
                  <Td>{paymentRailLabel(c.rail)}</Td>
                  <Td>
                    <Link
                      href={`/admin/customers/${c.customerId}`}
                      className="text-brand-700 hover:underline"
                    >
                      {c.customer.firstName} {c.customer.lastName}
                    </Link>
                  </Td>
                  <Td>
                    {c.invoiceId && (
                      <Link
                        href={`/admin/invoices/${c.invoiceId}`}
                        className="font-mono text-xs text-brand-700 hover:underline"
                      >
                        {c.invoice?.number}
                      </Link>
                    )}
                  </Td>
                  <Td className="whitespace-normal">
                    <StatusBadge kind="railCharge" status={c.status} />
                    {c.failureReason && (
                      <p className="mt-1 text-xs text-slate-500">{c.failureReason}</p>
                    )}
                  </Td>
                  <Td>
                    {c.paymentId && (
                      <Link
                        href={`/admin/payments/${c.paymentId}`}
                        className="font-mono text-xs text-brand-700 hover:underline"
                      >
                        {c.payment?.number}
                      </Link>
                    )}
                  </Td>
                  <Td numeric>{formatMoney(c.amount, c.currency, brand.locale)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card>
        <CardHeader
          title="Confirmations not applied"
          description="Provider events we could not act on (a Pix the PSP does not know, a bad amount, a rejected boleto). Money naming no account or invoice of ours waits in the bank review queue."
        />
        {unmatched.length === 0 ? (
          <EmptyState title="Nothing left over">
            Unmatched money is in the{" "}
            <Link href="/admin/bank/review" className="text-brand-700 hover:underline">
              bank review queue
            </Link>
            .
          </EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Received</Th>
                <Th>Provider id</Th>
                <Th>Why</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {unmatched.map((e) => (
                <tr key={e.id}>
                  <Td className="tabular">{formatDateTime(e.receivedAt, brand)}</Td>
                  <Td className="font-mono text-xs">{e.externalId}</Td>
                  <Td className="whitespace-normal">{e.error}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
