"use client";

import "./globals.css";
import { StatusPage } from "@/components/layout/status-page";

// The last resort when the root layout itself fails: it replaces the whole document.
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <StatusPage
          code="Error"
          title="Something went wrong on our side"
          action={
            <button type="button" onClick={reset} className="text-brand-700 hover:underline">
              Try again
            </button>
          }
        >
          It has been logged{error.digest ? ` (reference ${error.digest})` : ""}. Please try again
          in a moment.
        </StatusPage>
      </body>
    </html>
  );
}
