// The sandbox clock: only on instances started with SANDBOX_CLOCK=true (404 otherwise).
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";

const Clock = z
  .object({ now: z.string().meta({ examples: ["2027-01-01T07:00:00.000Z"] }) })
  .meta({ id: "SandboxClock" });
const note =
  "Only on an instance started with `SANDBOX_CLOCK=true`; 404 otherwise. Business time (billing runs' default date, plan changes, cancellations, invoice and due dates, held drafts, every scheduled sweep) follows this clock on every instance sharing the database.";

export const getSandboxClockOp = defineOperation({
  method: "GET",
  path: "/sandbox/clock",
  tag: "Sandbox",
  summary: "The instance's business time",
  description: note,
  roles: ["ADMIN"],
  responses: { 200: Clock },
});

export const setSandboxClockOp = defineOperation({
  method: "PUT",
  path: "/sandbox/clock",
  tag: "Sandbox",
  summary: "Move business time to an instant, earlier or later",
  description: `${note} Time keeps running from the instant set.`,
  roles: ["ADMIN"],
  body: z.object({ now: z.iso.datetime({ offset: true }) }),
  responses: { 200: Clock },
});

export const resetSandboxClockOp = defineOperation({
  method: "DELETE",
  path: "/sandbox/clock",
  tag: "Sandbox",
  summary: "Back to real time",
  description: note,
  roles: ["ADMIN"],
  responses: { 200: Clock },
});

export const sandboxOperations = [getSandboxClockOp, setSandboxClockOp, resetSandboxClockOp];
