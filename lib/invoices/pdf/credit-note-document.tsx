// The credit note as a PDF page: the invoice's look, the invoice it corrects, the amounts credited
// and where the customer's account stands after it.
import { Document, Page, Text, View } from "@react-pdf/renderer";
import { describePayment } from "@/lib/payment-methods/describe-payment";
import type { CreditNotePdfData } from "./credit-note-pdf-data";
import { BillTo, DocumentHeader, formatters, s, Totals } from "./document-parts";

export type CreditNoteDocumentProps = { data: CreditNotePdfData; logo: string | null };

export function CreditNoteDocument({ data: d, logo }: CreditNoteDocumentProps) {
  const { isp, customer } = d.snapshot;
  const { money, date } = formatters(isp.locale, d.currency);
  return (
    <Document title={`Credit note ${d.number}`} author={isp.name}>
      <Page size="A4" style={s.page}>
        <DocumentHeader
          isp={isp}
          logo={logo}
          title={isp.taxNumber ? "Tax credit note" : "Credit note"}
          facts={[
            d.number,
            `Issued ${date(d.issueDate)}`,
            `For invoice ${d.invoice.number} of ${date(d.invoice.issueDate)}`,
            `Account ${customer.accountNumber}`,
          ]}
        />
        <BillTo customer={customer} />

        <View style={s.box}>
          <View style={s.th}>
            <Text style={s.cDesc}>Description</Text>
            <Text style={s.cNum}>Excl. tax</Text>
            <Text style={s.cNum}>Tax</Text>
            <Text style={s.cNum}>Total</Text>
          </View>
          <View style={s.tr} wrap={false}>
            <Text style={s.cDesc}>
              Credit on invoice {d.invoice.number} ({money(d.invoice.total)}): {d.reason}
            </Text>
            <Text style={s.cNum}>{money(-d.netAmount)}</Text>
            <Text style={s.cNum}>{money(-d.taxAmount)}</Text>
            <Text style={s.cNum}>{money(-d.total)}</Text>
          </View>
        </View>

        <Totals
          rows={[
            ["Subtotal (excl. tax)", money(-d.netAmount)],
            ["Tax", money(-d.taxAmount)],
          ]}
          total={["Total credited", money(-d.total)]}
        />

        <View style={[s.box, s.footer]}>
          <Text style={s.bold}>Your account</Text>
          {d.balanceAfter > 0 ? (
            <>
              <Text>Balance after this credit note: {money(d.balanceAfter)}.</Text>
              <Text>{describePayment(d.payment)}</Text>
            </>
          ) : d.balanceAfter < 0 ? (
            <Text>
              Your account is in credit by {money(-d.balanceAfter)}; it is set against your next
              invoice.
            </Text>
          ) : (
            <Text>Your account is settled: nothing to pay.</Text>
          )}
        </View>
      </Page>
    </Document>
  );
}
