import { Field, Textarea } from "@/components/ui/field";

/**
 * A message on a ticket and its files: a new ticket, the customer's reply and the staff answer
 * (which adds its staff-only fields around it) all take the same input.
 */
export function TicketMessageFields({ accept, rows = 4 }: { accept: string; rows?: number }) {
  return (
    <>
      <Field label="Message" name="body">
        <Textarea name="body" rows={rows} required maxLength={20000} />
      </Field>
      <Field label="Files (images, PDF, text; up to 5 of 10 MB)" name="attachments">
        <input
          id="attachments"
          type="file"
          name="attachments"
          multiple
          accept={accept}
          className="block w-full text-sm text-slate-700"
        />
      </Field>
    </>
  );
}
