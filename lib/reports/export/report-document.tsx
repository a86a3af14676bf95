// A report as a printable table (PDF): title, the ISP's name, the period, one table.
import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";

const styles = StyleSheet.create({
  page: { padding: 32, fontSize: 9, fontFamily: "Helvetica" },
  title: { fontSize: 16, marginBottom: 4, fontFamily: "Helvetica-Bold" },
  sub: { color: "#475569", marginBottom: 16 },
  row: { flexDirection: "row", borderBottom: "0.5pt solid #cbd5e1", paddingVertical: 3 },
  head: { fontFamily: "Helvetica-Bold", borderBottom: "1pt solid #0f172a" },
  total: { fontFamily: "Helvetica-Bold", borderTop: "1pt solid #0f172a" },
  cell: { flex: 1, paddingHorizontal: 2 },
  first: { flex: 2, paddingHorizontal: 2 },
  num: { textAlign: "right" },
});

type Style = NonNullable<React.ComponentProps<typeof View>["style"]>;

export type ReportTable = {
  title: string;
  subtitle: string;
  header: string[];
  rows: string[][];
  /** Rows drawn in bold with a rule above (totals). */
  totals: string[][];
};

export function ReportDocument({ table }: { table: ReportTable }) {
  const line = (cells: string[], extra: Style, key: string) => (
    <View key={key} style={[styles.row, extra]} wrap={false}>
      {cells.map((c, i) => (
        <Text key={i} style={i === 0 ? styles.first : [styles.cell, styles.num]}>
          {c}
        </Text>
      ))}
    </View>
  );
  return (
    <Document title={table.title}>
      <Page size="A4" orientation="landscape" style={styles.page}>
        <Text style={styles.title}>{table.title}</Text>
        <Text style={styles.sub}>{table.subtitle}</Text>
        {line(table.header, styles.head, "head")}
        {table.rows.map((r, i) => line(r, {}, `r${i}`))}
        {table.totals.map((r, i) => line(r, styles.total, `t${i}`))}
      </Page>
    </Document>
  );
}
