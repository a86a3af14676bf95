// The billing side of one customer: balance from the ledger, subscriptions with next bill date
// and price, the statement, and a one-off charge form for ACCOUNTS.
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { can, type Actor } from "@/lib/auth/roles";
import { getCustomerBilling } from "@/lib/invoices/get-customer-billing";
import { getStatement } from "@/lib/ledger/get-statement";
import { formatMoney } from "@/lib/money/format-money";
import { getBranding } from "@/lib/settings/get-branding";
import { db } from "@/lib/db";
import { OneOffChargeForm } from "./one-off-charge-form";

const PER = { MONTH: "month", QUARTER: "quarter", YEAR: "year" } as const;

export async function CustomerBilling({ customerId, actor }: { customerId: string; actor: Actor }) {
  const [billing, statement, brand, customer, taxClasses] = await Promise.all([
    getCustomerBilling({ customerId, actor }),
    getStatement({ customerId, actor }),
    getBranding(),
    db.customer.findUnique({
      where: { id: customerId },
      select: { accountNumber: true, firstName: true, lastName: true, companyName: true },
    }),
    db.taxClass.findMany({
      orderBy: [{ isDefault: "desc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
  ]);
  if (!customer) return null;
  const money = (n: number) => formatMoney(n, billing.currency, brand.locale);
  const lines = statement.lines.slice(-15);
  return (
    <div className="mb-6 grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader
          title={`${customer.companyName ?? `${customer.firstName} ${customer.lastName}`} · ${customer.accountNumber}`}
          description={
            billing.balance > 0
              ? `Owes ${money(billing.balance)}`
              : billing.balance < 0
                ? `In credit by ${money(-billing.balance)}`
                : "Nothing owed"
          }
          action={
            <Link
              href={`/admin/customers/${customerId}`}
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              Customer →
            </Link>
          }
        />
        {billing.subscriptions.length === 0 ? (
          <EmptyState title="No subscriptions" />
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Service</Th>
                <Th>Status</Th>
                <Th>Next bill</Th>
                <Th>Ends</Th>
                <Th numeric>Price</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {billing.subscriptions.map((s) => (
                <tr key={s.id}>
                  <Td>
                    {s.parentId ? "+ " : ""}
                    {s.productName}
                  </Td>
                  <Td className="lowercase">{s.status}</Td>
                  <Td className="tabular">{s.nextBillDate ?? "—"}</Td>
                  <Td className="tabular">{s.cancelAt ?? "—"}</Td>
                  <Td numeric>
                    {money(s.price)} / {PER[s.interval]}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <CardHeader
          title="Statement"
          description="The ledger: invoices, credit notes, payments, refunds and adjustments."
        />
        {lines.length === 0 ? (
          <EmptyState title="No entries yet" />
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Date</Th>
                <Th>Entry</Th>
                <Th numeric>Amount</Th>
                <Th numeric>Balance</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {lines.map((l) => (
                <tr key={l.id}>
                  <Td className="tabular">{l.effectiveDate}</Td>
                  <Td>
                    {l.creditNoteId ? (
                      <a
                        className="text-brand-700 hover:underline"
                        href={`/api/credit-notes/${l.creditNoteId}/pdf`}
                        target="_blank"
                        rel="noreferrer"
                      >
                        {l.description} (PDF)
                      </a>
                    ) : l.invoiceId ? (
                      <Link
                        className="text-brand-700 hover:underline"
                        href={`/admin/invoices/${l.invoiceId}`}
                      >
                        {l.description}
                      </Link>
                    ) : (
                      l.description
                    )}
                  </Td>
                  <Td numeric>{money(l.amount)}</Td>
                  <Td numeric>{money(l.balance)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {can(actor, "billing:charge") && (
        <Card>
          <CardHeader
            title="One-off charge"
            description="Goes on the next invoice, or on an invoice now."
          />
          <CardBody>
            <OneOffChargeForm customerId={customerId} taxClasses={taxClasses} />
          </CardBody>
        </Card>
      )}
    </div>
  );
}
