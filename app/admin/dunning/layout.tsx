import { requirePermission } from "@/lib/auth/require-permission";

// Checked above the page so a colleague without the permission gets a real 403.
export default async function Layout({ children }: { children: React.ReactNode }) {
  await requirePermission("billing:read", "/admin/dunning");
  return children;
}
