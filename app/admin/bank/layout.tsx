import { requirePermission } from "@/lib/auth/require-permission";

// Bank files are for ACCOUNTS and ADMIN (banking:write); checked above any loading state so other
// roles get a real 403.
export default async function Layout({ children }: { children: React.ReactNode }) {
  await requirePermission("banking:write", "/admin/bank");
  return children;
}
