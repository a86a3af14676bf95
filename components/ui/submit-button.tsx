"use client";

import { useFormStatus } from "react-dom";
import { Button } from "./button";

/** A form's submit button that disables itself and says what is happening while the action runs. */
export function SubmitButton({
  children,
  pending: pendingLabel,
  ...props
}: React.ComponentProps<typeof Button> & { pending?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending || props.disabled} aria-busy={pending} {...props}>
      {pending ? (pendingLabel ?? "Saving…") : children}
    </Button>
  );
}
