import { cn } from "./cn";

/** Grey placeholder blocks for loading.tsx files. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn("animate-pulse rounded bg-slate-200", className)} />;
}

/** A page-sized loading placeholder: title line and a few rows. */
export function PageSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading">
      <Skeleton className="mb-2 h-7 w-56" />
      <Skeleton className="mb-6 h-4 w-80" />
      <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="my-3 h-5 w-full" />
        ))}
      </div>
    </div>
  );
}
