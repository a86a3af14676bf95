import { ActionForm } from "@/components/admin/action-form";
import { BankTabs } from "@/components/admin/bank-tabs";
import { Card, CardBody } from "@/components/ui/card";
import { Field, Input, Textarea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { listReviewEntries } from "@/lib/bank/list-review-entries";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/money/format-money";
import { getBranding } from "@/lib/settings/get-branding";
import { resolveEntryAction } from "./resolve-entry-action";

export const metadata = { title: "Bank · Review queue" };

export default async function ReviewPage() {
  const actor = await requirePermission("banking:write", "/admin/bank/review");
  const [entries, brand] = await Promise.all([listReviewEntries({ actor }), getBranding()]);
  const money = (n: number, c: string) => formatMoney(n, c, brand.locale);
  return (
    <>
      <PageHeader
        title="Bank"
        description="Credits no rule matched. Match one to a customer (split across invoices if needed), or mark it not ours."
      />
      <BankTabs current="/admin/bank/review" />
      {entries.length === 0 ? (
        <Card>
          <EmptyState title="Nothing to review">
            Every imported credit is matched or dealt with.
          </EmptyState>
        </Card>
      ) : (
        <ul className="space-y-4">
          {entries.map((e) => (
            <li key={e.id}>
              <Card>
                <CardBody className="space-y-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <div className="min-w-0">
                      <p className="truncate font-medium text-slate-900">
                        {e.reference ?? "No reference"}
                      </p>
                      <p className="text-xs text-slate-500">
                        {[e.name, formatDate(e.bookingDate, brand.locale), e.fileName]
                          .filter(Boolean)
                          .join(" · ")}
                      </p>
                    </div>
                    <p className="tabular text-lg font-semibold">{money(e.amount, e.currency)}</p>
                  </div>
                  {e.suggestions.length > 0 && (
                    <div className="flex flex-wrap gap-2" aria-label="Suggestions">
                      {e.suggestions.map((s, i) => (
                        <ActionForm
                          key={i}
                          action={resolveEntryAction}
                          submit={`Match ${s.customer}${s.invoiceNumber ? ` · ${s.invoiceNumber}` : ""}`}
                          variant="secondary"
                          className="space-y-1"
                        >
                          <input type="hidden" name="entryId" value={e.id} />
                          <input type="hidden" name="action" value="match" />
                          <input type="hidden" name="customerId" value={s.customerId} />
                          {s.invoiceId && (
                            <input type="hidden" name="invoiceId" value={s.invoiceId} />
                          )}
                          <p className="text-xs text-slate-500">{s.why}</p>
                        </ActionForm>
                      ))}
                    </div>
                  )}
                  <details className="text-sm">
                    <summary className="cursor-pointer text-brand-700">
                      Match by account number or split
                    </summary>
                    <ActionForm
                      action={resolveEntryAction}
                      submit="Match"
                      className="mt-2 grid gap-2 sm:max-w-md"
                    >
                      <input type="hidden" name="entryId" value={e.id} />
                      <input type="hidden" name="action" value="match" />
                      <Field label="Customer account number" name="customerId">
                        <Input name="customerId" required />
                      </Field>
                      <Field
                        label="Split (optional): one invoice number and amount per line"
                        name="split"
                      >
                        <Textarea
                          name="split"
                          rows={3}
                          placeholder={"INV-000101 250.00\nINV-000102 100.00"}
                        />
                      </Field>
                    </ActionForm>
                  </details>
                  <ActionForm
                    action={resolveEntryAction}
                    submit="Not ours"
                    variant="danger"
                    className="space-y-1"
                  >
                    <input type="hidden" name="entryId" value={e.id} />
                    <input type="hidden" name="action" value="not_ours" />
                  </ActionForm>
                </CardBody>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
