import type { Metadata } from "next";
import { connection } from "next/server";
import { brandedTitle } from "@/lib/settings/branded-title";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: await brandedTitle(),
    description: "Internet service: check coverage, sign up and manage your account.",
    icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so Next can put that request's CSP nonce (proxy.ts) on
  // its scripts; a page prerendered at build time would carry none and be blocked.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
