import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { getBranding } from "@/lib/settings/get-branding";
import { redirectIfNotSetUp } from "@/lib/setup/redirect-if-not-set-up";

export const dynamic = "force-dynamic";

export default async function StorefrontLayout({ children }: { children: React.ReactNode }) {
  await redirectIfNotSetUp();
  const brand = await getBranding();
  return (
    <div className="flex min-h-screen flex-col bg-white">
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <Link href="/" aria-label={`${brand.name} home`}>
            <Logo name={brand.name} logoUrl={brand.logoUrl} />
          </Link>
          <nav className="flex items-center gap-1 text-sm font-medium text-slate-700 sm:gap-4">
            <Link
              href="/#plans"
              className="hidden rounded px-2 py-1 hover:text-brand-700 sm:inline"
            >
              Plans
            </Link>
            <Link
              href="/coverage"
              className="hidden whitespace-nowrap rounded px-2 py-1 hover:text-brand-700 sm:inline"
            >
              Check coverage
            </Link>
            <Link
              href="/portal"
              className="whitespace-nowrap rounded-md bg-brand-700 px-3 py-1.5 text-white hover:bg-brand-800"
            >
              My account
            </Link>
          </nav>
        </div>
      </header>
      <main className="flex-1">{children}</main>
      <footer className="border-t border-slate-200 bg-slate-50">
        <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-4 py-8 text-sm text-slate-500 sm:px-6">
          <p>
            © {new Date().getFullYear()} {brand.name}.{" "}
            {brand.phone && <>Call us on {brand.phone}.</>}
          </p>
          <p className="flex gap-4">
            <Link href="/signin" className="hover:text-slate-700">
              Staff sign-in
            </Link>
          </p>
        </div>
      </footer>
    </div>
  );
}
