import type { Metadata } from "next";
import { brandedTitle } from "@/lib/settings/branded-title";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: await brandedTitle(),
    description: "Internet service: check coverage, sign up and manage your account.",
    icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } },
  };
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
