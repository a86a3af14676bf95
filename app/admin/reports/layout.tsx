import { TabNavLink } from "@/components/layout/tab-nav-link";
import { requirePermission } from "@/lib/auth/require-permission";

// Checked here, above the pages, so a colleague without reports:read gets a real 403.
export default async function Layout({ children }: { children: React.ReactNode }) {
  await requirePermission("reports:read", "/admin/reports");
  return (
    <>
      <nav
        aria-label="Reports"
        className="mb-6 flex gap-1 overflow-x-auto border-b border-slate-200"
      >
        <TabNavLink href="/admin/reports" exact>
          MRR
        </TabNavLink>
        <TabNavLink href="/admin/reports/aging">Aging</TabNavLink>
        <TabNavLink href="/admin/reports/revenue">Revenue and collections</TabNavLink>
        <TabNavLink href="/admin/reports/tax">Tax</TabNavLink>
      </nav>
      {children}
    </>
  );
}
