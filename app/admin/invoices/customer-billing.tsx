// The billing side of one customer: balance from the ledger, subscriptions with next bill date
// and price, the statement, and a one-off charge form for ACCOUNTS.
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { StatusBadge } from "@/components/ui/status-badge";
import { can, type Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format/dates";
import { perInterval } from "@/lib/format/labels";
import { getCustomerBilling } from "@/lib/invoices/get-customer-billing";
import { listTaxClasses } from "@/lib/invoices/list-tax-classes";
import { getStatement } from "@/lib/ledger/get-statement";
import { formatMoney } from "@/lib/money/format-money";
import { getBranding } from "@/lib/settings/get-branding";
import { OneOffChargeForm } from "./one-off-charge-form";

export async function CustomerBilling({ customerId, actor }: { customerId: string; actor: Actor }) {
  const canCharge = can(actor, "billing:charge");
  const loaded = await Promise.all([
    getCustomerBilling({ customerId, actor }),
    getStatement({ customerId, actor }),
    getBranding(),
    canCharge ? listTaxClasses({ actor }) : [],
  ]).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  });
  if (!loaded) return null;
  const [billing, statement, brand, taxClasses] = loaded;
  const { customer } = billing;
  const date = (d: string | null) => formatDate(d, brand.locale);
  const money = (n: number) => formatMoney(n, billing.currency, brand.locale);
  const lines = statement.lines.slice(-15);
  return (
    <div className="mb-6 grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader
          title={`${customer.name} · ${customer.accountNumber}`}
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
                  <Td>
                    <StatusBadge kind="subscription" status={s.status} />
                  </Td>
                  <Td className="tabular">{date(s.nextBillDate)}</Td>
                  <Td className="tabular">{date(s.cancelAt)}</Td>
                  <Td numeric>
                    {money(s.price)} {perInterval(s.interval)}
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
                  <Td className="tabular">{date(l.effectiveDate)}</Td>
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
      {canCharge && (
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
