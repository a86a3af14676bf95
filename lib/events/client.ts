import { Inngest } from "inngest";

/** The Inngest client. Served at /api/inngest when an Inngest server is configured. */
export const inngest = new Inngest({ id: "lastmile" });
