import { cn } from "./cn";

export function Table({ children, className }: { children: React.ReactNode; className?: string }) {
  // Focusable, so a table wider than a phone can be scrolled from the keyboard (WCAG 2.1.1;
  // axe: scrollable-region-focusable).
  return (
    <div
      tabIndex={0}
      className={cn(
        "overflow-x-auto focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600",
        className,
      )}
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm">{children}</table>
    </div>
  );
}

export function Th({
  children,
  numeric,
  className,
}: {
  children?: React.ReactNode;
  numeric?: boolean;
  className?: string;
}) {
  return (
    <th
      scope="col"
      className={cn(
        "whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500",
        numeric && "text-right",
        className,
      )}
    >
      {children}
    </th>
  );
}

export function Td({
  children,
  numeric,
  className,
}: {
  children?: React.ReactNode;
  numeric?: boolean;
  className?: string;
}) {
  return (
    <td
      className={cn(
        // A caller's own whitespace-* wins (two whitespace utilities would tie on order in the CSS).
        !className?.includes("whitespace-") && "whitespace-nowrap",
        "px-4 py-2.5 text-slate-700",
        numeric && "tabular text-right",
        className,
      )}
    >
      {children}
    </td>
  );
}

/** Shown instead of a table body when a list has no rows. */
export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="px-6 py-12 text-center">
      <p className="text-sm font-semibold text-slate-900">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-500">{children}</div>}
    </div>
  );
}
