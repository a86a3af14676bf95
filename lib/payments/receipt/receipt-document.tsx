// The receipt as a PDF page, in the invoice's look (lib/invoices/pdf/invoice-document.tsx):
// @react-pdf/renderer with the built-in Helvetica only, so nothing is fetched from the network.
/* eslint-disable jsx-a11y/alt-text -- react-pdf's <Image> is a PDF primitive with no alt attribute, not an HTML img */
import { Document, Image, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatMoney } from "@/lib/money/format-money";
import { s as base } from "@/lib/invoices/pdf/document-parts";
import type { ReceiptPdfData } from "./receipt-pdf-data";

// The invoice's styles, plus what only a receipt has.
const s = {
  ...base,
  ...StyleSheet.create({
    cDate: { width: 120 },
    cNum: { width: 90, textAlign: "right" },
    amount: {
      marginTop: 16,
      padding: 10,
      borderWidth: 1,
      borderColor: "#9aa5b1",
      flexDirection: "row",
      justifyContent: "space-between",
      alignItems: "center",
    },
    stamp: {
      position: "absolute",
      top: 300,
      left: 120,
      fontSize: 80,
      color: "#e12d39",
      opacity: 0.3,
      transform: "rotate(-30deg)",
    },
  }),
};

export type ReceiptDocumentProps = { data: ReceiptPdfData; logo: string | null };

export function ReceiptDocument({ data: d, logo }: ReceiptDocumentProps) {
  const { isp, customer } = d;
  const money = (n: number) => formatMoney(n, d.currency, isp.locale);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(isp.locale, {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${iso}T00:00:00Z`));
  const applied = d.allocations.reduce((sum, a) => sum + a.amount, 0);
  const reversed = d.status === "REVERSED";
  return (
    <Document title={`Receipt ${d.number}`} author={isp.name}>
      <Page size="A4" style={s.page}>
        {reversed ? <Text style={s.stamp}>REVERSED</Text> : null}
        <View style={s.between}>
          <View>
            {logo ? (
              <Image src={logo} style={{ width: 120, height: 40, objectFit: "contain" }} />
            ) : (
              <Text style={[s.h1, { color: isp.brandColor }]}>{isp.name}</Text>
            )}
            <Text style={s.bold}>{isp.legalName ?? isp.name}</Text>
            {isp.address.map((l) => (
              <Text key={l}>{l}</Text>
            ))}
            {isp.taxNumber ? <Text>Tax number: {isp.taxNumber}</Text> : null}
            <Text style={s.muted}>
              {[isp.email, isp.phone, isp.website].filter(Boolean).join("  ·  ")}
            </Text>
          </View>
          <View style={{ alignItems: "flex-end" }}>
            <Text style={s.h1}>Receipt</Text>
            <Text style={s.bold}>{d.number}</Text>
            <Text>Received {date(d.receivedOn)}</Text>
            <Text>Account {customer.accountNumber}</Text>
          </View>
        </View>

        <View style={[s.row, s.box]}>
          <View style={{ flex: 1 }}>
            <Text style={s.muted}>Received from</Text>
            <Text style={s.bold}>{customer.name}</Text>
            {customer.address ? <Text>{customer.address}</Text> : null}
            <Text>{customer.email}</Text>
          </View>
          <View style={{ flex: 1 }}>
            <Text style={s.muted}>Payment</Text>
            <Text>Method: {d.method}</Text>
            {d.reference ? <Text>Reference: {d.reference}</Text> : null}
          </View>
        </View>

        <View style={s.amount}>
          <Text style={s.bold}>Amount received</Text>
          <Text style={[s.h1]}>{money(d.amount)}</Text>
        </View>
        {reversed ? (
          <Text style={[s.box, { color: "#e12d39" }]}>
            This payment was reversed{d.reversalReason ? `: ${d.reversalReason}` : ""}. It no longer
            counts towards your account.
          </Text>
        ) : null}

        <View style={s.box}>
          <View style={s.th}>
            <Text style={s.cDesc}>Applied to invoice</Text>
            <Text style={s.cDate}>Issued</Text>
            <Text style={s.cNum}>Amount</Text>
          </View>
          {d.allocations.length === 0 ? (
            <View style={s.tr}>
              <Text style={[s.cDesc, s.muted]}>Not applied to an invoice</Text>
            </View>
          ) : null}
          {d.allocations.map((a) => (
            <View style={s.tr} key={a.invoiceNumber} wrap={false}>
              <Text style={s.cDesc}>{a.invoiceNumber}</Text>
              <Text style={s.cDate}>{date(a.issueDate)}</Text>
              <Text style={s.cNum}>{money(a.amount)}</Text>
            </View>
          ))}
        </View>

        <View style={s.totals}>
          {(
            [
              ["Applied to invoices", applied],
              ["Credit on your account", d.unallocated],
              ...(d.refunded ? [["Refunded", d.refunded]] : []),
              ...(reversed ? [["Reversed", d.amount]] : []),
            ] as [string, number][]
          ).map(([label, v]) => (
            <View style={s.between} key={label}>
              <Text>{label}</Text>
              <Text>{money(v)}</Text>
            </View>
          ))}
          <View style={[s.between, { borderTopWidth: 1, marginTop: 3, paddingTop: 3 }]}>
            <Text style={s.bold}>Amount received</Text>
            <Text style={s.bold}>{money(d.amount)}</Text>
          </View>
        </View>

        {reversed ? null : (
          <Text style={[s.box, s.muted]}>
            Thank you for your payment. Credit on your account is used for your next invoice.
          </Text>
        )}
      </Page>
    </Document>
  );
}
