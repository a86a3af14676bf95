import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { TabNavLink } from "@/components/layout/tab-nav-link";
import { requireCustomer } from "@/lib/auth/session";
import { getBranding } from "@/lib/settings/get-branding";
import { brandedTitle } from "@/lib/settings/branded-title";
import { redirectIfNotSetUp } from "@/lib/setup/redirect-if-not-set-up";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await brandedTitle({ section: "My account" }) };
}
export const dynamic = "force-dynamic";

const NAV = [
  { href: "/portal", label: "Overview", exact: true },
  { href: "/portal/services", label: "Services" },
  { href: "/portal/invoices", label: "Invoices" },
  { href: "/portal/payments", label: "Payments" },
  { href: "/portal/payment-methods", label: "Payment methods" },
  { href: "/portal/usage", label: "Usage" },
  { href: "/portal/orders", label: "Orders" },
  { href: "/portal/documents", label: "Documents" },
  { href: "/portal/support", label: "Support" },
  { href: "/portal/profile", label: "Profile" },
];

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  await redirectIfNotSetUp();
  const actor = await requireCustomer("/portal");
  const brand = await getBranding();
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <Link href="/portal">
            <Logo name={brand.name} logoUrl={brand.logoUrl} />
          </Link>
          <div className="flex items-center gap-4 text-sm">
            <span className="text-slate-600">{actor.name}</span>
            <SignOutButton className="font-medium text-brand-700 hover:underline" />
          </div>
        </div>
        <nav
          aria-label="Account"
          className="mx-auto flex max-w-5xl gap-1 overflow-x-auto px-4 sm:px-6"
        >
          {NAV.map((n) => (
            <TabNavLink key={n.href} href={n.href} exact={n.exact}>
              {n.label}
            </TabNavLink>
          ))}
        </nav>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
