"use client";

import { ActionForm } from "@/components/admin/action-form";
import { Field, Input, Select } from "@/components/ui/field";
import { createNasAction } from "./create-nas-action";

/** Registers a NAS; FreeRADIUS learns of it from the next `npm run radius:config`. */
export function NasForm() {
  return (
    <ActionForm action={createNasAction} submit="Add NAS" pending="Adding…" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" name="name">
          <Input name="name" required maxLength={64} placeholder="bras-1" />
        </Field>
        <Field label="IP address" name="ipAddress" hint="The address it sends RADIUS from">
          <Input name="ipAddress" required placeholder="10.0.0.1" />
        </Field>
        <Field label="Type" name="type">
          <Select name="type" defaultValue="MIKROTIK">
            <option value="MIKROTIK">MikroTik</option>
            <option value="CISCO">Cisco</option>
            <option value="OTHER">Other (WISPr)</option>
          </Select>
        </Field>
        <Field label="CoA port" name="coaPort" hint="RFC 5176 Dynamic Authorization">
          <Input name="coaPort" type="number" min={1} max={65535} defaultValue={3799} />
        </Field>
        <Field label="Shared secret" name="secret" hint="Stored encrypted; never shown again">
          <Input name="secret" type="password" required autoComplete="new-password" />
        </Field>
        <Field label="Description" name="description">
          <Input name="description" maxLength={500} />
        </Field>
      </div>
    </ActionForm>
  );
}
