import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { getBranding } from "@/lib/settings/get-branding";

export const dynamic = "force-dynamic";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const brand = await getBranding();
  return (
    <div className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-br from-slate-50 to-brand-50 px-4 py-12">
      <Link href="/" className="mb-8">
        <Logo name={brand.name} logoUrl={brand.logoUrl} />
      </Link>
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-lg ring-1 ring-slate-200">
        {children}
      </div>
    </div>
  );
}
