"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A read-only value with a copy button (for secrets shown once). */
export function CopyField({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-2 flex gap-2">
      <input
        readOnly
        value={value}
        aria-label="New API key"
        onFocus={(e) => e.currentTarget.select()}
        className="block w-full rounded-md bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-inset ring-emerald-300"
      />
      <Button
        type="button"
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(value);
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy"}
      </Button>
    </div>
  );
}
