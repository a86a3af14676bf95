import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireCustomer } from "@/lib/auth/session";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money/format-money";
import { getBranding } from "@/lib/settings/get-branding";
import { StatusBadge } from "@/components/ui/status-badge";
import { todayForIsp } from "@/lib/billing/billing-settings";
import { formatDate, formatPeriod } from "@/lib/format/dates";
import { formatPercent } from "@/lib/format/numbers";
import { invoiceDisplayStatus } from "@/lib/format/status";
import { describePayment } from "@/lib/payment-methods/describe-payment";
import { getPaymentInstructions } from "@/lib/payment-methods/get-payment-instructions";
import { PayOptionsCard } from "@/components/payments/pay-options-card";
import { paymentQrDataUrl } from "@/lib/invoices/pdf/payment-qr";
import { getPayOptions } from "@/lib/payments/rails/get-pay-options";
import { createPixChargeAction } from "./create-pix-charge-action";
import { startMpesaPromptAction } from "./start-mpesa-prompt-action";

export const metadata = { title: "Invoice" };

export default async function PortalInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireCustomer(`/portal/invoices/${id}`);
  const inv = await getInvoice({ invoiceId: id, actor }).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const [brand, today, pays, payOptions] = await Promise.all([
    getBranding(),
    todayForIsp(),
    getPaymentInstructions({ actor, customerId: actor.customerId }),
    getPayOptions({ actor, invoiceId: id }),
  ]);
  const pixCode = payOptions.options.find((o) => o.kind === "PIX_STATIC")?.copiaECola;
  const pixQr = pixCode ? await paymentQrDataUrl(pixCode) : null;
  const boletoCode = payOptions.options.find((o) => o.kind === "BOLETO_HIBRIDO")?.copiaECola;
  const boletoQr = boletoCode ? await paymentQrDataUrl(boletoCode) : null;
  const money = (n: number) => formatMoney(n, inv.currency, brand.locale);
  return (
    <div className="space-y-6">
      <Link href="/portal/invoices" className="text-sm font-medium text-brand-700 hover:underline">
        ← Invoices
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Invoice {inv.number}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-slate-500">
            <StatusBadge kind="invoice" status={invoiceDisplayStatus(inv, today)} /> Issued{" "}
            {formatDate(inv.issueDate, brand.locale)} · due {formatDate(inv.dueDate, brand.locale)}
          </p>
        </div>
        <div className="flex items-center gap-4 text-sm font-medium">
          {(inv.status === "OPEN" || inv.status === "PARTIALLY_PAID") && (
            <Link
              href={`/portal/pay?invoice=${inv.id}`}
              className="rounded-md bg-brand-700 px-3 py-1.5 text-white hover:bg-brand-600"
            >
              Pay now
            </Link>
          )}
          <a
            href={`/api/invoices/${inv.id}/pdf`}
            target="_blank"
            rel="noreferrer"
            className="text-brand-700 hover:underline"
          >
            View PDF
          </a>
          <a
            href={`/api/invoices/${inv.id}/pdf?download=1`}
            className="text-brand-700 hover:underline"
          >
            Download
          </a>
        </div>
      </div>
      <Card>
        <Table>
          <thead className="bg-slate-50">
            <tr>
              <Th>Description</Th>
              <Th>Period</Th>
              <Th numeric>Tax</Th>
              <Th numeric>Amount</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {inv.lines.map((l) => (
              <tr key={l.id}>
                <Td className="whitespace-normal">{l.description}</Td>
                <Td className="tabular">
                  {l.periodStart && formatPeriod(l.periodStart, l.periodEnd, brand.locale)}
                </Td>
                <Td numeric>{money(l.taxAmount)}</Td>
                <Td numeric>{money(l.totalAmount)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <CardBody className="space-y-1 border-t border-slate-200 text-right text-sm">
          <p className="text-slate-500">
            Subtotal (excl. tax) <span className="tabular">{money(inv.subtotal)}</span>
          </p>
          {inv.taxes.map((t) => (
            <p key={t.rate} className="text-slate-500">
              Tax {formatPercent(t.rate, brand.locale)}:{" "}
              <span className="tabular">{money(t.taxAmount)}</span>
            </p>
          ))}
          <p className="font-semibold">
            Total <span className="tabular">{money(inv.total)}</span>
          </p>
          {inv.amountPaid + inv.amountCredited > 0 && (
            <p className="text-slate-600">
              Paid or credited{" "}
              <span className="tabular">{money(inv.amountPaid + inv.amountCredited)}</span>
            </p>
          )}
          <p className="text-base font-semibold">
            To pay <span className="tabular">{money(inv.amountDue)}</span>
          </p>
        </CardBody>
      </Card>
      {inv.amountDue > 0 && (
        <Card>
          <CardBody className="text-sm text-slate-700">
            {describePayment(pays.instructions, formatDate(inv.dueDate, brand.locale))}
            {pays.instructions.kind === "EFT" ? " The bank details are on the PDF." : ""}
          </CardBody>
        </Card>
      )}
      <PayOptionsCard
        invoiceId={inv.id}
        options={payOptions.options}
        pixQr={pixQr}
        boletoQr={boletoQr}
        phone={inv.customer?.phone ?? null}
        locale={brand.locale}
        startMpesa={startMpesaPromptAction}
        createPix={createPixChargeAction}
      />
      {inv.creditNotes.length > 0 && (
        <Card>
          <CardBody className="space-y-1 text-sm">
            <p className="font-medium text-slate-900">Credit notes on this invoice</p>
            {inv.creditNotes.map((c) => (
              <p key={c.id} className="flex flex-wrap justify-between gap-2">
                <a
                  href={`/api/credit-notes/${c.id}/pdf`}
                  target="_blank"
                  rel="noreferrer"
                  className="font-mono text-xs font-semibold text-brand-700 hover:underline"
                >
                  {c.number}
                </a>
                <span className="text-slate-600">{c.reason}</span>
                <span className="tabular">{money(-c.total)}</span>
              </p>
            ))}
          </CardBody>
        </Card>
      )}
    </div>
  );
}
