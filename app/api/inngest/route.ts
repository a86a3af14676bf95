import { NextResponse } from "next/server";
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { usesInngestServer } from "@/lib/env";
import { syncClock } from "@/lib/time/sync-clock";

// Inngest servers (self-hosted `inngest start` or Inngest Cloud) call this endpoint, once per step:
// each call syncs the sandbox clock first, so a step on any instance runs on the shared time.
// Without a server configured the embedded scheduler runs the jobs and nothing may call here: 404.
const handlers = serve({ client: inngest, functions });
const notServed = () =>
  NextResponse.json(
    {
      error: {
        code: "NOT_FOUND",
        message: "No Inngest server is configured: jobs run in the app's own scheduler.",
      },
    },
    { status: 404 },
  );
const synced =
  <A extends unknown[], R>(handler: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R | Response> => {
    if (!usesInngestServer()) return notServed();
    await syncClock();
    return handler(...args);
  };

export const GET = synced(handlers.GET);
export const POST = synced(handlers.POST);
export const PUT = synced(handlers.PUT);
