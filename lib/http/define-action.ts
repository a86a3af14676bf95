// The one way to write a server action. It resolves the actor (staff, any signed-in user, a
// customer or nobody), parses the input with zod (FormData from a <form>, or a plain object from
// a client component), runs the handler, and maps errors in one place: AppError and zod errors
// become a message with per-field errors, redirects pass through, anything else is logged and
// shown as a generic failure. Order matters: who may call it (and, for staff, the declared
// permission) is settled before the input is read, so a role without the permission learns
// nothing from validation; NUL characters are refused before the schema sees the input. Domain
// changes are audited by the lib use case the handler calls (it knows what changed); the helper
// only logs what failed unexpectedly.
import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { currentActor, requireCustomer, requireStaff, type UserActor } from "@/lib/auth/session";
import { assertCan, can, type Permission } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { NUL_MESSAGE, nulPath } from "./schemas";
import { toAppError } from "./error-response";
import type { FormState } from "./form-state";
import { logger } from "@/lib/log";
import { syncClock } from "@/lib/time/sync-clock";

/** staff: back office; user: anyone signed in (staff or customer); customer: the portal. */
type Who = "staff" | "user" | "customer" | "public";
type ActorFor<W extends Who> = W extends "public"
  ? null
  : W extends "customer"
    ? UserActor & { customerId: string }
    : UserActor;

type Reply<T> = string | void | { message?: string; data?: T; secret?: string };

export type ActionOptions<W extends Who, S extends z.ZodType, T> = {
  /** Who may call it. Staff roles are checked again by the lib use case. */
  who: W;
  /**
   * For staff actions: the permission the lib use case needs (or any one of several, as for
   * work on orders), checked before parsing so a role without it learns nothing from validation.
   */
  permission?: W extends "staff" ? Permission | readonly Permission[] : never;
  /** Usually the lib use case's own schema, so the form and the server validate alike. */
  schema: S;
  /** Where to come back to after signing in, when the session has expired. */
  returnTo?: string;
  /** Field names never echoed back to the browser (passwords, signatures). */
  secret?: readonly string[];
  handler: (args: { actor: ActorFor<W>; input: z.output<S> }) => Promise<Reply<T>>;
};

/** Sets `a.b.c` inside `out`, so a form field named `address.city` arrives as `{ address: { city } }`. */
function setPath(out: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let node = out;
  for (const k of keys.slice(0, -1)) {
    if (typeof node[k] !== "object" || node[k] === null || Array.isArray(node[k])) node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  node[last] = last in node ? ([] as unknown[]).concat(node[last], value) : value;
}

/**
 * FormData → a plain object: dotted names nest, repeated names become arrays, empty file inputs
 * and React's `$ACTION_*` internals are dropped. Also returns the text fields as the browser sent
 * them, for the form to show again after an error.
 */
export function readForm(form: FormData, secret: readonly string[] = []) {
  const input: Record<string, unknown> = {};
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (k.startsWith("$")) continue;
    if (typeof v === "string") {
      if (!secret.includes(k)) values[k] = v;
      setPath(input, k, v);
    } else if (v.size > 0) setPath(input, k, v);
  }
  return { input, values };
}

/** Holds `needs`, or any one of them when several are given. */
function assertPermitted(actor: UserActor, needs: Permission | readonly Permission[]) {
  const any: readonly Permission[] = typeof needs === "string" ? [needs] : needs;
  if (!any.some((p) => can(actor, p))) assertCan(actor, any[0]);
}

async function resolveActor(who: Who, returnTo?: string): Promise<unknown> {
  if (who === "staff") return requireStaff(returnTo);
  if (who === "customer") return requireCustomer(returnTo);
  await syncClock(); // staff and customers sync with their session
  if (who === "user") {
    const actor = await currentActor();
    if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo ?? "/")}`);
    return actor;
  }
  return null;
}

/**
 * Defines a server action usable as `useActionState(action, IDLE)` with a form
 * (`(prev, formData)`), directly as `<form action={action}>` (`(formData)`), and as a plain call
 * from a client component (`action(input)`).
 */
export function defineAction<W extends Who, S extends z.ZodType, T = never>(
  opts: ActionOptions<W, S, T>,
) {
  async function run(raw: unknown, values: Record<string, string>): Promise<FormState<T>> {
    try {
      const actor = (await resolveActor(opts.who, opts.returnTo)) as ActorFor<W>;
      if (opts.permission && actor) assertPermitted(actor as UserActor, opts.permission);
      const nul = nulPath(raw);
      if (nul !== null)
        throw new AppError("VALIDATION", "Text may not contain NUL characters.", {
          [nul || "_"]: NUL_MESSAGE,
        });
      const input = opts.schema.parse(raw) as z.output<S>;
      const reply = await opts.handler({ actor, input });
      if (typeof reply === "string") return { status: "ok", message: reply };
      return { status: "ok", ...(reply ?? {}) };
    } catch (e) {
      unstable_rethrow(e);
      const known = toAppError(e);
      if (known)
        return {
          status: "error",
          code: known.code,
          message: known.message,
          fields: known.fields,
          values,
        };
      logger.error({ err: e }, "server action failed unexpectedly");
      return {
        status: "error",
        message: "Something went wrong on our side. It has been logged; please try again.",
        values,
      };
    }
  }
  return async function action(
    prevOrInput: FormState<T> | FormData | z.input<S>,
    form?: FormData,
  ): Promise<FormState<T>> {
    const data = form instanceof FormData ? form : prevOrInput;
    if (data instanceof FormData) {
      const { input, values } = readForm(data, opts.secret);
      return run(input, values);
    }
    return run(data, {});
  };
}
