import type { Tone } from "@/components/ui/badge";

export function runTone(status: string, interrupted?: boolean): Tone {
  if (interrupted) return "red";
  return status === "COMPLETED" ? "green" : status === "FAILED" ? "red" : "blue";
}
