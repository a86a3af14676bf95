// An /api/v1 operation is declared once, in lib, as zod schemas: path params, query, body and
// the responses it returns. The route handler parses with exactly these schemas (apiOperation in
// lib/http/api-operation.ts) and the OpenAPI document (lib/http/openapi/document.ts) is generated
// from the same objects, so the two cannot drift. Each domain lists its operations in
// lib/http/openapi/<domain>.ts; the document collects them from lib/http/openapi/operations.ts.
import type { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type OperationSpec = {
  method: HttpMethod;
  /** OpenAPI path below /api/v1, with `{param}` placeholders: `/invoices/{id}/void`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Roles whose API keys may call it (documentation; the lib use case checks again). Omit for public. */
  roles?: readonly Role[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Status → response body schema (`null` for an empty body, e.g. 204). */
  responses: Partial<Record<200 | 201 | 202 | 204, z.ZodType | null>>;
  /** Content type of a non-JSON success response (e.g. application/pdf). */
  produces?: string;
  /** Honours an `Idempotency-Key` header (same key and body → the first result; other body → 422). */
  idempotent?: boolean;
};

export function defineOperation<const S extends OperationSpec>(spec: S): S {
  return spec;
}
