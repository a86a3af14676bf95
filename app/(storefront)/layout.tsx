import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { getBranding } from "@/lib/settings/get-branding";
import { redirectIfNotSetUp } from "@/lib/setup/redirect-if-not-set-up";
import { currentActor } from "@/lib/auth/session";
import { MobileMenu } from "@/components/storefront/mobile-menu";

const LINKS = [
  { href: "/#plans", label: "Plans" },
  { href: "/coverage", label: "Check coverage" },
];
const LEGAL = [
  { href: "/terms", label: "Terms of service" },
  { href: "/privacy", label: "Privacy notice" },
];

export const dynamic = "force-dynamic";

export default async function StorefrontLayout({ children }: { children: React.ReactNode }) {
  await redirectIfNotSetUp();
  const [brand, actor] = await Promise.all([getBranding(), currentActor()]);
  // Signed in, a customer is greeted and their account is one tap away (another service is
  // ordered from the plans or the coverage check like a first one).
  const account =
    actor?.role === "CUSTOMER"
      ? { href: "/portal", label: `My account (${actor.name.split(" ")[0]})` }
      : { href: "/portal", label: "My account" };
  return (
    <div className="flex min-h-screen flex-col bg-white">
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="relative mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <Link href="/" aria-label={`${brand.name} home`}>
            <Logo name={brand.name} logoUrl={brand.logoUrl} />
          </Link>
          <nav
            aria-label="Main"
            className="hidden items-center gap-4 text-sm font-medium text-slate-700 sm:flex"
          >
            {LINKS.map((l) => (
              <Link
                key={l.href}
                href={l.href}
                className="whitespace-nowrap rounded px-2 py-1 hover:text-brand-700"
              >
                {l.label}
              </Link>
            ))}
            <Link
              href={account.href}
              className="whitespace-nowrap rounded-md bg-brand-700 px-3 py-1.5 text-white hover:bg-brand-800"
            >
              {account.label}
            </Link>
          </nav>
          <MobileMenu items={[...LINKS, account, ...LEGAL]} />
        </div>
      </header>
      <main className="flex-1">{children}</main>
      <footer className="border-t border-slate-200 bg-slate-50">
        <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-4 py-8 text-sm text-slate-500 sm:px-6">
          <p>
            © {new Date().getFullYear()} {brand.name}.{" "}
            {brand.phone && <>Call us on {brand.phone}.</>}
          </p>
          <p className="flex flex-wrap gap-4">
            {LEGAL.map((l) => (
              <Link key={l.href} href={l.href} className="hover:text-slate-700">
                {l.label}
              </Link>
            ))}
            <Link href="/signin" className="hover:text-slate-700">
              Staff sign-in
            </Link>
          </p>
        </div>
      </footer>
    </div>
  );
}
