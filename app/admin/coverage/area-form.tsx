"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { Field, Input, Select, errorProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { PolygonDrawField } from "@/components/admin/polygon-draw-field";
import { TECHNOLOGIES, technologyLabel } from "@/lib/format/labels";
import { IDLE, type FormState } from "@/lib/http/form-state";

type Area = { id: string; name: string; technology: string; status: string; geometry: unknown };
type Props = {
  action: (p: FormState, f: FormData) => Promise<FormState>;
  id?: string;
  defaults: { name?: string; technology?: string; status?: string; geometry?: string };
  center: [number, number];
  others: Area[];
};

export function AreaForm({ action, id, defaults, center, others }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const v = { ...defaults, ...(state.values ?? {}) };
  const f = state.fields ?? {};
  return (
    <form action={formAction} className="space-y-6" noValidate>
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      {id && <input type="hidden" name="id" value={id} />}
      <Card>
        <CardBody className="grid gap-4 sm:grid-cols-3">
          <Field label="Name" name="name" error={f.name}>
            <Input name="name" defaultValue={v.name} required {...errorProps("name", f.name)} />
          </Field>
          <Field label="Technology" name="technology" error={f.technology}>
            <Select name="technology" defaultValue={v.technology ?? "FIBRE"}>
              {TECHNOLOGIES.map((t) => (
                <option key={t} value={t}>
                  {technologyLabel(t)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Status" name="status" hint="Planned areas collect “notify me” leads">
            <Select name="status" defaultValue={v.status ?? "LIVE"}>
              <option value="LIVE">Live: sell here</option>
              <option value="PLANNED">Planned: collect interest</option>
            </Select>
          </Field>
        </CardBody>
      </Card>
      <Card>
        <CardBody>
          <PolygonDrawField
            center={center}
            initial={v.geometry}
            error={f.geometry}
            others={others.filter((a) => a.id !== id)}
          />
        </CardBody>
      </Card>
      <div className="flex justify-end">
        <SubmitButton pending="Saving…">Save area</SubmitButton>
      </div>
    </form>
  );
}
