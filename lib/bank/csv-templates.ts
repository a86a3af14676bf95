// Collection files for banks without ISO 20022: a template is a list of fields, written either
// delimited (CSV) or fixed-width (the host-to-host layouts South African banks take for debit
// orders and DebiCheck). Adding a bank = adding a template here; the rows come from the same
// collection items as the pain.008.
import { formatMinor } from "./amounts";

export type CsvRow = {
  endToEndId: string;
  mandateReference: string;
  accountHolder: string;
  account: string;
  branchCode: string;
  accountType: string;
  amount: number;
  collectionDate: string;
  sequenceType: string;
  reference: string;
};

type Field = {
  header: string;
  value: (r: CsvRow) => string;
  /** Fixed-width templates: width, and how to pad (numbers right-aligned with zeros). */
  width?: number;
  numeric?: boolean;
};

type Template = {
  label: string;
  delimiter?: string;
  header: boolean;
  fields: Field[];
  /** Optional trailer line (fixed-width files end with a count and total). */
  trailer?: (rows: CsvRow[]) => string;
};

const cents = (n: number) => String(n);

export const CSV_TEMPLATES = {
  generic: {
    label: "CSV (one line per debit)",
    delimiter: ",",
    header: true,
    fields: [
      { header: "end_to_end_id", value: (r) => r.endToEndId },
      { header: "mandate_reference", value: (r) => r.mandateReference },
      { header: "account_holder", value: (r) => r.accountHolder },
      { header: "account", value: (r) => r.account },
      { header: "branch_code", value: (r) => r.branchCode },
      { header: "account_type", value: (r) => r.accountType },
      { header: "amount", value: (r) => formatMinor(r.amount) },
      { header: "collection_date", value: (r) => r.collectionDate },
      { header: "sequence", value: (r) => r.sequenceType },
      { header: "reference", value: (r) => r.reference },
    ],
  },
  "za-fixed": {
    label: "Fixed width (South African host-to-host layout)",
    header: false,
    fields: [
      { header: "record", value: () => "10", width: 2 },
      { header: "branch", value: (r) => r.branchCode, width: 6, numeric: true },
      { header: "account", value: (r) => r.account, width: 11, numeric: true },
      {
        header: "type",
        value: (r) => ({ SAVINGS: "2", TRANSMISSION: "3" })[r.accountType] ?? "1",
        width: 1,
      },
      { header: "amount", value: (r) => cents(r.amount), width: 11, numeric: true },
      { header: "date", value: (r) => r.collectionDate.replace(/-/g, "").slice(2), width: 6 },
      { header: "holder", value: (r) => r.accountHolder.toUpperCase(), width: 30 },
      { header: "reference", value: (r) => r.endToEndId, width: 30 },
      { header: "mandate", value: (r) => r.mandateReference, width: 22 },
    ],
    trailer: (rows) =>
      `92${String(rows.length).padStart(6, "0")}${String(rows.reduce((s, r) => s + r.amount, 0)).padStart(15, "0")}`,
  },
} satisfies Record<string, Template>;

export const CSV_TEMPLATE_NAMES = Object.keys(CSV_TEMPLATES) as [
  keyof typeof CSV_TEMPLATES,
  ...(keyof typeof CSV_TEMPLATES)[],
];

const quote = (v: string, d: string) =>
  /["\r\n]/.test(v) || v.includes(d) ? `"${v.replace(/"/g, '""')}"` : v;

function fixed(f: Field, value: string) {
  const v = value.replace(/[\r\n]/g, " ");
  if (!f.width) return v;
  return f.numeric
    ? v.slice(-f.width).padStart(f.width, "0")
    : v.slice(0, f.width).padEnd(f.width, " ");
}

export function renderCsvTemplate(name: keyof typeof CSV_TEMPLATES, rows: CsvRow[]): string {
  const t: Template = CSV_TEMPLATES[name];
  const lines: string[] = [];
  if (t.delimiter !== undefined) {
    const d = t.delimiter;
    if (t.header) lines.push(t.fields.map((f) => f.header).join(d));
    for (const r of rows) lines.push(t.fields.map((f) => quote(f.value(r), d)).join(d));
  } else {
    for (const r of rows) lines.push(t.fields.map((f) => fixed(f, f.value(r))).join(""));
    if (t.trailer) lines.push(t.trailer(rows));
  }
  return lines.join("\r\n") + "\r\n";
}

/** Every collection file format with its label, for the settings form's choice. */
export function collectionFormatOptions(): [string, string][] {
  return [
    ["pain.008.001.08", "ISO 20022 pain.008.001.08 (SEPA, current)"],
    ["pain.008.001.02", "ISO 20022 pain.008.001.02 (older banks)"],
    ...CSV_TEMPLATE_NAMES.map((n): [string, string] => [`csv:${n}`, CSV_TEMPLATES[n].label]),
  ];
}
