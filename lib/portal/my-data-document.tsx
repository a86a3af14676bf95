// The "download my data" export on paper: the same records as the JSON, one section per kind,
// each record on a line of "field: value" pairs, so a person can read what we hold.
import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { MyDataExport } from "./export-my-data";

const s = StyleSheet.create({
  page: { padding: 36, fontSize: 9, fontFamily: "Helvetica", color: "#1f2933" },
  h1: { fontSize: 18, fontFamily: "Helvetica-Bold" },
  h2: { fontSize: 11, fontFamily: "Helvetica-Bold", marginTop: 14, marginBottom: 4 },
  row: { borderBottomWidth: 0.5, borderColor: "#e4e7eb", paddingVertical: 3 },
  muted: { color: "#616e7c" },
});

function show(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object")
    return Object.entries(v)
      .map(([k, x]) => `${k} ${show(x)}`)
      .join(", ");
  return String(v);
}

const line = (r: Record<string, unknown>) =>
  Object.entries(r)
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join("  ·  ");

const SECTIONS: [keyof MyDataExport, string][] = [
  ["services", "Services"],
  ["orders", "Orders"],
  ["contracts", "Signed agreements"],
  ["invoices", "Invoices"],
  ["creditNotes", "Credit notes"],
  ["payments", "Payments"],
  ["paymentMethods", "Payment methods (masked)"],
  ["messages", "Messages we sent you"],
];

export function MyDataDocument({ data, ispName }: { data: MyDataExport; ispName: string }) {
  const { customer } = data;
  return (
    <Document title={`Your data held by ${ispName}`}>
      <Page size="A4" style={s.page}>
        <Text style={s.h1}>Your data held by {ispName}</Text>
        <Text style={s.muted}>Exported {data.exportedAt}</Text>
        <Text style={s.h2}>Your details</Text>
        {Object.entries(customer).map(([k, v]) => (
          <Text key={k} style={s.row}>
            {k}: {show(v)}
          </Text>
        ))}
        {SECTIONS.map(([key, title]) => {
          const rows = data[key] as Record<string, unknown>[];
          return (
            <View key={key} wrap>
              <Text style={s.h2}>
                {title} ({rows.length})
              </Text>
              {rows.length === 0 ? (
                <Text style={s.muted}>None.</Text>
              ) : (
                rows.map((r, i) => (
                  <Text key={i} style={s.row}>
                    {line(r)}
                  </Text>
                ))
              )}
            </View>
          );
        })}
      </Page>
    </Document>
  );
}
