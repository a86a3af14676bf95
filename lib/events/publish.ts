// Publishes an event: to the Inngest server when one is configured, otherwise to in-process
// listeners (the embedded scheduler runs the matching sweep at once).
import { usesInngestServer } from "@/lib/env";
import { inngest } from "./client";
import { logger } from "@/lib/log";

type Sendable = { name: string; data: unknown };
type Listener = (event: Sendable) => void | Promise<void>;

const globalListeners = globalThis as unknown as { lastmileListeners?: Set<Listener> };
const listeners = (globalListeners.lastmileListeners ??= new Set<Listener>());

export function onEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function publish(event: Sendable & { validate?: () => Promise<void> }): Promise<void> {
  if (usesInngestServer()) {
    await inngest.send(event as Parameters<typeof inngest.send>[0]);
    return;
  }
  for (const listener of listeners) {
    // Listeners run after the response; a failure is logged, the sweep catches up later.
    Promise.resolve(listener({ name: event.name, data: event.data })).catch((err) =>
      logger.error({ err, event: event.name }, "event listener failed"),
    );
  }
}
