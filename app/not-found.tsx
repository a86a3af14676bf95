import type { Metadata } from "next";
import { StatusPage } from "@/components/layout/status-page";

export const metadata: Metadata = { title: "Not found" };

// Missing pages and records that do not exist (or are not yours to see): a real 404.
export default function NotFound() {
  return (
    <StatusPage code="404" title="We couldn't find that">
      The page or record does not exist, or the link is out of date.
    </StatusPage>
  );
}
