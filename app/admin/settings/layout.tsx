import { requirePermission } from "@/lib/auth/require-permission";

// Checked here, above this section's loading.tsx, so a colleague without the permission gets a
// real 403 before anything streams (a check in the page itself would answer 200 with the 403 page).
export default async function Layout({ children }: { children: React.ReactNode }) {
  await requirePermission("settings:write", "/admin/settings");
  return children;
}
