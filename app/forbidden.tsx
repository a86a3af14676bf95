import type { Metadata } from "next";
import Link from "next/link";
import { StatusPage } from "@/components/layout/status-page";

export const metadata: Metadata = { title: "Not allowed" };

// A signed-in colleague whose role may not see this page (lib/auth/roles.ts): a real 403.
export default function Forbidden() {
  return (
    <StatusPage
      code="403"
      title="Your role can't open this page"
      action={
        <Link href="/admin" className="text-brand-700 hover:underline">
          Back office
        </Link>
      }
    >
      Ask an administrator if your work needs it.
    </StatusPage>
  );
}
