import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Field, Textarea } from "@/components/ui/field";
import { addCustomerNoteAction } from "../notes/add-note-action";
import { pinNoteAction } from "../notes/pin-note-action";

/** Pinned notes first thing on the page, and a form for a new one (pinned or not). */
export function CustomerNotes({
  customerId,
  pinned,
  brand,
}: {
  customerId: string;
  pinned: { id: string; body: string; authorName: string; createdAt: Date }[];
  brand: { locale: string; timeZone: string };
}) {
  return (
    <Card>
      <CardHeader
        title="Notes"
        description="Pinned notes stay here; every note is on the timeline"
      />
      {pinned.length > 0 && (
        <ul className="divide-y divide-amber-100 bg-amber-50 text-sm">
          {pinned.map((n) => (
            <li key={n.id} className="flex items-start justify-between gap-3 px-5 py-3">
              <div className="min-w-0">
                <p className="whitespace-pre-wrap break-words text-slate-900">{n.body}</p>
                <p className="mt-1 text-xs text-slate-500">
                  {n.authorName} ·{" "}
                  <DateTime value={n.createdAt} locale={brand.locale} timeZone={brand.timeZone} />
                </p>
              </div>
              <ActionForm
                action={pinNoteAction}
                submit="Unpin"
                variant="secondary"
                className="shrink-0"
              >
                <input type="hidden" name="noteId" value={n.id} />
                <input type="hidden" name="pinned" value="false" />
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <CardBody>
        <ActionForm action={addCustomerNoteAction} submit="Save note" variant="secondary">
          <input type="hidden" name="customerId" value={customerId} />
          <Field label="New note" name="note-body">
            <Textarea id="note-body" name="body" rows={2} maxLength={5000} />
          </Field>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="pinned" className="rounded border-slate-300" /> Pin it
          </label>
        </ActionForm>
      </CardBody>
    </Card>
  );
}
