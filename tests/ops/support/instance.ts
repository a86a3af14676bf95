// One "app instance" for tests/ops/scale-out.test.ts: a separate Node process with its own pools,
// clock offset and job runner, on the DATABASE_URL it is given. It reads one JSON command per line
// on stdin and answers each with one JSON line on stdout, so a test drives two of these against one
// database as two servers behind a load balancer would be driven by their requests and crons.
import "../../../lib/runtime/allow-server-only"; // first: lets server-only lib modules load in Node
import { createInterface } from "node:readline";

const { SYSTEM } = await import("../../../lib/auth/roles");
const { findJob } = await import("../../../lib/jobs/registry");
const { runJob } = await import("../../../lib/jobs/run-job");
const { runBilling } = await import("../../../lib/billing/run-billing");
const { authenticate } = await import("../../../lib/auth/authenticate");
const { AppError } = await import("../../../lib/errors");
const { setSandboxClock } = await import("../../../lib/sandbox/set-sandbox-clock");
const { syncClock } = await import("../../../lib/time/sync-clock");
const { now } = await import("../../../lib/time/clock");
const { SESSION_MAX_AGE, userFromToken, withUserClaims } =
  await import("../../../lib/auth/session-token");
const { resolveSessionUser } = await import("../../../lib/auth/session-user");
const { changePassword } = await import("../../../lib/auth/change-password");
const { encode, decode } = await import("next-auth/jwt");
const secret = process.env.AUTH_SECRET!; // from the environment, as every instance of a deployment

/** The session cookie next-auth's credentials sign-in sets: the jwt callback's token, encrypted.
 * (options.ts does not load in plain Node: next-auth's CommonJS provider has no ESM default there.) */
async function issueSession(email: string, password: string, ip: string) {
  const user = await authenticate({ email, password, ip });
  if (!user) return null;
  const token = withUserClaims({ name: user.name, email: user.email, sub: user.id }, user);
  return encode({ token, secret, maxAge: SESSION_MAX_AGE });
}

/** What getServerSession + lib/auth/session.ts make of a session cookie on this instance. */
async function readSession(cookie: string) {
  const token = await decode({ token: cookie, secret }).catch(() => null);
  if (!token) return null;
  return resolveSessionUser(userFromToken(token));
}

export type InstanceCommand =
  | { op: "runJob"; job: string; payload?: unknown }
  | { op: "requestBilling"; asOf: string }
  | { op: "setClock"; to: string }
  | { op: "now" }
  | { op: "signIn"; email: string; password: string; ip: string }
  | { op: "issueSession"; email: string; password: string; ip: string }
  | { op: "readSession"; cookie: string }
  | { op: "changePassword"; cookie: string; current: string; password: string };

async function handle(cmd: InstanceCommand): Promise<unknown> {
  switch (cmd.op) {
    case "runJob": {
      const job = findJob(cmd.job);
      if (!job) throw new Error(`no job ${cmd.job}`);
      return runJob({ job, payload: cmd.payload ?? {}, trigger: "cron" });
    }
    case "requestBilling":
      return runBilling({ actor: SYSTEM, asOf: cmd.asOf, trigger: "admin", defer: true });
    case "setClock":
      return setSandboxClock({ actor: SYSTEM, now: new Date(cmd.to) });
    case "now":
      await syncClock(); // what every request and job does first
      return { now: now().toISOString() };
    case "signIn":
      // What the sign-in form's authorize() does with the client address.
      try {
        const user = await authenticate(cmd);
        return { outcome: user ? "signed in" : "wrong password" };
      } catch (e) {
        if (e instanceof AppError) return { outcome: e.code };
        throw e;
      }
    case "issueSession":
      return { cookie: await issueSession(cmd.email, cmd.password, cmd.ip) };
    case "readSession": {
      const user = await readSession(cmd.cookie);
      return user && { userId: user.actor.id, role: user.actor.role };
    }
    case "changePassword": {
      const user = await readSession(cmd.cookie);
      if (!user) return { outcome: "signed out" };
      try {
        const { current, password } = cmd;
        await changePassword({
          actor: user.actor,
          input: { current, password, confirm: password },
        });
        return { outcome: "changed" };
      } catch (e) {
        if (e instanceof AppError) return { outcome: e.code };
        throw e;
      }
    }
  }
}

// Answers go out as {"answer": …}: the logger writes JSON lines to the same stdout.
const reply = (answer: unknown) => process.stdout.write(JSON.stringify({ answer }) + "\n");
reply({ ready: true });
for await (const line of createInterface({ input: process.stdin })) {
  const cmd = JSON.parse(line) as InstanceCommand;
  const answer = await handle(cmd).then(
    (value) => ({ value }),
    (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
  );
  reply(answer);
}
process.exit(0);
