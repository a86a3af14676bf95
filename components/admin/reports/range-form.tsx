// The date-range picker above a period report: a plain GET form, so the range sits in the URL
// and a report can be bookmarked or shared.
import { Button, buttonClass } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

export function RangeForm({
  from,
  to,
  exports,
}: {
  from: string;
  to: string;
  /** Download links: label → href. */
  exports: Record<string, string>;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end gap-3">
      <form className="flex flex-wrap items-end gap-3" method="get">
        <Field label="From" name="from">
          <Input id="from" name="from" type="date" defaultValue={from} required />
        </Field>
        <Field label="To" name="to">
          <Input id="to" name="to" type="date" defaultValue={to} required />
        </Field>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>
      <div className="ml-auto flex gap-2">
        {Object.entries(exports).map(([label, href]) => (
          <a key={label} href={href} className={buttonClass("secondary")}>
            {label}
          </a>
        ))}
      </div>
    </div>
  );
}
