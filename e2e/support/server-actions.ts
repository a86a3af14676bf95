// Calls server actions the way the browser does: POST to a page that uses the action, with the
// action's id (from the build's server-reference manifest, i.e. every action the compiled route
// tree exposes) and its arguments encoded by React's own encodeReply. This exercises exactly
// what an attacker can reach, without a browser and without knowing the forms.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { APIRequestContext } from "@playwright/test";
import { E2E } from "./env";
import { routePattern } from "./route-tree";

export type ServerAction = {
  id: string;
  /** "app/admin/users/set-user-active-action.ts#setUserActiveAction" */
  key: string;
  /** A page pattern that uses it, e.g. "/admin/orders/[id]". */
  page: string;
};

type Manifest = {
  node: Record<
    string,
    { exportedName?: string; filename?: string; workers: Record<string, unknown> }
  >;
};

let cached: ServerAction[] | undefined;

/** Every action in the build (.next/server/server-reference-manifest.json). */
export function serverActions(): ServerAction[] {
  return (cached ??= readManifest());
}

function readManifest(): ServerAction[] {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as Manifest;
  return Object.entries(manifest.node)
    .map(([id, a]) => {
      const filename = (a.filename ?? "").replace(/^(\[project\]\/|\.\/)/, "");
      const worker = Object.keys(a.workers).find((w) => /\/page$/.test(w)) ?? "";
      return {
        id,
        key: `${filename}#${a.exportedName ?? "?"}`,
        page: routePattern(`${worker.replace(/^\/?/, "")}.tsx`),
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

// React's client half, as Next ships it: the same encoding the browser sends.
const { encodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-webpack/client.node",
) as { encodeReply: (args: unknown[]) => Promise<string | FormData> };

/** A form action's arguments: the previous state and the submitted fields. */
export function formArgs(fields: Record<string, string> = {}): unknown[] {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return [{ status: "idle" }, form];
}

export type ActionOutcome = {
  status: number;
  /** Where the action redirected to (x-action-redirect), if it did. */
  redirect: string | null;
  body: string;
};

export async function callAction(
  ctx: APIRequestContext,
  action: ServerAction,
  url: string,
  args: unknown[],
): Promise<ActionOutcome> {
  const encoded = await encodeReply(args);
  const headers = { "next-action": action.id, origin: E2E.baseUrl, accept: "text/x-component" };
  const res = await ctx.post(url, {
    headers: typeof encoded === "string" ? { ...headers, "content-type": "text/plain" } : headers,
    ...(typeof encoded === "string" ? { data: encoded } : { multipart: encoded }),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  // An id the server does not know would pass any "refused" or "allowed" check unnoticed.
  if (res.headers()["x-nextjs-action-not-found"] === "1")
    throw new Error(`the server does not know action ${action.key} (${action.id})`);
  const redirect = res.headers()["x-action-redirect"]?.split(";")[0] ?? null;
  return { status: res.status(), redirect, body: await res.text() };
}
