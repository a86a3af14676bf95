// Binds a route handler to its declared operation (lib/http/define-operation.ts): resolves the API
// key (unless the operation is public), parses params, query and body with the declared schemas
// (malformed JSON, NUL bytes and wrong types are 400s before any use case runs), records writes in
// the audit log, honours `Idempotency-Key` on operations declared `idempotent`
// (lib/http/idempotency.ts), and maps every error to { error: { code, message, fields? } }.
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { syncClock } from "@/lib/time/sync-clock";
import type { OperationSpec } from "./define-operation";
import { clientIp } from "./client-ip";
import { errorResponse } from "./error-response";
import {
  IDEMPOTENCY_HEADER,
  REPLAYED_HEADER,
  runIdempotent,
  type StoredResult,
} from "./idempotency";

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
type FirstStatus<S extends OperationSpec> = keyof S["responses"] & number;
type Body<S extends OperationSpec> = Infer<NonNullable<S["responses"][FirstStatus<S>]>>;

/** A response with another declared status than the first (e.g. 200 instead of 202). */
export class Reply<T = unknown> {
  constructor(
    readonly status: number,
    readonly body: T,
  ) {}
}
export const reply = <T>(status: number, body: T) => new Reply(status, body);

export type OperationArgs<S extends OperationSpec> = {
  req: NextRequest;
  actor: S["roles"] extends readonly unknown[] ? Actor : Actor | null;
  params: Infer<S["params"]>;
  query: Infer<S["query"]>;
  body: Infer<S["body"]>;
};

/** Any NUL character in a parsed value: PostgreSQL rejects it in text, so we refuse it first. */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path || "_" : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], path ? `${path}.${i}` : String(i));
      if (hit) return hit;
    }
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNul(v, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return null;
}

function refuseNul(value: unknown) {
  const field = findNul(value, "");
  if (field) {
    throw new AppError("VALIDATION", "Text may not contain NUL characters.", {
      [field]: "contains a NUL character",
    });
  }
}

async function readJson(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON.");
  }
}

const toStored = (result: unknown, firstStatus: number): StoredResult =>
  result instanceof Reply ? result : { status: firstStatus, body: result };

function respond({ status, body }: StoredResult, headers?: Record<string, string>) {
  if (status === 204) return new NextResponse(null, { status, headers });
  return NextResponse.json(body, { status, headers });
}

export function apiOperation<S extends OperationSpec>(
  spec: S,
  handler: (args: OperationArgs<S>) => Promise<Body<S> | Reply | NextResponse>,
) {
  const firstStatus = Number(Object.keys(spec.responses).sort()[0] ?? 200);
  return async (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => {
    const where = `${req.method} ${req.nextUrl.pathname}`;
    try {
      await syncClock();
      const actor = spec.roles ? await authenticateApiKey(req.headers.get("authorization")) : null;
      const rawParams = await ctx.params;
      const rawQuery = Object.fromEntries(req.nextUrl.searchParams);
      const rawBody = spec.body ? await readJson(req) : undefined;
      refuseNul({ params: rawParams, query: rawQuery, body: rawBody });
      const args = {
        req,
        actor,
        params: spec.params ? spec.params.parse(rawParams) : undefined,
        query: spec.query ? spec.query.parse(rawQuery) : undefined,
        body: spec.body ? spec.body.parse(rawBody ?? {}) : undefined,
      } as OperationArgs<S>;
      if (actor && req.method !== "GET") {
        await recordAudit({
          actor,
          action: "api.request",
          ip: clientIp(req.headers),
          data: { method: req.method, path: req.nextUrl.pathname },
        });
      }
      const key = spec.idempotent && actor ? req.headers.get(IDEMPOTENCY_HEADER) : null;
      if (key !== null && actor) {
        const { status, body, replayed } = await runIdempotent(
          { scope: actor.id, key, method: req.method, path: req.nextUrl.pathname, body: rawBody },
          async () => {
            const result = await handler(args);
            if (result instanceof NextResponse)
              throw new Error(`${where}: an idempotent operation must answer with JSON`);
            return toStored(result, firstStatus);
          },
        );
        return respond({ status, body }, replayed ? { [REPLAYED_HEADER]: "true" } : undefined);
      }
      const result = await handler(args);
      if (result instanceof NextResponse) return result;
      return respond(toStored(result, firstStatus));
    } catch (e) {
      return errorResponse(e, where);
    }
  };
}
