"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TECHNOLOGIES, technologyLabel } from "@/lib/format/labels";
import { statusOptions } from "@/lib/format/status";
import { IDLE } from "@/lib/http/form-state";
import { importCoverageAction } from "../import-coverage-action";

export function ImportForm() {
  const [state, action] = useActionState(importCoverageAction, IDLE);
  return (
    <form action={action} className="space-y-6">
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      <Card>
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Field
            label="File (.geojson, .json or .kml, up to 10 MB)"
            name="file"
            error={state.fields?.file}
            className="sm:col-span-2"
          >
            <Input
              name="file"
              type="file"
              accept=".geojson,.json,.kml,application/geo+json,application/vnd.google-earth.kml+xml"
              required
            />
          </Field>
          <Field
            label="Technology (unless a feature's “technology” property says otherwise)"
            name="technology"
          >
            <Select name="technology" defaultValue="FIBRE">
              {TECHNOLOGIES.map((t) => (
                <option key={t} value={t}>
                  {technologyLabel(t)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Status (unless a feature's “status” property says otherwise)" name="status">
            <Select name="status" defaultValue="LIVE">
              {statusOptions("coverageArea").map(([s, label]) => (
                <option key={s} value={s}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Name for unnamed features"
            name="namePrefix"
            hint="They are numbered: “Phase 2 1”, “Phase 2 2”…"
          >
            <Input name="namePrefix" placeholder="Imported area" />
          </Field>
        </CardBody>
      </Card>
      <div className="flex justify-end">
        <SubmitButton pending="Importing…">Import</SubmitButton>
      </div>
    </form>
  );
}
