type Change = { from: unknown; to: unknown };
const isChange = (v: unknown): v is Change =>
  typeof v === "object" && v !== null && "from" in v && "to" in v;
const show = (v: unknown) =>
  v === null || v === undefined || v === ""
    ? "—"
    : typeof v === "object"
      ? JSON.stringify(v)
      : String(v);

/** An audit row's data: before/after diffs as "field: old → new" lines, anything else as JSON. */
export function AuditData({ data }: { data: unknown }) {
  if (data === null || data === undefined) return null;
  const entries =
    typeof data === "object" && !Array.isArray(data)
      ? Object.entries(data as Record<string, unknown>)
      : [];
  const diff = entries.length > 0 && entries.every(([, v]) => isChange(v));
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs font-medium text-brand-700">
        {diff ? `${entries.length} field${entries.length === 1 ? "" : "s"} changed` : "Details"}
      </summary>
      {diff ? (
        <dl className="mt-1 grid max-w-xl grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 whitespace-normal text-xs">
          {entries.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-slate-600">{k}</dt>
              <dd className="break-words text-slate-700">
                <span className="text-slate-400 line-through">{show((v as Change).from)}</span> →{" "}
                {show((v as Change).to)}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <pre className="mt-1 max-w-xl overflow-x-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 text-xs text-slate-700">
          {JSON.stringify(data, null, 2)}
        </pre>
      )}
    </details>
  );
}
