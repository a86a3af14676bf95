// What a server action (lib/http/define-action.ts) hands back: a message, or an error with
// per-field messages (from AppError.fields or a zod error), plus the submitted text fields so the
// form can show them again. Safe to import from client components.
export type FormState<T = never> = {
  status: "idle" | "ok" | "error";
  /** The AppError code of an error (FORBIDDEN, VALIDATION…), for clients and tests. */
  code?: string;
  message?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
  /** A one-time result to show (e.g. a new API key); never stored anywhere. */
  secret?: string;
  /** What a client component asked for (e.g. the placed order's number). */
  data?: T;
};

export const IDLE: FormState<never> = { status: "idle" };
