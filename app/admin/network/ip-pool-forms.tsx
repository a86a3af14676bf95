"use client";

import { ActionForm } from "@/components/admin/action-form";
import { Field, Input, Select } from "@/components/ui/field";
import { assignStaticIpAction } from "./assign-static-ip-action";
import { createIpPoolAction } from "./create-ip-pool-action";
import { releaseStaticIpAction } from "./release-static-ip-action";

/** Registers a block of public addresses for static IPs. */
export function IpPoolForm() {
  return (
    <ActionForm action={createIpPoolAction} submit="Add pool" pending="Adding…">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Name" name="name">
          <Input name="name" required maxLength={64} placeholder="Business static" />
        </Field>
        <Field label="Block" name="cidr" hint="IPv4, e.g. 203.0.113.0/26">
          <Input name="cidr" required placeholder="203.0.113.0/26" />
        </Field>
        <Field label="Gateway" name="gateway" hint="Never handed out">
          <Input name="gateway" placeholder="203.0.113.1" />
        </Field>
      </div>
    </ActionForm>
  );
}

/** Gives the service with this PPPoE login an address from a pool. */
export function AssignStaticIpForm({
  pools,
}: {
  pools: { id: string; name: string; cidr: string }[];
}) {
  return (
    <ActionForm action={assignStaticIpAction} submit="Assign" pending="Assigning…">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="PPPoE login" name="username">
          <Input name="username" required maxLength={100} />
        </Field>
        <Field label="Pool" name="poolId">
          <Select name="poolId">
            {pools.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.cidr})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Address" name="address" hint="Empty: the lowest free one">
          <Input name="address" />
        </Field>
      </div>
    </ActionForm>
  );
}

export function ReleaseStaticIpButton({ subscriptionId }: { subscriptionId: string }) {
  return (
    <ActionForm
      action={releaseStaticIpAction}
      submit="Release"
      pending="Releasing…"
      variant="secondary"
      className="space-y-2"
    >
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
    </ActionForm>
  );
}
