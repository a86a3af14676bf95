"use client";

import { StatusPage } from "@/components/layout/status-page";

// Something failed on our side while rendering (the server has logged it with this digest).
// Missing records and refused roles never land here: pages turn them into 404 and 403.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <StatusPage
      code="Error"
      title="Something went wrong on our side"
      action={
        <button type="button" onClick={reset} className="text-brand-700 hover:underline">
          Try again
        </button>
      }
    >
      It has been logged{error.digest ? ` (reference ${error.digest})` : ""}. Please try again in a
      moment.
    </StatusPage>
  );
}
