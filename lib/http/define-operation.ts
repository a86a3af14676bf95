// An HTTP API operation is declared once, in lib, as zod schemas: path params, query, body and
// the responses it returns. The route handler parses with exactly these schemas (apiOperation in
// lib/http/api-operation.ts) and the OpenAPI document (lib/http/openapi/document.ts) is generated
// from the same objects, so the two cannot drift. Each domain lists its operations in
// lib/http/openapi/<domain>.ts; the document collects them from lib/http/openapi/operations.ts.
// Keep these files free of database imports: the e2e tests load them to check live responses.
import type { z } from "zod";
import type { RoleList } from "@/lib/auth/roles";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type SuccessStatus = 200 | 201 | 202 | 204;

/** Requests larger than this are refused with 413 unless an operation says otherwise. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export const API_PREFIX = "/api/v1";

export type OperationSpec = {
  method: HttpMethod;
  /** OpenAPI path below `prefix`, with `{param}` placeholders: `/invoices/{id}/void`. */
  path: string;
  /** Where the path is mounted; default /api/v1 (the public REST API). */
  prefix?: string;
  summary: string;
  description?: string;
  tag: string;
  /**
   * Roles whose API keys may call it (`rolesWith("billing:read")` from lib/auth/roles); other
   * keys get 403 before any input is read, and the lib use case checks again. Omit for public.
   */
  roles?: RoleList;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /**
   * Status → response body schema (`null` for an empty body, e.g. 204). A plain return from the
   * handler answers the lowest status; `reply(status, body)` another declared one.
   */
  responses: Partial<Record<SuccessStatus, z.ZodType | null>>;
  /**
   * `multipart/form-data`: the body is a form (file uploads). `body` parses its text fields; the
   * files named in `files` reach the handler as `files` (documented as binary fields).
   */
  consumes?: "multipart/form-data";
  files?: readonly string[];
  /** Content type of a non-JSON success response (e.g. application/pdf). */
  produces?: string;
  /** Honours an `Idempotency-Key` header (same key and body → the first result; other body → 422). */
  idempotent?: boolean;
  /** Rate-limited per client IP (documents the 429). */
  rateLimited?: boolean;
  /** Largest request body accepted (default 1 MB); beyond it 413. */
  maxBodyBytes?: number;
};

export function defineOperation<const S extends OperationSpec>(spec: S): S {
  return spec;
}

/** The URL path an operation is served at, with `{param}` placeholders: `/api/v1/invoices/{id}`. */
export const operationPath = (op: OperationSpec) => `${op.prefix ?? API_PREFIX}${op.path}`;
