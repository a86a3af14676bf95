import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";

// Inngest servers (self-hosted `inngest start` or Inngest Cloud) call this endpoint.
export const { GET, POST, PUT } = serve({ client: inngest, functions });
