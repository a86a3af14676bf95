// What a server action hands back to its form: a message, or an error with per-field messages
// (from AppError.fields or a zod error), plus the submitted values so the form can show them
// again. Safe to import from client components; the server half is run-form-action.ts.
export type FormState<T = never> = {
  status: "idle" | "ok" | "error";
  message?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
  /** A one-time result to show (e.g. a new API key); never stored anywhere. */
  secret?: string;
  /** What a client component asked for (e.g. the placed order's number). */
  data?: T;
};

export const IDLE: FormState<never> = { status: "idle" };

/** The form's text fields, minus secrets (passwords are never sent back to the browser). */
export function formValues(form: FormData, omit: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v === "string" && !k.startsWith("$") && !omit.includes(k)) out[k] = v;
  }
  return out;
}
