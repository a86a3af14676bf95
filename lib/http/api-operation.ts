// Binds a route handler to its declared operation (lib/http/define-operation.ts), in this order:
// resolve the API key (unless the operation is public) and refuse roles the operation does not
// list (403, before any input is read); read the body (413 beyond its size, 400 when it is not
// JSON); refuse NUL characters anywhere; parse params, query and body with the declared schemas
// (400 naming the field); record writes in the audit log (with the client IP); honour
// `Idempotency-Key` on operations declared `idempotent` (lib/http/idempotency.ts); answer the
// declared status. Every error becomes { error: { code, message, fields? } }. Nothing reaches a
// use case unparsed. The sandbox clock is synced first (lib/time/sync-clock.ts).
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor, RoleList } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { syncClock } from "@/lib/time/sync-clock";
import { DEFAULT_MAX_BODY_BYTES, type OperationSpec } from "./define-operation";
import { clientIp } from "./client-ip";
import { errorResponse } from "./error-response";
import {
  IDEMPOTENCY_HEADER,
  REPLAYED_HEADER,
  runIdempotent,
  type StoredResult,
} from "./idempotency";
import { NUL_MESSAGE, nulPath } from "./schemas";

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;
type Statuses<S extends OperationSpec> = keyof S["responses"] & number;

/** What JSON.stringify turns into the documented shape: a Date may stand where a string is. */
export type Wire<T> = T extends string
  ? T | Date
  : T extends readonly (infer U)[]
    ? readonly Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
type Body<S extends OperationSpec> = Wire<Infer<NonNullable<S["responses"][Statuses<S>]>>>;

/** A response with another declared status than the lowest (e.g. 202 instead of 200). */
export class Reply<T = unknown> {
  constructor(
    readonly status: number,
    readonly body: T,
  ) {}
}
export const reply = <T>(status: number, body: T) => new Reply(status, body);

export type OperationArgs<S extends OperationSpec> = {
  req: NextRequest;
  actor: S["roles"] extends readonly unknown[] ? Actor : null;
  /** The client's IP (rate limits, audit); "unknown" when it cannot be told. */
  ip: string;
  params: Infer<S["params"]>;
  query: Infer<S["query"]>;
  body: Infer<S["body"]>;
  /** Uploaded files of a multipart operation, by field name. */
  files: Record<string, File>;
};

/** Refuses NUL anywhere in a part of the request (`where`: params, query or body). */
function refuseNul(where: string, value: unknown) {
  const field = nulPath(value);
  if (field !== null) {
    throw new AppError("VALIDATION", "Text may not contain NUL characters.", {
      [field || where]: NUL_MESSAGE,
    });
  }
}

const tooLarge = (max: number) =>
  new AppError(
    "PAYLOAD_TOO_LARGE",
    `The request body is larger than ${Math.round(max / 1024)} KB, the most this operation accepts.`,
  );

/** The body as text, refused beyond `max` bytes whether or not Content-Length says so. */
async function readText(req: NextRequest, max: number): Promise<string> {
  if (Number(req.headers.get("content-length") ?? 0) > max) throw tooLarge(max);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("VALIDATION", "The request body is not UTF-8 text.");
  }
}

async function readJson(req: NextRequest, max: number): Promise<unknown> {
  const text = await readText(req, max);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(
      "VALIDATION",
      "The request body is not valid JSON (send Content-Type: application/json).",
    );
  }
}

/** A multipart form within `max` bytes: text fields, and the named file fields (each required). */
async function readForm(req: NextRequest, max: number, fileFields: readonly string[]) {
  if (Number(req.headers.get("content-length") ?? 0) > max) throw tooLarge(max);
  if (!(req.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
    throw new AppError("VALIDATION", "Send the file as multipart/form-data.");
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("VALIDATION", "The multipart form could not be read.");
  }
  const fields: Record<string, string> = {};
  const files: Record<string, File> = {};
  let size = 0;
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") fields[name] = value;
    else if (fileFields.includes(name)) {
      files[name] = value;
      size += value.size;
    }
  }
  if (size > max) throw tooLarge(max);
  for (const f of fileFields)
    if (!files[f])
      throw new AppError("VALIDATION", `Attach the file as the "${f}" field.`, { [f]: "required" });
  return { fields, files };
}

async function authorize(req: NextRequest, roles: RoleList) {
  const actor = await authenticateApiKey(req.headers.get("authorization"));
  if (!roles.includes(actor.role)) {
    const needs = roles.permission ? `${roles.permission}: ` : "allowed: ";
    throw new AppError("FORBIDDEN", `Your role may not do this (${needs}${roles.join(", ")}).`);
  }
  return actor;
}

/** Parses with the declared schema; errors name the field ("from"), or the part ("body"). */
function parse<T extends z.ZodType | undefined>(schema: T, raw: unknown, where: string) {
  if (!schema) return undefined;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields = Object.fromEntries(
    result.error.issues.map((i) => [i.path.join(".") || where, i.message]),
  );
  throw new AppError("VALIDATION", "Some fields are not valid.", fields);
}

function respond({ status, body }: StoredResult, headers?: Record<string, string>) {
  if (status === 204) return new NextResponse(null, { status, headers });
  return NextResponse.json(body, { status, headers });
}

export function apiOperation<S extends OperationSpec>(
  spec: S,
  handler: (args: OperationArgs<S>) => Promise<Body<S> | Reply | NextResponse>,
) {
  const statuses = Object.keys(spec.responses).map(Number);
  const lowest = Math.min(...statuses);
  const handle = async (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => {
    const where = `${req.method} ${req.nextUrl.pathname}`;
    try {
      await syncClock();
      const actor = spec.roles ? await authorize(req, spec.roles) : null;
      const rawParams = await ctx.params;
      const rawQuery = Object.fromEntries(req.nextUrl.searchParams);
      const form = spec.consumes
        ? await readForm(req, spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, spec.files ?? [])
        : null;
      const rawBody = form
        ? form.fields
        : spec.body
          ? await readJson(req, spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)
          : undefined;
      refuseNul("params", rawParams);
      refuseNul("query", rawQuery);
      refuseNul("body", rawBody);
      const args = {
        req,
        actor,
        ip: clientIp(req.headers) ?? "unknown",
        params: parse(spec.params, rawParams, "params"),
        query: parse(spec.query, rawQuery, "query"),
        body: parse(spec.body, rawBody ?? {}, "body"),
        files: form?.files ?? {},
      } as OperationArgs<S>;
      if (actor && req.method !== "GET") {
        await recordAudit({
          actor,
          action: "api.request",
          ip: clientIp(req.headers),
          data: { method: req.method, path: req.nextUrl.pathname },
        });
      }
      const toStored = (result: unknown): StoredResult => {
        const stored = result instanceof Reply ? result : { status: lowest, body: result };
        if (!statuses.includes(stored.status))
          logger.error(
            { where, status: stored.status },
            "operation answered a status its declaration does not list",
          );
        return stored;
      };
      const key = spec.idempotent && actor ? req.headers.get(IDEMPOTENCY_HEADER) : null;
      if (key !== null && actor) {
        const { status, body, replayed } = await runIdempotent(
          { scope: actor.id, key, method: req.method, path: req.nextUrl.pathname, body: rawBody },
          async () => {
            const result = await handler(args);
            if (result instanceof NextResponse)
              throw new Error(`${where}: an idempotent operation must answer with JSON`);
            return toStored(result);
          },
        );
        return respond({ status, body }, replayed ? { [REPLAYED_HEADER]: "true" } : undefined);
      }
      const result = await handler(args);
      if (result instanceof NextResponse) return result;
      return respond(toStored(result));
    } catch (e) {
      return errorResponse(e, where);
    }
  };
  // The declaration travels with the handler, so tests can check a route against its document.
  return Object.assign(handle, { operation: spec as OperationSpec });
}
