import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Logo } from "@/components/layout/logo";
import { isSetUp } from "@/lib/settings/get-settings";
import { SetupForm } from "./setup-form";

// Before setup there is no ISP name yet: the software names itself.
export const metadata: Metadata = { title: { absolute: "Set up Lastmile" } };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  // Setup happens once; afterwards this page does not exist.
  if (await isSetUp()) notFound();
  const currencies = Intl.supportedValuesOf("currency");
  const timeZones = ["UTC", ...Intl.supportedValuesOf("timeZone")];
  return (
    <div className="min-h-screen bg-gradient-to-br from-slate-50 to-brand-50 px-4 py-12">
      <div className="mx-auto max-w-2xl">
        <Logo name="Lastmile" />
        <h1 className="mt-8 text-2xl font-bold tracking-tight text-slate-900">Set up your ISP</h1>
        <p className="mt-1 text-sm text-slate-600">
          A few details to start billing. Everything except the currency can be changed later in
          Settings.
        </p>
        <SetupForm currencies={currencies} timeZones={timeZones} />
      </div>
    </div>
  );
}
