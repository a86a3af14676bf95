// What invoices and credit notes share on paper, so both look the same: styles, the ISP header
// with the document's title, the bill-to block and the formatters.
/* eslint-disable jsx-a11y/alt-text -- react-pdf's <Image> is a PDF primitive with no alt attribute, not an HTML img */
import { Image, StyleSheet, Text, View } from "@react-pdf/renderer";
import Decimal from "decimal.js";
import { formatMoney } from "@/lib/money/format-money";
import { formatDate } from "@/lib/format/dates";
import type { InvoiceSnapshot } from "./invoice-pdf-data";

export const s = StyleSheet.create({
  page: { padding: 36, fontSize: 9, fontFamily: "Helvetica", color: "#1f2933" },
  row: { flexDirection: "row" },
  between: { flexDirection: "row", justifyContent: "space-between" },
  h1: { fontSize: 18, fontFamily: "Helvetica-Bold" },
  bold: { fontFamily: "Helvetica-Bold" },
  muted: { color: "#616e7c" },
  box: { marginTop: 16 },
  th: {
    flexDirection: "row",
    borderBottomWidth: 1,
    borderColor: "#9aa5b1",
    paddingBottom: 3,
    fontFamily: "Helvetica-Bold",
  },
  tr: { flexDirection: "row", borderBottomWidth: 0.5, borderColor: "#e4e7eb", paddingVertical: 3 },
  cDesc: { flex: 1 },
  cPeriod: { width: 120 },
  cNum: { width: 62, textAlign: "right" },
  totals: { marginTop: 8, marginLeft: "auto", width: 230 },
  footer: { borderTopWidth: 0.5, borderColor: "#9aa5b1", paddingTop: 8 },
  watermark: {
    position: "absolute",
    top: 300,
    left: 150,
    fontSize: 80,
    color: "#f0b429",
    opacity: 0.3,
    transform: "rotate(-30deg)",
  },
});

export function formatters(locale: string, currency: string) {
  return {
    money: (n: number) => formatMoney(n, currency, locale),
    date: (iso: string) => formatDate(iso, locale),
    rate: (r: string) => `${new Decimal(r).toString()}%`,
  };
}

/** The ISP (logo or name, legal details) on the left; the document's title and facts on the right. */
export function DocumentHeader({
  isp,
  logo,
  title,
  facts,
}: {
  isp: InvoiceSnapshot["isp"];
  logo: string | null;
  title: string;
  facts: string[];
}) {
  return (
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
        {isp.registrationNumber ? <Text>Registration: {isp.registrationNumber}</Text> : null}
        <Text style={s.muted}>
          {[isp.email, isp.phone, isp.website].filter(Boolean).join("  ·  ")}
        </Text>
      </View>
      <View style={{ alignItems: "flex-end" }}>
        <Text style={s.h1}>{title}</Text>
        {facts.map((f, i) => (
          <Text key={f} style={i === 0 ? s.bold : undefined}>
            {f}
          </Text>
        ))}
      </View>
    </View>
  );
}

export function BillTo({
  customer,
  serviceAddresses = [],
}: {
  customer: InvoiceSnapshot["customer"];
  serviceAddresses?: string[];
}) {
  const name = customer.companyName ?? `${customer.firstName} ${customer.lastName}`;
  const a = customer.address;
  return (
    <View style={[s.row, s.box]}>
      <View style={{ flex: 1 }}>
        <Text style={s.muted}>Bill to</Text>
        <Text style={s.bold}>{name}</Text>
        {a ? (
          <Text>
            {[a.line1, a.line2, a.suburb, a.city, a.postalCode].filter(Boolean).join(", ")}
          </Text>
        ) : null}
        <Text>{customer.email}</Text>
        {customer.taxNumber ? <Text>Tax number: {customer.taxNumber}</Text> : null}
      </View>
      {serviceAddresses.length ? (
        <View style={{ flex: 1 }}>
          <Text style={s.muted}>Service address</Text>
          {serviceAddresses.map((x) => (
            <Text key={x}>{x}</Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** Label/amount rows right-aligned under a table; the last one bold above a rule. */
export function Totals({ rows, total }: { rows: [string, string][]; total: [string, string] }) {
  return (
    <View style={s.totals}>
      {rows.map(([label, v]) => (
        <View style={s.between} key={label}>
          <Text>{label}</Text>
          <Text>{v}</Text>
        </View>
      ))}
      <View style={[s.between, { borderTopWidth: 1, marginTop: 3, paddingTop: 3 }]}>
        <Text style={s.bold}>{total[0]}</Text>
        <Text style={s.bold}>{total[1]}</Text>
      </View>
    </View>
  );
}
