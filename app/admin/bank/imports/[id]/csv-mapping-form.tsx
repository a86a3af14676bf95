import { ActionForm } from "@/components/admin/action-form";
import { Field, Input, Select } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { mapCsvAction } from "./map-csv-action";

type Preview = { header: string[]; rows: string[][]; guess: Record<string, string | undefined> };

const FIELDS = [
  ["date", "Date", true],
  ["amount", "Amount (signed)", false],
  ["credit", "…or credit column", false],
  ["debit", "…and debit column", false],
  ["reference", "Reference", true],
  ["payer", "Payer name", false],
  ["balance", "Balance", false],
] as const;

/** First import of a bank's CSV: its first rows, and the columns to confirm (saved per bank). */
export function CsvMappingForm({ fileId, preview }: { fileId: string; preview: Preview }) {
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto">
        <Table>
          <thead className="bg-slate-50">
            <tr>
              {preview.header.map((h) => (
                <Th key={h}>{h}</Th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.rows.map((r, i) => (
              <tr key={i}>
                {preview.header.map((_, j) => (
                  <Td key={j}>{r[j]}</Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <ActionForm
        action={mapCsvAction}
        submit="Save columns and import"
        className="grid gap-3 sm:grid-cols-2"
      >
        <input type="hidden" name="fileId" value={fileId} />
        <Field label="Bank name" name="name">
          <Input name="name" required />
        </Field>
        {FIELDS.map(([key, label, required]) => (
          <Field key={key} label={label} name={key}>
            <Select name={key} defaultValue={preview.guess[key] ?? ""} required={required}>
              <option value="">—</option>
              {preview.header.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </Select>
          </Field>
        ))}
        <Field label="Date format" name="dateFormat">
          <Select name="dateFormat" defaultValue="yyyy-MM-dd">
            {["yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy", "yyyyMMdd"].map((f) => (
              <option key={f}>{f}</option>
            ))}
          </Select>
        </Field>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="decimalComma" className="rounded border-slate-300" /> Decimal
          comma (1.234,56)
        </label>
      </ActionForm>
    </div>
  );
}
