// Calls an /api/v1 route handler in-process the way Next would: a real NextRequest with the API
// key, params as a promise; JSON bodies are parsed, anything else comes back as bytes. A handler
// bound with apiOperation must answer what its operation documents (status and exact body).
import { NextRequest } from "next/server";
import type { OperationSpec } from "@/lib/http/define-operation";
import { expectDocumented } from "./expect-documented";

type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export type ApiReply = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function callApi(
  handler: unknown,
  method: string,
  path: string,
  opts: { body?: unknown; params?: Record<string, string>; key?: string } = {},
): Promise<ApiReply> {
  const req = new NextRequest(`http://localhost/api/v1${path}`, {
    method,
    headers: {
      ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}),
      "content-type": "application/json",
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const res = await (handler as Handler)(req, { params: Promise.resolve(opts.params ?? {}) });
  const type = res.headers.get("content-type") ?? "";
  const body = type.includes("json")
    ? await res.json()
    : res.status === 204
      ? null
      : Buffer.from(await res.arrayBuffer());
  const operation = (handler as { operation?: OperationSpec }).operation;
  if (operation) expectDocumented(operation, res.status, type.includes("json") ? body : null);
  return { status: res.status, body };
}

type Route = ((req: NextRequest, ctx: never) => Promise<Response>) & { operation: OperationSpec };

/**
 * Calls a handler bound with apiOperation with its declared method at the full `path`; a string
 * body is sent as it is (malformed JSON, other formats), an object as JSON. The answer must be
 * what the operation documents.
 */
export async function callOperation(
  route: unknown,
  opts: {
    path: string;
    key?: string;
    params?: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
  },
): Promise<ApiReply> {
  const handler = route as Route;
  const body =
    opts.body === undefined || typeof opts.body === "string"
      ? (opts.body as string | undefined)
      : JSON.stringify(opts.body);
  const req = new NextRequest(`http://localhost${opts.path}`, {
    method: handler.operation.method,
    headers: {
      ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...opts.headers,
    },
    body,
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) } as never);
  const type = res.headers.get("content-type") ?? "";
  const json = type.includes("json") ? await res.json() : null;
  expectDocumented(handler.operation, res.status, json);
  return { status: res.status, body: json };
}
