"use client";

// The reports' charts (recharts), drawn from plain numbers the page already holds; money arrives
// in minor units and is shown with the one money formatter.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatMoney } from "@/lib/money/format-money";

type Money = { currency: string; locale: string };
const axisMoney = (m: Money) => (v: number) =>
  formatMoney(Math.round(v), m.currency, m.locale).replace(/[.,]00$/, "");

const COLORS = {
  base: "#94a3b8",
  up: "#0f766e",
  down: "#dc2626",
  bar: "#0f766e",
  aging: ["#0f766e", "#ca8a04", "#ea580c", "#dc2626", "#7f1d1d"],
};

type Step = { label: string; amount: number; kind: "total" | "up" | "down" };

/** Each step floats from the running level: `base` is the invisible part of its stacked bar. */
function waterfall(steps: Step[]) {
  const out: (Step & { base: number; value: number })[] = [];
  let level = 0;
  for (const s of steps) {
    const from = s.kind === "total" ? 0 : level;
    level = s.kind === "total" ? s.amount : s.kind === "up" ? level + s.amount : level - s.amount;
    out.push({ ...s, base: s.kind === "total" ? 0 : Math.min(from, level), value: s.amount });
  }
  return out;
}

/** Opening, the movements as floating steps, closing: one waterfall over the whole range. */
export function MrrWaterfall({ steps, ...m }: Money & { steps: Step[] }) {
  const data = waterfall(steps);
  return (
    <div className="h-72 w-full" role="img" aria-label="MRR waterfall">
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {/* Slanted so seven labels stay readable on a phone. */}
          <XAxis
            dataKey="label"
            tick={{ fontSize: 11 }}
            interval={0}
            angle={-30}
            textAnchor="end"
            height={56}
          />
          <YAxis tickFormatter={axisMoney(m)} tick={{ fontSize: 12 }} width={90} />
          <Tooltip
            formatter={(_v, _n, item) => formatMoney(item.payload.amount, m.currency, m.locale)}
          />
          <Bar dataKey="base" stackId="w" fill="transparent" isAnimationActive={false} />
          <Bar dataKey="value" stackId="w" isAnimationActive={false} name="Amount">
            {data.map((d) => (
              <Cell
                key={d.label}
                fill={d.kind === "total" ? COLORS.base : d.kind === "up" ? COLORS.up : COLORS.down}
              />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Open receivables per aging bucket. */
export function AgingBars({
  buckets,
  ...m
}: Money & { buckets: { label: string; amount: number }[] }) {
  return (
    <div className="h-64 w-full" role="img" aria-label="Receivables by age">
      <ResponsiveContainer>
        <BarChart data={buckets} margin={{ top: 8, right: 8, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={axisMoney(m)} tick={{ fontSize: 12 }} width={90} />
          <Tooltip formatter={(v) => formatMoney(Number(v), m.currency, m.locale)} />
          <Bar dataKey="amount" name="Open" isAnimationActive={false}>
            {buckets.map((b, i) => (
              <Cell key={b.label} fill={COLORS.aging[i % COLORS.aging.length]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Horizontal bars: an amount per label (collections by method, revenue by month). */
export function AmountBars({
  rows,
  label,
  ...m
}: Money & { rows: { label: string; amount: number }[]; label: string }) {
  return (
    <div className="h-64 w-full" role="img" aria-label={label}>
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={axisMoney(m)} tick={{ fontSize: 12 }} width={90} />
          <Tooltip formatter={(v) => formatMoney(Number(v), m.currency, m.locale)} />
          <Bar dataKey="amount" name={label} fill={COLORS.bar} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
