// The JobRun history both runners keep, the advisory lock that keeps runs of one job apart, who
// may see and run jobs, and the embedded scheduler starting a job on an in-process event.
import { InngestTestEngine } from "@inngest/test";
import { afterEach, beforeAll, expect, test } from "vitest";
import { functionFor } from "@/inngest/functions";
import { startEmbeddedScheduler } from "@/inngest/embedded-scheduler";
import { SYSTEM, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notificationQueued } from "@/lib/events/events";
import { publish } from "@/lib/events/publish";
import { withAdvisoryLock } from "@/lib/jobs/advisory-lock";
import { listJobs } from "@/lib/jobs/list-jobs";
import { findJob } from "@/lib/jobs/registry";
import { runJob } from "@/lib/jobs/run-job";
import { runJobNow } from "@/lib/jobs/run-job-now";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { setClock } from "@/lib/time/clock";
import { setupIsp } from "../billing/fixtures";

const admin: Actor = { kind: "user", id: "u-admin", role: "ADMIN", name: "Ada" };
const accounts: Actor = { kind: "user", id: "u-acc", role: "ACCOUNTS", name: "Abe" };

beforeAll(async () => {
  await setupIsp();
});
afterEach(() => setClock(undefined));

test("a run is recorded with its trigger, payload, times, duration and result", async () => {
  setClock(new Date("2026-06-01T10:00:00Z"));
  const outcome = await runJob({
    job: findJob("billing.finalize-held")!,
    payload: {},
    trigger: "manual",
  });
  expect(outcome).toEqual({
    runId: expect.any(String),
    status: "SUCCEEDED",
    result: { finalized: 0 },
    error: null,
  });
  expect(await db.jobRun.findUniqueOrThrow({ where: { id: outcome.runId } })).toMatchObject({
    jobName: "billing.finalize-held",
    trigger: "manual",
    payload: {},
    status: "SUCCEEDED",
    result: { finalized: 0 },
    startedAt: new Date("2026-06-01T10:00:00Z"),
    finishedAt: new Date("2026-06-01T10:00:00Z"),
    durationMs: 0,
    error: null,
  });
});

test("a failing run is recorded as FAILED with its error, on either engine", async () => {
  const embedded = await runJob({
    job: findJob("billing.invoice-documents")!,
    payload: { invoiceId: "no-such-invoice" },
    trigger: "manual",
  });
  expect(embedded).toMatchObject({ status: "FAILED", error: "Invoice not found" });

  // On Inngest a refusal (AppError) or a bad payload is not retried: it fails the run at once.
  // (@inngest/test stops at a failed step instead of handing its error back to the handler, as
  // Inngest does once a step's retries are spent, so that path is recorded only in production.)
  const engine = new InngestTestEngine({ function: functionFor("billing.invoice-documents") });
  const event = { name: "billing/invoice.finalized", data: { invoiceId: "no-such-invoice" } };
  const refused = await engine.execute({ events: [event] });
  expect(refused.error).toMatchObject({ name: "NonRetriableError", message: "Invoice not found" });
  const bad = await engine.execute({ events: [{ name: event.name, data: { invoiceId: 42 } }] });
  expect(bad.error).toMatchObject({ name: "NonRetriableError" });
  const runs = await db.jobRun.findMany({
    where: { jobName: "billing.invoice-documents" },
    orderBy: { startedAt: "asc" },
  });
  expect(runs.map((r) => [r.trigger, r.status, r.error])).toContainEqual([
    "event",
    "FAILED",
    "invoiceId: Invalid input: expected string, received number",
  ]);
  expect(runs[0]).toMatchObject({
    trigger: "manual",
    status: "FAILED",
    error: "Invoice not found",
  });
});

test("a run that finds the job's lock held elsewhere is SKIPPED, and the job runs once the lock is free", async () => {
  const job = findJob("notifications.deliver")!;
  const held = await withAdvisoryLock("notifications.deliver", () =>
    runJob({ job, payload: {}, trigger: "cron" }),
  );
  expect(held).toMatchObject({
    acquired: true,
    value: {
      status: "SKIPPED",
      error: 'another run holding "notifications.deliver" is in progress',
    },
  });
  expect(await runJob({ job, payload: {}, trigger: "cron" })).toMatchObject({
    status: "SUCCEEDED",
  });
});

test("runs older than 30 days are removed when the job runs again", async () => {
  await db.jobRun.create({
    data: {
      jobName: "notifications.deliver",
      trigger: "cron",
      status: "SUCCEEDED",
      startedAt: new Date("2026-01-01T00:00:00Z"),
    },
  });
  setClock(new Date("2026-03-01T00:00:00Z"));
  await runJob({ job: findJob("notifications.deliver")!, payload: {}, trigger: "cron" });
  expect(
    await db.jobRun.count({
      where: { jobName: "notifications.deliver", startedAt: { lt: new Date("2026-02-01") } },
    }),
  ).toBe(0);
});

test("only admins list jobs and run them now; the list shows each job's latest run", async () => {
  await expect(listJobs({ actor: accounts })).rejects.toThrow(AppError);
  await expect(runJobNow({ actor: accounts, name: "billing.run" })).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
  await expect(runJobNow({ actor: admin, name: "billing.nope" })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  const now = await runJobNow({ actor: admin, name: "billing.finalize-held" });
  expect(now).toMatchObject({ status: "SUCCEEDED", queued: false });
  const jobs = await listJobs({ actor: SYSTEM });
  const held = jobs.find((j) => j.name === "billing.finalize-held")!;
  expect(held).toMatchObject({
    schedule: "every 15 minutes",
    cron: "*/15 * * * *",
    nextRunAt: expect.stringMatching(/:(00|15|30|45):00\.000Z$/),
    lastRun: { id: now.runId, trigger: "manual", status: "SUCCEEDED" },
  });
});

test("the embedded scheduler runs a job when one of its events is published in-process", async () => {
  const stop = startEmbeddedScheduler();
  try {
    const n = await enqueueEmail({ to: "event@example.test", subject: "Now", text: "Hi" });
    await publish(notificationQueued.create({ notificationId: n.id }));
    await expect
      .poll(async () => (await db.notification.findUniqueOrThrow({ where: { id: n.id } })).status, {
        timeout: 30_000, // a loaded CI machine may take a while to start the run
      })
      .toBe("SENT");
    // The event started a run of its own (a cron tick in the same minute may have run one too).
    await expect
      .poll(
        () =>
          db.jobRun.count({
            where: { jobName: "notifications.deliver", trigger: "event", status: "SUCCEEDED" },
          }),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
  } finally {
    await stop();
  }
});
