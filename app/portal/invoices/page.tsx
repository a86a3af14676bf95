import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requireCustomer } from "@/lib/auth/session";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { listCreditNotes } from "@/lib/invoices/list-credit-notes";
import { getCustomerBalance } from "@/lib/ledger/get-customer-balance";
import { formatMoney } from "@/lib/money/format-money";
import { getBranding } from "@/lib/settings/get-branding";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format/dates";
import { invoiceDisplayStatus } from "@/lib/format/status";

export const metadata = { title: "Invoices" };

export default async function PortalInvoicesPage({
  searchParams,
}: {
  searchParams: Promise<{ after?: string }>;
}) {
  const actor = await requireCustomer("/portal/invoices");
  const { after } = await searchParams;
  const [{ invoices, nextCursor }, creditNotes, balance, brand, today] = await Promise.all([
    listInvoices({ filter: { customerId: actor.customerId, after, limit: 24 }, actor }),
    listCreditNotes({ actor, customerId: actor.customerId }),
    getCustomerBalance({ customerId: actor.customerId, actor }),
    getBranding(),
    todayForIsp(),
  ]);
  const money = (n: number) => formatMoney(n, balance.currency, brand.locale);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Invoices</h1>
      <Card>
        <CardBody className="flex flex-wrap items-baseline justify-between gap-2">
          <p className="text-sm text-slate-600">Your balance</p>
          <p className="tabular text-2xl font-semibold text-slate-900">
            {balance.balance < 0 ? `${money(-balance.balance)} in credit` : money(balance.balance)}
          </p>
          {balance.overdue > 0 && (
            <p className="w-full text-sm text-red-700">{money(balance.overdue)} is overdue.</p>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Your invoices"
          description="Newest first. Open one to see its lines or download the PDF."
        />
        {invoices.length === 0 ? (
          <EmptyState title="No invoices yet">
            Your first invoice appears when your service starts.
          </EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Invoice</Th>
                <Th>Issued</Th>
                <Th>Due</Th>
                <Th>Status</Th>
                <Th numeric>Total</Th>
                <Th numeric>To pay</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {invoices.map((i) => (
                <tr key={i.id} className="hover:bg-slate-50">
                  <Td>
                    <Link
                      className="font-mono text-xs font-semibold text-brand-700 hover:underline"
                      href={`/portal/invoices/${i.id}`}
                    >
                      {i.number}
                    </Link>
                  </Td>
                  <Td className="tabular">{formatDate(i.issueDate, brand.locale)}</Td>
                  <Td className="tabular">{formatDate(i.dueDate, brand.locale)}</Td>
                  <Td>
                    <StatusBadge kind="invoice" status={invoiceDisplayStatus(i, today)} />
                  </Td>
                  <Td numeric>{money(i.total)}</Td>
                  <Td numeric>{money(i.amountDue)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card>
        <CardHeader
          title="Credit notes"
          description="Corrections to your invoices; each one is credited to your balance."
        />
        {creditNotes.length === 0 ? (
          <EmptyState title="No credit notes">When we credit an invoice, it shows here.</EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Credit note</Th>
                <Th>Issued</Th>
                <Th>For invoice</Th>
                <Th>Reason</Th>
                <Th numeric>Credited</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {creditNotes.map((c) => (
                <tr key={c.id} className="hover:bg-slate-50">
                  <Td>
                    <a
                      className="font-mono text-xs font-semibold text-brand-700 hover:underline"
                      href={`/api/credit-notes/${c.id}/pdf`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {c.number}
                    </a>
                  </Td>
                  <Td className="tabular">{c.issueDate}</Td>
                  <Td>
                    <Link
                      className="font-mono text-xs text-brand-700 hover:underline"
                      href={`/portal/invoices/${c.invoiceId}`}
                    >
                      {c.invoiceNumber}
                    </Link>
                  </Td>
                  <Td className="whitespace-normal">{c.reason}</Td>
                  <Td numeric>{money(-c.total)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {nextCursor && (
        <Link
          className="block text-right text-sm font-medium text-brand-700 hover:underline"
          href={`/portal/invoices?after=${encodeURIComponent(nextCursor)}`}
        >
          Older invoices →
        </Link>
      )}
    </div>
  );
}
