// Runs one registry job on both engines against the same database state: the test database is
// cloned (CREATE DATABASE … TEMPLATE) after the scenario is seeded, the embedded runner runs on
// the original and the Inngest function (driven by @inngest/test) on the twin, each with its own
// mail directory. What each engine did is read back from its database and compared by the test.
import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { InngestTestEngine } from "@inngest/test";
import { simpleParser } from "mailparser";
import pg from "pg";
import { functionFor } from "@/inngest/functions";
import { db, disconnectDb } from "@/lib/db";
import { onEvent } from "@/lib/events/publish";
import { findJob } from "@/lib/jobs/registry";
import { runJob } from "@/lib/jobs/run-job";
import { mailDir } from "@/lib/notifications/mailer";
import type { SentEvent } from "./fake-inngest";

export type JobTrigger =
  { kind: "cron" } | { kind: "event"; name: string; data: Record<string, unknown> };

async function cloneCurrentDatabase(): Promise<string> {
  const source = new URL(process.env.DATABASE_URL!);
  const twin = `${source.pathname.slice(1)}_twin_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: source.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${twin} TEMPLATE ${source.pathname.slice(1)}`);
  await admin.end();
  const url = new URL(source);
  url.pathname = `/${twin}`;
  return url.toString();
}

async function switchTo(databaseUrl: string, dataDir: string) {
  await disconnectDb();
  process.env.DATABASE_URL = databaseUrl;
  process.env.DATA_DIR = dataDir;
}

export async function runEmbedded(jobName: string, trigger: JobTrigger) {
  const events: SentEvent[] = [];
  const stop = onEvent((e) => void events.push(e as SentEvent));
  try {
    const outcome = await runJob({
      job: findJob(jobName)!,
      payload: trigger.kind === "cron" ? {} : trigger.data,
      trigger: trigger.kind,
    });
    return { ...outcome, events };
  } finally {
    stop();
  }
}

export async function runOnInngest(
  jobName: string,
  trigger: JobTrigger,
  fake: { drain: () => SentEvent[] },
) {
  fake.drain();
  const event =
    trigger.kind === "cron"
      ? { name: "inngest/scheduled.timer", data: {} }
      : { name: trigger.name, data: trigger.data };
  const { result, error } = await new InngestTestEngine({ function: functionFor(jobName) }).execute(
    { events: [event] },
  );
  return { result, error, events: fake.drain() };
}

/** Runs the job on both engines from the current database state; returns what each did. */
export async function onBothRunners<S>(opts: {
  job: string;
  trigger: JobTrigger;
  fake: { drain: () => SentEvent[] };
  /** Reads back what a run changed (called on each engine's database). */
  snapshot: () => Promise<S>;
}) {
  const original = { url: process.env.DATABASE_URL!, dataDir: process.env.DATA_DIR! };
  await disconnectDb();
  const twin = await cloneCurrentDatabase();
  try {
    await switchTo(original.url, path.join(original.dataDir, `embedded-${Date.now()}`));
    const embedded = await runEmbedded(opts.job, opts.trigger);
    const embeddedState = await opts.snapshot();
    await switchTo(twin, path.join(original.dataDir, `inngest-${Date.now()}`));
    const inngest = await runOnInngest(opts.job, opts.trigger, opts.fake);
    const inngestState = await opts.snapshot();
    return {
      embedded: { ...embedded, state: embeddedState },
      inngest: { ...inngest, state: inngestState },
    };
  } finally {
    await switchTo(original.url, original.dataDir);
  }
}

/** Emails in the current mail directory: recipient, subject and attachment names, sorted. */
export async function sentMail() {
  const files = await readdir(mailDir()).catch(() => [] as string[]);
  const mails = await Promise.all(
    files.map(async (f) => {
      const m = await simpleParser(await readFile(path.join(mailDir(), f)));
      return {
        to: m.to && !Array.isArray(m.to) ? m.to.text : "",
        subject: m.subject ?? "",
        attachments: m.attachments.map((a) => a.filename),
      };
    }),
  );
  return mails.sort((x, y) => `${x.to}${x.subject}`.localeCompare(`${y.to}${y.subject}`));
}

/** Invoices with their lines, keyed by what both engines must agree on (ids of new rows differ). */
export async function invoicesState() {
  const invoices = await db.invoice.findMany({
    include: { lines: { orderBy: { sortOrder: "asc" } } },
    orderBy: [{ customerId: "asc" }, { issueDate: "asc" }],
  });
  return invoices.map((i) => ({
    customerId: i.customerId,
    number: i.number,
    status: i.status,
    issueDate: i.issueDate.toISOString(),
    total: i.total,
    taxTotal: i.taxTotal,
    hasPdf: i.pdf !== null,
    lines: i.lines.map((l) => [l.kind, l.description, l.totalAmount]),
  }));
}

export async function outboxState() {
  const rows = await db.notification.findMany({
    select: { to: true, subject: true, status: true, attempts: true },
  });
  return rows.sort((x, y) => `${x.to}${x.subject}`.localeCompare(`${y.to}${y.subject}`));
}

export async function jobRunsState() {
  const runs = await db.jobRun.findMany({ orderBy: { startedAt: "asc" } });
  return runs.map((r) => ({
    jobName: r.jobName,
    trigger: r.trigger,
    status: r.status,
    error: r.error,
    result: withoutIds(r.result),
  }));
}

/** A job's result without the ids of rows it created (they differ between the two databases). */
export function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== "runId")
        .map(([k, v]) => [k, withoutIds(v)]),
    );
  return value;
}
