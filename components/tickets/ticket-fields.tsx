import { Field, Input, Select } from "@/components/ui/field";
import { TicketMessageFields } from "./ticket-message-fields";
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
      <TicketMessageFields accept={accept} rows={6} />
    </>
  );
}
