// The signed agreement as a PDF (@react-pdf/renderer, built-in Helvetica, so no font files or
// downloads). The last section is the signing certificate: signature, signer, time, IP, order,
// mandate reference and the SHA-256 document hash that ties them to the content.
import { Document, Image, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { appUrl } from "@/lib/env";
import type { ContractContent } from "./contract-content";

export type SignedMeta = {
  signerName: string;
  signatureImage: string | null;
  typedSignature: string | null;
  signedAtLabel: string;
  signedAtIso: string;
  ip: string | null;
  orderNumber: string;
  accountNumber: string;
  mandateReference: string | null;
  documentHash: string;
  brandColor: string;
  /** Printed on every page of a copy that is not the signed original (e.g. masked for a role). */
  copyNotice?: string;
};

const s = StyleSheet.create({
  page: {
    paddingTop: 42,
    paddingBottom: 56,
    paddingHorizontal: 48,
    fontSize: 9.5,
    fontFamily: "Helvetica",
    color: "#1e293b",
  },
  header: {
    flexDirection: "row",
    justifyContent: "space-between",
    alignItems: "flex-end",
    borderBottomWidth: 2,
    paddingBottom: 8,
    marginBottom: 14,
  },
  brand: { fontSize: 16, fontFamily: "Helvetica-Bold" },
  small: { fontSize: 8, color: "#64748b" },
  h1: { fontSize: 14, fontFamily: "Helvetica-Bold", marginBottom: 10 },
  h2: { fontSize: 10.5, fontFamily: "Helvetica-Bold", marginTop: 12, marginBottom: 5 },
  cols: { flexDirection: "row", gap: 16 },
  col: { flex: 1, padding: 8, backgroundColor: "#f8fafc", borderRadius: 3 },
  label: { fontSize: 7.5, color: "#64748b", textTransform: "uppercase", marginBottom: 2 },
  row: {
    flexDirection: "row",
    borderBottomWidth: 0.5,
    borderBottomColor: "#e2e8f0",
    paddingVertical: 3,
  },
  cellDesc: { flex: 1 },
  cellCharge: { width: 90, color: "#475569" },
  cellAmount: { width: 80, textAlign: "right" },
  totals: {
    flexDirection: "row",
    justifyContent: "space-between",
    paddingTop: 4,
    fontFamily: "Helvetica-Bold",
  },
  // lineHeight goes on text styles, never on the Page: there it blanks react-pdf's render-prop
  // text (the page numbers).
  clause: { marginBottom: 5, textAlign: "justify", lineHeight: "13pt" },
  box: { borderWidth: 1, borderColor: "#cbd5e1", borderRadius: 3, padding: 10, marginTop: 6 },
  signature: { height: 60, objectFit: "contain", marginVertical: 4, alignSelf: "flex-start" },
  typed: { fontSize: 22, fontFamily: "Times-Italic", marginVertical: 8 },
  mono: { fontFamily: "Courier", fontSize: 8 },
  notice: {
    marginBottom: 8,
    padding: 4,
    fontSize: 8,
    color: "#9a3412",
    backgroundColor: "#ffedd5",
    textAlign: "center",
  },
  footerLeft: { position: "absolute", bottom: 24, left: 48, fontSize: 7.5, color: "#94a3b8" },
  footerRight: {
    position: "absolute",
    bottom: 24,
    left: 48,
    right: 48,
    textAlign: "right",
    fontSize: 7.5,
    color: "#94a3b8",
  },
});

function KV({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <View style={{ marginBottom: 4 }}>
      <Text style={s.label}>{label}</Text>
      <Text>{value}</Text>
    </View>
  );
}

function ContractDocument({ c, m }: { c: ContractContent; m: SignedMeta }) {
  return (
    <Document
      title={`${c.title} ${m.orderNumber}`}
      author={c.provider.legalName}
      subject={`Signed by ${m.signerName}`}
    >
      <Page size="A4" style={s.page}>
        <View style={[s.header, { borderBottomColor: m.brandColor }]} fixed>
          <Text style={[s.brand, { color: m.brandColor }]}>{c.provider.name}</Text>
          <Text style={s.small}>
            {c.title} · order {m.orderNumber} · account {m.accountNumber}
          </Text>
        </View>
        <Text style={s.footerLeft} fixed>
          {c.provider.legalName} · {m.orderNumber} · SHA-256 {m.documentHash.slice(0, 16)}…
        </Text>
        {m.copyNotice && (
          <Text style={s.notice} fixed>
            {m.copyNotice}
          </Text>
        )}
        <Text
          style={s.footerRight}
          fixed
          render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`}
        />
        <Text style={s.h1}>{c.title}</Text>
        <View style={s.cols}>
          <View style={s.col}>
            <Text style={s.label}>Provider</Text>
            <Text style={{ fontFamily: "Helvetica-Bold" }}>{c.provider.legalName}</Text>
            {c.provider.registrationNumber && <Text>Reg. {c.provider.registrationNumber}</Text>}
            {c.provider.taxNumber && <Text>Tax no. {c.provider.taxNumber}</Text>}
            <Text>{c.provider.address}</Text>
            <Text>{[c.provider.email, c.provider.phone].filter(Boolean).join(" · ")}</Text>
          </View>
          <View style={s.col}>
            <Text style={s.label}>Customer</Text>
            <Text style={{ fontFamily: "Helvetica-Bold" }}>
              {c.customer.companyName ?? c.customer.name}
            </Text>
            {c.customer.companyName && <Text>Represented by {c.customer.name}</Text>}
            {c.customer.idNumber && (
              <Text>
                {c.customer.type === "BUSINESS" ? "Reg." : "ID"} {c.customer.idNumber}
              </Text>
            )}
            <Text>
              {c.customer.email} · {c.customer.phone}
            </Text>
            <Text>Billing: {c.customer.billingAddress}</Text>
          </View>
        </View>
        <View style={{ marginTop: 8 }}>
          <KV label="Service address" value={c.serviceAddress} />
          <KV label="Installation preference" value={c.installPreference} />
        </View>

        <Text style={s.h2}>Schedule of services and charges</Text>
        {c.schedule.rows.map((r, i) => (
          <View style={s.row} key={i} wrap={false}>
            <Text style={s.cellDesc}>{r.description}</Text>
            <Text style={s.cellCharge}>{r.charge}</Text>
            <Text style={s.cellAmount}>{r.amount}</Text>
          </View>
        ))}
        <View style={s.totals}>
          <Text>Recurring</Text>
          <Text>{c.schedule.recurringTotal}</Text>
        </View>
        <View style={s.totals}>
          <Text>Once-off</Text>
          <Text>{c.schedule.onceOffTotal}</Text>
        </View>
        <Text style={[s.small, { marginTop: 3 }]}>
          {c.schedule.taxNote} Minimum term: {c.schedule.term}.
        </Text>

        <Text style={s.h2}>Terms</Text>
        {c.clauses.map((p, i) => (
          <Text key={i} style={s.clause}>
            {p}
          </Text>
        ))}
        <Text style={s.clause}>
          The terms of service and privacy notice are published at {appUrl()}/terms and {appUrl()}
          /privacy.
        </Text>

        <Text style={s.h2} minPresenceAhead={90}>
          Payment method
        </Text>
        <Text>
          {c.payment.method}: {c.payment.details}
        </Text>
        {c.payment.mandateText && (
          <View style={s.box} wrap={false}>
            <Text style={s.label}>
              Debit order mandate{m.mandateReference ? ` · reference ${m.mandateReference}` : ""}
            </Text>
            <Text>{c.payment.mandateText}</Text>
          </View>
        )}

        <View style={s.box} wrap={false}>
          <Text style={s.label}>Signed electronically</Text>
          {m.signatureImage ? (
            // react-pdf's Image has no alt attribute; the signer's name is printed beneath it.
            // eslint-disable-next-line jsx-a11y/alt-text
            <Image style={s.signature} src={m.signatureImage} />
          ) : (
            <Text style={s.typed}>{m.typedSignature}</Text>
          )}
          <Text style={{ fontFamily: "Helvetica-Bold" }}>{m.signerName}</Text>
          <Text>
            Signed {m.signedAtLabel} ({m.signedAtIso}) from IP address {m.ip ?? "unknown"}
          </Text>
          <Text>
            Order {m.orderNumber} · account {m.accountNumber} · template version {c.templateVersion}
          </Text>
          <Text style={[s.label, { marginTop: 6 }]}>
            Document hash (SHA-256 of the terms, signer, signature, time and IP)
          </Text>
          <Text style={s.mono}>{m.documentHash}</Text>
        </View>
      </Page>
    </Document>
  );
}

/** Renders the PDF; gives up after 20 s so a stuck render cannot hold a transaction open. */
export async function renderContractPdf(
  content: ContractContent,
  meta: SignedMeta,
): Promise<Buffer> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("contract PDF rendering timed out")), 20_000);
  });
  try {
    return await Promise.race([renderToBuffer(<ContractDocument c={content} m={meta} />), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
