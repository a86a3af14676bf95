/** What a storefront server action returns to a client component (JSON-safe). */
export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; message: string; fields?: Record<string, string> };
