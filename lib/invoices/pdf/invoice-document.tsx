// The invoice as a PDF page (@react-pdf/renderer, built-in Helvetica only: no network fonts).
/* eslint-disable jsx-a11y/alt-text -- react-pdf's <Image> is a PDF primitive with no alt attribute, not an HTML img */
import { Document, Image, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import Decimal from "decimal.js";
import { formatMoney } from "@/lib/money/format-money";
import type { InvoicePdfData } from "./invoice-pdf-data";

const s = StyleSheet.create({
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
  draft: {
    position: "absolute",
    top: 300,
    left: 150,
    fontSize: 80,
    color: "#f0b429",
    opacity: 0.3,
    transform: "rotate(-30deg)",
  },
});

export type InvoiceDocumentProps = { data: InvoicePdfData; qr: string | null; logo: string | null };

export function InvoiceDocument({ data: d, qr, logo }: InvoiceDocumentProps) {
  const { isp, customer } = d.snapshot;
  const money = (n: number) => formatMoney(n, d.currency, isp.locale);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(isp.locale, {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${iso}T00:00:00Z`));
  const name = customer.companyName ?? `${customer.firstName} ${customer.lastName}`;
  const due = d.broughtForward + d.total;
  const rate = (r: string) => `${new Decimal(r).toString()}%`;
  const bank = isp.bank;
  return (
    <Document title={`Invoice ${d.number ?? "draft"}`} author={isp.name}>
      <Page size="A4" style={s.page}>
        {d.status === "DRAFT" ? <Text style={s.draft}>DRAFT</Text> : null}
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
            <Text style={s.h1}>{isp.taxNumber ? "Tax invoice" : "Invoice"}</Text>
            <Text style={s.bold}>{d.number ?? "Draft"}</Text>
            <Text>Issued {date(d.issueDate)}</Text>
            <Text>Due {date(d.dueDate)}</Text>
            <Text>Account {customer.accountNumber}</Text>
          </View>
        </View>

        <View style={[s.row, s.box]}>
          <View style={{ flex: 1 }}>
            <Text style={s.muted}>Bill to</Text>
            <Text style={s.bold}>{name}</Text>
            {customer.address ? (
              <Text>
                {[
                  customer.address.line1,
                  customer.address.line2,
                  customer.address.suburb,
                  customer.address.city,
                  customer.address.postalCode,
                ]
                  .filter(Boolean)
                  .join(", ")}
              </Text>
            ) : null}
            <Text>{customer.email}</Text>
            {customer.taxNumber ? <Text>Tax number: {customer.taxNumber}</Text> : null}
          </View>
          {d.serviceAddresses.length ? (
            <View style={{ flex: 1 }}>
              <Text style={s.muted}>Service address</Text>
              {d.serviceAddresses.map((a) => (
                <Text key={a}>{a}</Text>
              ))}
            </View>
          ) : null}
        </View>

        <View style={s.box}>
          <View style={s.th}>
            <Text style={s.cDesc}>Description</Text>
            <Text style={s.cPeriod}>Period</Text>
            <Text style={s.cNum}>Tax rate</Text>
            <Text style={s.cNum}>{isp.pricesIncludeTax ? "Excl. tax" : "Amount"}</Text>
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
          <View style={s.totals}>
            {[
              ["Subtotal (excl. tax)", d.subtotal],
              ["Tax", d.taxTotal],
              ["Invoice total", d.total],
              ["Balance brought forward", d.broughtForward],
            ].map(([label, v]) => (
              <View style={s.between} key={label as string}>
                <Text>{label}</Text>
                <Text>{money(v as number)}</Text>
              </View>
            ))}
            <View style={[s.between, { borderTopWidth: 1, marginTop: 3, paddingTop: 3 }]}>
              <Text style={s.bold}>Amount due by {date(d.dueDate)}</Text>
              <Text style={s.bold}>{money(Math.max(due, 0))}</Text>
            </View>
            {due < 0 ? (
              <Text style={s.muted}>Your account is in credit by {money(-due)}.</Text>
            ) : null}
          </View>
        </View>

        <View
          style={[s.row, s.box, { borderTopWidth: 0.5, borderColor: "#9aa5b1", paddingTop: 8 }]}
        >
          <View style={{ flex: 1 }}>
            <Text style={s.bold}>How to pay</Text>
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
          </View>
          {qr ? <Image src={qr} style={{ width: 80, height: 80 }} /> : null}
        </View>
      </Page>
    </Document>
  );
}
