// Scale-out (issue 17 §5): two app instances — separate Node processes with their own connection
// pools, clocks and job runners — on ONE PostgreSQL, as deploy/docker-compose.yml runs them. What
// must hold across them lives in the database: advisory locks keep a sweep from running twice, a
// billing run requested on or killed half-way on one is billed by the other's job, the sandbox
// clock, the rate limits and sessions are shared (a cookie issued by one is accepted by the other
// and revoked on both by a password change).
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";
import { setupIsp } from "../billing/fixtures";
import type { InstanceCommand } from "./support/instance";

type Answer = { value?: unknown; error?: string };
type Instance = {
  child: ChildProcess;
  send(cmd: InstanceCommand): Promise<Answer>;
  exited: Promise<unknown>;
};

/** Starts tests/ops/support/instance.ts and resolves once it is ready for commands. */
async function startInstance(smtpUrl: string): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/ops/support/instance.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: env.DATABASE_URL,
      SMTP_URL: smtpUrl,
      SANDBOX_CLOCK: "true",
      LOG_LEVEL: "warn",
    },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise((r) => child.once("exit", r));
  const waiting: ((a: Answer) => void)[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  createInterface({ input: child.stdout! }).on("line", (line) => {
    if (!line.startsWith('{"answer"')) return; // a log line
    const { answer } = JSON.parse(line) as { answer: Answer & { ready?: true } };
    if (answer.ready) ready();
    else waiting.shift()?.(answer);
  });
  await Promise.race([
    isReady,
    exited.then(() => Promise.reject(new Error("instance exited before it was ready"))),
  ]);
  return {
    child,
    exited,
    send(cmd) {
      return new Promise<Answer>((resolve) => {
        waiting.push(resolve);
        child.stdin!.write(JSON.stringify(cmd) + "\n");
      });
    },
  };
}

const value = async <T>(answer: Promise<Answer>): Promise<T> => {
  const a = await answer;
  if (a.error) throw new Error(a.error);
  return a.value as T;
};

/** `n` customers with one monthly subscription each, due on `asOf` (SQL: thousands at once). */
async function subscriptions(tag: string, n: number, productId: string, asOf: string) {
  await db.$executeRawUnsafe(
    `INSERT INTO "Customer" (id, "accountNumber", "paymentReference", "firstName", "lastName", email, currency, status, "updatedAt")
     SELECT '${tag}' || g, '${tag}A' || g, '${tag}R' || g, 'F', 'L', '${tag}' || g || '@e.x', 'ZAR', 'ACTIVE', now()
       FROM generate_series(1, $1) g`,
    n,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Subscription" (id, "customerId", "productId", status, price, interval, "cycleMode", "startDate", "anchorDay", "nextBillDate", "updatedAt")
     SELECT '${tag}s' || g, '${tag}' || g, $2, 'ACTIVE', 49900, 'MONTH', 'ANNIVERSARY', $3::date, extract(day from $3::date), $3::date, now()
       FROM generate_series(1, $1) g`,
    n,
    productId,
    asOf,
  );
}

let vatId = "";
let smtp: SmtpCapture;
let a: Instance;
let b: Instance;
beforeAll(async () => {
  vatId = (await setupIsp()).vat.id;
  // A slow relay keeps the first sweep running while the second instance tries to start its own.
  smtp = await startSmtpCapture({ delayMs: 1500 });
  [a, b] = await Promise.all([startInstance(smtp.url), startInstance(smtp.url)]);
});
afterAll(async () => {
  for (const i of [a, b]) {
    if (i && i.child.exitCode === null) {
      i.child.kill();
      await i.exited;
    }
  }
  await smtp?.close();
});

describe("two app instances on one database", () => {
  test("a sweep triggered on both at once runs once: one run succeeds, the other is skipped", async () => {
    const queued = await enqueueEmail({
      to: "ana@valley.example",
      subject: "Your invoice",
      text: "Hello Ana",
    });
    const runs = await Promise.all(
      [a, b].map((i) =>
        value<{ runId: string; status: string }>(
          i.send({ op: "runJob", job: "notifications.deliver" }),
        ),
      ),
    );
    expect(runs.map((r) => r.status).sort()).toEqual(["SKIPPED", "SUCCEEDED"]);
    const history = await db.jobRun.findMany({
      where: { jobName: "notifications.deliver" },
      select: { status: true, error: true },
    });
    expect(history.map((h) => h.status).sort()).toEqual(["SKIPPED", "SUCCEEDED"]);
    expect(history.find((h) => h.status === "SKIPPED")?.error).toMatch(/in progress/);
    expect(smtp.messages.filter((m) => m.raw.includes("Hello Ana"))).toHaveLength(1);
    const sent = await db.notification.findUniqueOrThrow({ where: { id: queued.id } });
    expect(sent.status).toBe("SENT");
  });

  test("a billing run requested on one instance that then dies is claimed and billed by the other", async () => {
    const product = await db.product.create({
      data: { code: "FIBRE50", name: "Fibre 50", kind: "PLAN", price: 49900, taxClassId: vatId },
    });
    const asOf = new Date().toISOString().slice(0, 10);
    await subscriptions("so", 40, product.id, asOf);
    // Instance A records the run (as admin's "Run billing" does) and is killed before any runner
    // of its own picks it up.
    const requested = await value<{ runId: string; status: string }>(
      a.send({ op: "requestBilling", asOf }),
    );
    expect(requested.status).toBe("RUNNING");
    a.child.kill("SIGKILL");
    await a.exited;
    expect(await db.invoice.count({ where: { customerId: { startsWith: "so" } } })).toBe(0);

    // B's next billing.run tick claims the waiting run and bills all of it.
    const tick = await value<{ status: string; result: { invoicesCreated?: number } }>(
      b.send({ op: "runJob", job: "billing.run" }),
    );
    expect(tick.status).toBe("SUCCEEDED");
    const run = await db.billingRun.findUniqueOrThrow({ where: { id: requested.runId } });
    expect(run.status).toBe("COMPLETED");
    expect(await db.invoice.count({ where: { customerId: { startsWith: "so" } } })).toBe(40);
    a = await startInstance(smtp.url); // the restarted instance, for the tests below
  });

  test("a billing run killed half-way on one instance is finished by the other's next tick", async () => {
    // 10:00 in the ISP's zone on a billing day, past its billing hour, for both instances.
    await value(a.send({ op: "setClock", to: "2027-04-01T08:00:00.000Z" }));
    const asOf = "2027-04-01";
    const product = await db.product.create({
      data: { code: "FIBRE100", name: "Fibre 100", kind: "PLAN", price: 69900, taxClassId: vatId },
    });
    await subscriptions("hk", 4100, product.id, asOf); // three batches of the job's 2000
    const requested = await value<{ runId: string }>(a.send({ op: "requestBilling", asOf }));
    void a.send({ op: "runJob", job: "billing.run", payload: { runId: requested.runId } });
    const billed = () => db.invoice.count({ where: { customerId: { startsWith: "hk" } } });
    for (let i = 0; i < 600 && (await billed()) === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    a.child.kill("SIGKILL"); // its first batch committed, its second under way
    await a.exited;
    a = await startInstance(smtp.url); // the restarted instance, for the tests below
    // Whole batches only: a batch killed mid-transaction leaves nothing behind.
    expect(await billed()).toBe(2000);
    expect((await db.billingRun.findUniqueOrThrow({ where: { id: requested.runId } })).status).toBe(
      "RUNNING",
    );

    const tick = await value<{ status: string; result: { invoicesCreated: number } }>(
      b.send({ op: "runJob", job: "billing.run" }),
    );
    expect(tick.status).toBe("SUCCEEDED");
    // The 2100 left, once each (and anything else due by then, e.g. the run above's customers).
    expect(await billed()).toBe(4100);
    const [dupes] = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM (SELECT "subscriptionId", "periodStart" FROM "InvoiceLine" WHERE kind = 'RECURRING' GROUP BY 1, 2 HAVING count(*) > 1) d`,
    );
    expect(Number(dupes.n)).toBe(0);
  });

  test("the sandbox clock moved through one instance is the other's business time", async () => {
    await value(a.send({ op: "setClock", to: "2027-03-01T08:00:00.000Z" }));
    const seen = await value<{ now: string }>(b.send({ op: "now" }));
    const drift = Date.parse(seen.now) - Date.parse("2027-03-01T08:00:00.000Z");
    expect(drift).toBeGreaterThanOrEqual(0);
    expect(drift).toBeLessThan(10_000);
  });

  test("sign-in attempts count against one limit whichever instance gets them", async () => {
    await db.user.create({
      data: {
        email: "ops@valley.example",
        name: "Ops",
        role: "ADMIN",
        passwordHash: await hashPassword("right-password-123"),
      },
    });
    const attempt = (i: Instance, password: string) =>
      value<{ outcome: string }>(
        i.send({ op: "signIn", email: "ops@valley.example", password, ip: "203.0.113.9" }),
      ).then((r) => r.outcome);
    // Five wrong guesses from one address, spread over both instances behind the balancer…
    for (const i of [a, b, a, b, a])
      expect(await attempt(i, "guess-123456")).toBe("wrong password");
    // …use up that address's attempts on both: even the right password waits.
    expect(await attempt(b, "right-password-123")).toBe("RATE_LIMITED");
    expect(await attempt(a, "right-password-123")).toBe("RATE_LIMITED");
    const bucket = await db.rateLimitBucket.findUniqueOrThrow({
      where: { key: "signin:pair:ops@valley.example:203.0.113.9" },
    });
    expect(bucket.count).toBe(7);
  });

  test("a session cookie issued by one instance is accepted by the other, and ended on both", async () => {
    await db.user.create({
      data: {
        email: "kim@valley.example",
        name: "Kim",
        role: "ACCOUNTS",
        passwordHash: await hashPassword("first-password-123"),
      },
    });
    const session = await value<{ cookie: string }>(
      a.send({
        op: "issueSession",
        email: "kim@valley.example",
        password: "first-password-123",
        ip: "198.51.100.7",
      }),
    );
    expect(session.cookie).toBeTruthy();
    const seen = (i: Instance, cookie: string) =>
      value<{ userId: string; role: string } | null>(i.send({ op: "readSession", cookie }));
    expect(await seen(b, session.cookie)).toMatchObject({ role: "ACCOUNTS" });
    expect(await seen(a, session.cookie)).toMatchObject({ role: "ACCOUNTS" });

    // A second session on B; the password changed through it ends A's first session everywhere.
    const other = await value<{ cookie: string }>(
      b.send({
        op: "issueSession",
        email: "kim@valley.example",
        password: "first-password-123",
        ip: "198.51.100.7",
      }),
    );
    const changed = await value<{ outcome: string }>(
      b.send({
        op: "changePassword",
        cookie: other.cookie,
        current: "first-password-123",
        password: "second-password-456",
      }),
    );
    expect(changed.outcome).toBe("changed");
    expect(await seen(a, session.cookie)).toBeNull();
    expect(await seen(b, session.cookie)).toBeNull();
    // A tampered cookie is nobody's session.
    expect(await seen(b, session.cookie.slice(0, -4) + "AAAA")).toBeNull();
  });

  test("a limit counted on one instance applies on the other (wrong current passwords)", async () => {
    await db.user.create({
      data: {
        email: "lee@valley.example",
        name: "Lee",
        role: "SUPPORT",
        passwordHash: await hashPassword("lee-password-123"),
      },
    });
    const { cookie } = await value<{ cookie: string }>(
      a.send({
        op: "issueSession",
        email: "lee@valley.example",
        password: "lee-password-123",
        ip: "198.51.100.8",
      }),
    );
    const change = (i: Instance, current: string) =>
      value<{ outcome: string }>(
        i.send({ op: "changePassword", cookie, current, password: "lee-new-password-456" }),
      ).then((r) => r.outcome);
    // Five wrong guesses at the current password, alternating between the instances…
    for (const i of [a, b, a, b, a]) expect(await change(i, "not-my-password")).toBe("VALIDATION");
    // …and the next try is refused on both, even with the right password.
    expect(await change(b, "lee-password-123")).toBe("RATE_LIMITED");
    expect(await change(a, "lee-password-123")).toBe("RATE_LIMITED");
  });
});
