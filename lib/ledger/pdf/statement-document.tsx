// A statement on paper, in the invoice's look (lib/invoices/pdf/document-parts.tsx): the ISP,
// the customer, the balance brought forward, every ledger entry in the range with the running
// balance, and the closing balance.
import { Document, Page, Text, View } from "@react-pdf/renderer";
import { BillTo, DocumentHeader, Totals, formatters, s } from "@/lib/invoices/pdf/document-parts";
import type { InvoiceSnapshot } from "@/lib/invoices/pdf/invoice-pdf-data";

export type StatementPdfData = {
  isp: InvoiceSnapshot["isp"];
  customer: InvoiceSnapshot["customer"];
  currency: string;
  from: string;
  to: string;
  issued: string;
  opening: number;
  closing: number;
  lines: { effectiveDate: string; description: string; amount: number; balance: number }[];
};

export function StatementDocument({ data, logo }: { data: StatementPdfData; logo: string | null }) {
  const f = formatters(data.isp.locale, data.currency);
  return (
    <Document title={`Statement ${data.from} to ${data.to}`}>
      <Page size="A4" style={s.page}>
        <DocumentHeader
          isp={data.isp}
          logo={logo}
          title="Statement"
          facts={[
            `Account ${data.customer.accountNumber}`,
            `${f.date(data.from)} – ${f.date(data.to)}`,
            `Issued ${f.date(data.issued)}`,
          ]}
        />
        <BillTo customer={data.customer} />
        <View style={s.box}>
          <View style={s.th}>
            <Text style={{ width: 70 }}>Date</Text>
            <Text style={s.cDesc}>Description</Text>
            <Text style={s.cNum}>Amount</Text>
            <Text style={s.cNum}>Balance</Text>
          </View>
          <View style={s.tr}>
            <Text style={{ width: 70 }}>{f.date(data.from)}</Text>
            <Text style={s.cDesc}>Balance brought forward</Text>
            <Text style={s.cNum} />
            <Text style={s.cNum}>{f.money(data.opening)}</Text>
          </View>
          {data.lines.map((l, i) => (
            <View style={s.tr} key={i} wrap={false}>
              <Text style={{ width: 70 }}>{f.date(l.effectiveDate)}</Text>
              <Text style={s.cDesc}>{l.description}</Text>
              <Text style={s.cNum}>{f.money(l.amount)}</Text>
              <Text style={s.cNum}>{f.money(l.balance)}</Text>
            </View>
          ))}
        </View>
        <Totals
          rows={[["Brought forward", f.money(data.opening)]]}
          total={[data.closing < 0 ? "In credit" : "Balance due", f.money(Math.abs(data.closing))]}
        />
        <Text style={[s.muted, { marginTop: 16 }]}>
          Positive amounts are charges; negative amounts are payments and credits.
        </Text>
      </Page>
    </Document>
  );
}
