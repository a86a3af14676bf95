import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { TICKET_CATEGORIES, ticketCategoryLabel } from "@/lib/format/labels";

/** The fields of a new ticket, shared by the portal and the admin form. */
export function TicketFields({
  services,
  accept,
}: {
  services: { id: string; label: string }[];
  accept: string;
}) {
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="What is it about?" name="category">
          <Select name="category" required defaultValue="FAULT">
            {TICKET_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {ticketCategoryLabel(c)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Service" name="subscriptionId">
          <Select name="subscriptionId" defaultValue="">
            <option value="">Not about one service</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Subject" name="subject">
        <Input name="subject" required maxLength={200} />
      </Field>
      <Field label="Message" name="body">
        <Textarea name="body" rows={6} required maxLength={20000} />
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
