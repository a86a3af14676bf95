"use client";

// Daily usage as a stacked bar chart (recharts, as the reports use). The chart is a picture for
// sighted users; the table beside it on the page carries the same numbers for everyone else.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type UsageDay = { label: string; downloadGb: number; uploadGb: number };

const COLORS = { download: "#0f766e", upload: "#94a3b8" };

export function UsageChart({ days, locale }: { days: UsageDay[]; locale: string }) {
  const gb = (v: number) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: v < 10 ? 1 : 0 }).format(v)} GB`;
  return (
    <figure className="px-5 pt-4">
      <div
        className="h-56 w-full"
        role="img"
        aria-label="Data used per day (the table below has the figures)"
      >
        <ResponsiveContainer>
          <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={12} />
            <YAxis tickFormatter={gb} tick={{ fontSize: 11 }} width={64} />
            <Tooltip formatter={(v) => gb(Number(v))} />
            <Bar dataKey="downloadGb" name="Download" stackId="d" fill={COLORS.download} />
            <Bar dataKey="uploadGb" name="Upload" stackId="d" fill={COLORS.upload} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 flex gap-4 text-xs text-slate-600">
        {(["download", "upload"] as const).map((k) => (
          <span key={k} className="flex items-center gap-1.5">
            <span
              aria-hidden
              className="h-2.5 w-2.5 rounded-sm"
              style={{ background: COLORS[k] }}
            />
            {k === "download" ? "Download" : "Upload"}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
