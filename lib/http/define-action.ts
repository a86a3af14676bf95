// The one way to write a server action. It resolves the actor (staff, customer or nobody), parses
// the input with zod (FormData from a <form>, or a plain object from a client component), runs
// the handler, and maps errors in one place: AppError and zod errors become a message with
// per-field errors, redirects pass through, anything else is logged and shown as a generic
// failure. Domain changes are audited by the lib use case the handler calls (it knows what
// changed); the helper only logs what failed unexpectedly.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requireCustomer, requireStaff, type UserActor } from "@/lib/auth/session";
import { toAppError } from "./error-response";
import type { FormState } from "./form-state";
import { logger } from "@/lib/log";
import { syncClock } from "@/lib/time/sync-clock";

type Who = "staff" | "customer" | "public";
type ActorFor<W extends Who> = W extends "public"
  ? null
  : W extends "customer"
    ? UserActor & { customerId: string }
    : UserActor;

type Reply<T> = string | void | { message?: string; data?: T; secret?: string };

export type ActionOptions<W extends Who, S extends z.ZodType, T> = {
  /** Who may call it. Staff roles are checked again by the lib use case. */
  who: W;
  schema: S;
  /** Where to come back to after signing in, when the session has expired. */
  returnTo?: string;
  /** Field names never echoed back to the browser (passwords, signatures). */
  secret?: readonly string[];
  handler: (args: { actor: ActorFor<W>; input: z.infer<S> }) => Promise<Reply<T>>;
};

/** FormData → a plain object; repeated names become arrays, `$ACTION_*` internals are dropped. */
function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of form.entries()) {
    if (k.startsWith("$")) continue;
    const value = typeof v === "string" ? v : v.size > 0 ? v : undefined;
    if (value === undefined) continue;
    if (k in out) out[k] = ([] as unknown[]).concat(out[k], value);
    else out[k] = value;
  }
  return out;
}

function echo(raw: Record<string, unknown>, secret: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw))
    if (typeof v === "string" && !secret.includes(k)) out[k] = v;
  return out;
}

async function resolveActor(who: Who, returnTo?: string): Promise<unknown> {
  if (who === "staff") return requireStaff(returnTo);
  if (who === "customer") return requireCustomer(returnTo);
  await syncClock(); // staff and customers sync with their session
  return null;
}

/**
 * Defines a server action usable both as `useActionState(action, IDLE)` with a form
 * (`(prev, formData)`) and as a plain call from a client component (`action(input)`).
 */
export function defineAction<W extends Who, S extends z.ZodType, T = never>(
  opts: ActionOptions<W, S, T>,
) {
  async function run(raw: Record<string, unknown>): Promise<FormState<T>> {
    const values = echo(raw, opts.secret ?? []);
    try {
      const actor = (await resolveActor(opts.who, opts.returnTo)) as ActorFor<W>;
      const input = opts.schema.parse(raw) as z.infer<S>;
      const reply = await opts.handler({ actor, input });
      if (typeof reply === "string") return { status: "ok", message: reply };
      return { status: "ok", ...(reply ?? {}) };
    } catch (e) {
      unstable_rethrow(e);
      const known = toAppError(e);
      if (known) return { status: "error", message: known.message, fields: known.fields, values };
      logger.error({ err: e }, "server action failed unexpectedly");
      return {
        status: "error",
        message: "Something went wrong on our side. It has been logged; please try again.",
        values,
      };
    }
  }
  return async function action(
    prevOrInput: FormState<T> | z.input<S>,
    form?: FormData,
  ): Promise<FormState<T>> {
    return run(
      form instanceof FormData ? formToObject(form) : (prevOrInput as Record<string, unknown>),
    );
  };
}
