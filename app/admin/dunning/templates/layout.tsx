import { requirePermission } from "@/lib/auth/require-permission";

// Editing what customers are sent is a settings change: checked here for a real 403.
export default async function Layout({ children }: { children: React.ReactNode }) {
  await requirePermission("settings:write", "/admin/dunning/templates");
  return children;
}
