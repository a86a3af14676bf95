import { roleLabel } from "@/lib/format/labels";
import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { NavLink } from "@/components/layout/nav-link";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { ADMIN_NAV } from "@/components/layout/admin-nav";
import { SandboxClockBanner } from "@/components/admin/sandbox-clock-banner";
import { requireStaff } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getBranding } from "@/lib/settings/get-branding";
import { brandedTitle } from "@/lib/settings/branded-title";
import { redirectIfNotSetUp } from "@/lib/setup/redirect-if-not-set-up";
import { readSandboxClock } from "@/lib/sandbox/read-sandbox-clock";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await brandedTitle({ section: "Back office" }) };
}
export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await redirectIfNotSetUp();
  const actor = await requireStaff("/admin");
  const [brand, sandboxNow] = await Promise.all([getBranding(), readSandboxClock()]);
  const nav = ADMIN_NAV.filter((n) => !n.permission || can(actor, n.permission));
  return (
    <div className="min-h-screen lg:flex">
      <aside className="bg-brand-900 lg:fixed lg:inset-y-0 lg:flex lg:w-60 lg:flex-col">
        <div className="flex items-center justify-between px-4 py-4 lg:block">
          <Link href="/admin">
            <Logo name={brand.name} inverted />
          </Link>
          <p className="mt-1 hidden text-xs uppercase tracking-wider text-brand-200 lg:block">
            Back office
          </p>
        </div>
        <nav
          aria-label="Back office"
          className="flex gap-1 overflow-x-auto px-3 pb-3 lg:flex-1 lg:flex-col lg:overflow-visible"
        >
          {nav.map((n) => (
            <NavLink key={n.href} href={n.href} exact={n.href === "/admin"}>
              {n.label}
            </NavLink>
          ))}
        </nav>
        <div className="hidden border-t border-brand-800 px-4 py-4 text-sm lg:block">
          <p className="font-medium text-white">{actor.name}</p>
          <p className="text-xs text-brand-200">{roleLabel(actor.role)}</p>
          <SignOutButton className="mt-2 text-xs font-medium text-brand-100 hover:text-white" />
        </div>
      </aside>
      <div className="min-w-0 flex-1 lg:pl-60">
        {sandboxNow ? (
          <SandboxClockBanner now={sandboxNow} locale={brand.locale} timeZone={brand.timeZone} />
        ) : null}
        {can(actor, "customers:read") && (
          <form
            role="search"
            action="/admin/customers"
            className="mx-auto flex max-w-7xl gap-2 px-4 pt-4 sm:px-8"
          >
            <label htmlFor="global-search" className="sr-only">
              Find a customer
            </label>
            <input
              id="global-search"
              name="q"
              type="search"
              placeholder="Find a customer: name, account, email, phone, ID, invoice, IP, MAC, PPPoE user"
              className="block w-full max-w-xl rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-500 focus:ring-2 focus:ring-brand-600"
            />
          </form>
        )}
        <main className="mx-auto max-w-7xl px-4 py-8 sm:px-8">{children}</main>
      </div>
    </div>
  );
}
