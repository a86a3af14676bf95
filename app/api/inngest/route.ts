import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { syncClock } from "@/lib/time/sync-clock";

// Inngest servers (self-hosted `inngest start` or Inngest Cloud) call this endpoint, once per step:
// each call syncs the sandbox clock first, so a step on any instance runs on the shared time.
const handlers = serve({ client: inngest, functions });
const synced =
  <A extends unknown[], R>(handler: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    await syncClock();
    return handler(...args);
  };

export const GET = synced(handlers.GET);
export const POST = synced(handlers.POST);
export const PUT = synced(handlers.PUT);
