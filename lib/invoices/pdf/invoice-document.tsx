// The invoice as a PDF page (@react-pdf/renderer, built-in Helvetica only: no network fonts).
/* eslint-disable jsx-a11y/alt-text -- react-pdf's <Image> is a PDF primitive with no alt attribute, not an HTML img */
import { Document, Image, Page, Text, View } from "@react-pdf/renderer";
import { describePayment } from "@/lib/payment-methods/describe-payment";
import { BillTo, DocumentHeader, formatters, s, Totals } from "./document-parts";
import type { InvoicePdfData } from "./invoice-pdf-data";

export type InvoiceDocumentProps = { data: InvoicePdfData; qr: string | null; logo: string | null };

export function InvoiceDocument({ data: d, qr, logo }: InvoiceDocumentProps) {
  const { isp, customer } = d.snapshot;
  const { money, date, rate } = formatters(isp.locale, d.currency);
  const due = d.broughtForward + d.total;
  const bank = isp.bank;
  return (
    <Document title={`Invoice ${d.number ?? "draft"}`} author={isp.name}>
      <Page size="A4" style={s.page}>
        {d.status === "DRAFT" ? <Text style={s.watermark}>DRAFT</Text> : null}
        <DocumentHeader
          isp={isp}
          logo={logo}
          title={isp.taxNumber ? "Tax invoice" : "Invoice"}
          facts={[
            d.number ?? "Draft",
            `Issued ${date(d.issueDate)}`,
            `Due ${date(d.dueDate)}`,
            `Account ${customer.accountNumber}`,
          ]}
        />
        <BillTo customer={customer} serviceAddresses={d.serviceAddresses} />

        <View style={s.box}>
          <View style={s.th}>
            <Text style={s.cDesc}>Description</Text>
            <Text style={s.cPeriod}>Period</Text>
            <Text style={s.cNum}>Tax rate</Text>
            <Text style={s.cNum}>Excl. tax</Text>
            <Text style={s.cNum}>Tax</Text>
            <Text style={s.cNum}>Total</Text>
          </View>
          {d.lines.map((l, i) => (
            <View style={s.tr} key={i} wrap={false}>
              <Text style={s.cDesc}>
                {l.description}
                {l.quantity !== "1" ? ` × ${l.quantity}` : ""}
              </Text>
              <Text style={s.cPeriod}>
                {l.periodStart
                  ? l.periodLast
                    ? `${date(l.periodStart)} – ${date(l.periodLast)}`
                    : date(l.periodStart)
                  : ""}
              </Text>
              <Text style={s.cNum}>{rate(l.taxRate)}</Text>
              <Text style={s.cNum}>{money(l.netAmount)}</Text>
              <Text style={s.cNum}>{money(l.taxAmount)}</Text>
              <Text style={s.cNum}>{money(l.totalAmount)}</Text>
            </View>
          ))}
        </View>

        <View style={s.between}>
          <View style={{ marginTop: 8, width: 220 }}>
            <Text style={s.bold}>Tax summary</Text>
            {d.taxes.map((t) => (
              <View style={s.between} key={t.rate}>
                <Text>
                  {rate(t.rate)} on {money(t.netAmount)}
                </Text>
                <Text>{money(t.taxAmount)}</Text>
              </View>
            ))}
          </View>
          <View>
            <Totals
              rows={[
                ["Subtotal (excl. tax)", money(d.subtotal)],
                ["Tax", money(d.taxTotal)],
                ["Invoice total", money(d.total)],
                [`Balance brought forward`, money(d.broughtForward)],
              ]}
              total={[`Amount due by ${date(d.dueDate)}`, money(Math.max(due, 0))]}
            />
            {due < 0 ? (
              <Text style={[s.muted, { marginLeft: "auto", width: 230 }]}>
                Your account is in credit by {money(-due)}.
              </Text>
            ) : null}
          </View>
        </View>

        <View style={[s.row, s.box, s.footer]}>
          <View style={{ flex: 1 }}>
            <Text style={s.bold}>How to pay</Text>
            {due <= 0 ? (
              <Text>Nothing to pay.</Text>
            ) : d.payment.kind !== "EFT" ? (
              <>
                <Text>{describePayment(d.payment, date(d.dueDate))}</Text>
                <Text style={s.muted}>Account reference: {customer.paymentReference}</Text>
              </>
            ) : (
              <>
                <Text>
                  Payment reference: <Text style={s.bold}>{customer.paymentReference}</Text> (always
                  quote it)
                </Text>
                {bank.accountNumber || bank.iban ? (
                  <>
                    <Text>
                      Bank: {bank.name ?? ""} Account name: {bank.accountName ?? isp.name}
                    </Text>
                    {bank.accountNumber ? (
                      <Text>
                        Account number: {bank.accountNumber}
                        {bank.branchCode ? `   Branch code: ${bank.branchCode}` : ""}
                      </Text>
                    ) : null}
                    {bank.iban ? (
                      <Text>
                        IBAN: {bank.iban}
                        {bank.bic ? `   BIC: ${bank.bic}` : ""}
                      </Text>
                    ) : null}
                  </>
                ) : null}
                <Text>Or pay online: {d.payUrl}</Text>
                {d.pixCopiaECola ? (
                  <>
                    <Text style={s.bold}>Pix (QR code, or copia e cola):</Text>
                    <Text style={s.muted}>{d.pixCopiaECola}</Text>
                  </>
                ) : null}
              </>
            )}
          </View>
          {qr ? <Image src={qr} style={{ width: 80, height: 80 }} /> : null}
        </View>
      </Page>
    </Document>
  );
}
