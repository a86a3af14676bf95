import type { Metadata } from "next";
import { QueryProvider } from "@/components/storefront/query-provider";
import { getCoverageMap } from "@/lib/coverage/get-coverage-map";
import { CoverageChecker } from "./coverage-checker";

export const metadata: Metadata = { title: "Check coverage" };

export default async function CoveragePage({
  searchParams,
}: {
  searchParams: Promise<{ plan?: string }>;
}) {
  const [{ plan }, map] = await Promise.all([searchParams, getCoverageMap()]);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Is your home covered?</h1>
      <p className="mt-2 max-w-2xl text-slate-600">
        Find your address or drop a pin on the map. You will see the plans we can connect there,
        with prices, and can sign up right away.
      </p>
      <div className="mt-8">
        <QueryProvider>
          <CoverageChecker center={map.center} areas={map.areas} wantedPlan={plan} />
        </QueryProvider>
      </div>
    </div>
  );
}
