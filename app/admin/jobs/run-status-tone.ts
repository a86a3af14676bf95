import type { Tone } from "@/components/ui/badge";

export function runStatusTone(status: string): Tone {
  if (status === "SUCCEEDED") return "green";
  if (status === "FAILED") return "red";
  if (status === "SKIPPED") return "amber";
  return "blue";
}
