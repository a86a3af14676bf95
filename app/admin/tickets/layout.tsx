import { requirePermission } from "@/lib/auth/require-permission";

// Checked here, above this section's loading.tsx, so a colleague without the permission gets a
// real 403 before anything streams.
export default async function Layout({ children }: { children: React.ReactNode }) {
  await requirePermission("tickets:read", "/admin/tickets");
  return children;
}
