import { buttonClass } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

/** A plain GET form: the browser opens the PDF for the chosen range (no script needed). */
export function StatementForm({ from, to }: { from: string; to: string }) {
  return (
    <form
      action="/api/portal/statement"
      method="get"
      target="_blank"
      className="flex flex-wrap items-end gap-4"
    >
      <Field label="From" name="from">
        <Input name="from" type="date" defaultValue={from} max={to} required />
      </Field>
      <Field label="To" name="to">
        <Input name="to" type="date" defaultValue={to} max={to} required />
      </Field>
      <button type="submit" className={buttonClass("secondary")}>
        Open statement (PDF)
      </button>
    </form>
  );
}
