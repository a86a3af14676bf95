// `Idempotency-Key` with Stripe's semantics, for operations declared `idempotent: true` (bound
// by apiOperation). The first request with a key claims it (one INSERT … ON CONFLICT DO NOTHING
// on (API key, key)), runs, and stores its status and body; a later request with the same key:
//   - and the same method, path and body (hashed as canonical JSON) gets the stored result again,
//     marked `Idempotent-Replayed: true`, without running anything;
//   - and another body or endpoint is refused with 422;
//   - while the first is still running gets 409 (retry later).
// Requests refused by the schema never claim the key. A result the use case produced — success,
// or a refusal about the state of things (404, 409, 422) — is stored; a refusal of the request
// itself (400 invalid input, 401, 403, 429) or an unexpected 500 is not, and the claim is released
// so the corrected request can run under the same key: our use cases are single transactions, so
// none of these changed anything.
// Keys live 24 hours. If the process dies between the use case's commit and storing the result,
// the claim stays "in progress" (409) until it expires: never a second execution.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { toAppError } from "./error-response";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";
const TTL_MS = 24 * 3600_000;
/** Wall-clock time, not the business clock: travelling the sandbox clock must not expire keys. */
const wallClock = () => new Date();
/** Refusals that depend on stored state, replayed like a success (Stripe stores these too). */
const STORED_REFUSALS = new Set([404, 409, 422]);

export type StoredResult = { status: number; body: unknown };

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${JSON.stringify(canonical(body ?? null))}`)
    .digest("hex");
}

function checkKey(key: string) {
  if (!/^[\x21-\x7e]{1,255}$/.test(key))
    throw new AppError("VALIDATION", "Idempotency-Key must be 1–255 visible ASCII characters.", {
      [IDEMPOTENCY_HEADER]: "invalid",
    });
}

async function claim(scope: string, key: string, method: string, path: string, hash: string) {
  const at = wallClock();
  const expired = new Date(at.getTime() - TTL_MS);
  await db.idempotencyKey.deleteMany({ where: { scope, key, createdAt: { lt: expired } } });
  // Expired keys of anyone are pruned a few at a time, so the table stays small without a job.
  await db.$executeRawUnsafe(
    `DELETE FROM "IdempotencyKey" WHERE id IN (SELECT id FROM "IdempotencyKey" WHERE "createdAt" < $1 LIMIT 100)`,
    expired,
  );
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO "IdempotencyKey" (id, scope, key, method, path, "requestHash", "createdAt")
     VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, $6)
     ON CONFLICT (scope, key) DO NOTHING RETURNING id`,
    scope,
    key,
    method,
    path,
    hash,
    at,
  );
  return rows[0]?.id ?? null;
}

function errorResult(e: AppError): StoredResult {
  return {
    status: e.status,
    body: { error: { code: e.code, message: e.message, fields: e.fields } },
  };
}

/**
 * Runs `execute` at most once per (scope, key) and request; see the file comment. `scope` is the
 * caller (the API key's id), so keys of different callers never collide.
 */
export async function runIdempotent(
  req: { scope: string; key: string; method: string; path: string; body: unknown },
  execute: () => Promise<StoredResult>,
): Promise<StoredResult & { replayed: boolean }> {
  checkKey(req.key);
  const hash = requestHash(req.method, req.path, req.body);
  const id = await claim(req.scope, req.key, req.method, req.path, hash);
  if (!id) {
    const first = await db.idempotencyKey.findUnique({
      where: { scope_key: { scope: req.scope, key: req.key } },
    });
    if (!first || first.responseStatus === null)
      throw new AppError(
        "CONFLICT",
        "A request with this Idempotency-Key is still being processed; retry shortly.",
      );
    if (first.requestHash !== hash)
      throw new AppError(
        "UNPROCESSABLE",
        "This Idempotency-Key was already used with a different request; use a new key.",
        { [IDEMPOTENCY_HEADER]: "reused with different parameters" },
      );
    return { status: first.responseStatus, body: first.responseBody, replayed: true };
  }
  let result: StoredResult;
  try {
    result = await execute();
  } catch (e) {
    const known = toAppError(e);
    if (!known || !STORED_REFUSALS.has(known.status)) {
      await db.idempotencyKey.delete({ where: { id } });
      throw e;
    }
    result = errorResult(known);
  }
  await db.idempotencyKey.update({
    where: { id },
    data: {
      responseStatus: result.status,
      responseBody: result.body == null ? Prisma.JsonNull : (result.body as Prisma.InputJsonValue),
      completedAt: wallClock(),
    },
  });
  return { ...result, replayed: false };
}
