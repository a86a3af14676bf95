"use client";

import { useActionState, useRef } from "react";
import { Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/form-state";
import { changeUserRoleAction } from "./change-user-role-action";
import { setUserActiveAction } from "./set-user-active-action";
import { STAFF_ROLE_OPTIONS } from "@/lib/format/labels";

/** Changing the select saves the new role at once; the message reports the outcome. */
export function RoleSelect({
  userId,
  role,
  name,
  disabled,
}: {
  userId: string;
  role: string;
  name: string;
  disabled?: boolean;
}) {
  const [state, action, pending] = useActionState(changeUserRoleAction, IDLE);
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={action} className="w-40">
      <input type="hidden" name="userId" value={userId} />
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role of {name}
      </label>
      <Select
        key={role}
        id={`role-${userId}`}
        name="role"
        defaultValue={role}
        disabled={disabled || pending}
        className="py-1"
        onChange={() => form.current?.requestSubmit()}
      >
        {STAFF_ROLE_OPTIONS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
      {state.status === "error" && (
        <p role="alert" className="mt-1 max-w-56 whitespace-normal text-xs text-red-600">
          {state.message}
        </p>
      )}
    </form>
  );
}

export function ActiveToggle({
  userId,
  active,
  name,
}: {
  userId: string;
  active: boolean;
  name: string;
}) {
  const [state, action] = useActionState(setUserActiveAction, IDLE);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (
          active &&
          !window.confirm(
            `Deactivate ${name}? They are signed out and cannot sign in until reactivated.`,
          )
        )
          e.preventDefault();
      }}
    >
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={String(!active)} />
      <SubmitButton variant="secondary" size="sm" pending="Saving…">
        {active ? "Deactivate" : "Reactivate"}
      </SubmitButton>
      {state.status === "error" && (
        <p role="alert" className="mt-1 max-w-56 whitespace-normal text-xs text-red-600">
          {state.message}
        </p>
      )}
    </form>
  );
}
