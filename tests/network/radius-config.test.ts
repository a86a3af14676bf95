// `npm run radius:config` as an operator runs it (DATABASE_URL, a NAS in our list), then
// `freeradius -X -d DIR` on what it wrote: the server starts, reads users from our database and
// knows the NAS as a client.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { SYSTEM } from "@/lib/auth/roles";
import { decryptSecret } from "@/lib/crypto/encrypt";
import { db } from "@/lib/db";
import { createNas } from "@/lib/network/create-nas";
import { syncServices } from "@/lib/network/sync-services";
import {
  createCustomer,
  createProduct,
  createSubscription,
  setupIsp,
  travelTo,
} from "../billing/fixtures";
import {
  freeUdpPort,
  radclient,
  ROLE_PASSWORD,
  runFreeRadius,
  type FreeRadius,
} from "./freeradius";

let server: FreeRadius | undefined;
let dir = "";
let out = "";
const ports = { authPort: 0, acctPort: 0 };

beforeAll(async () => {
  process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
  const { vat } = await setupIsp();
  travelTo("2026-11-10");
  const plan = await createProduct({ taxClassId: vat.id, downloadMbps: 25, uploadMbps: 25 });
  const c = await createCustomer();
  await createSubscription({ customerId: c.id, product: plan, startDate: "2026-11-01" });
  await createNas({
    actor: SYSTEM,
    input: { name: "tower-7", ipAddress: "192.0.2.7", type: "MIKROTIK", secret: "tower7-secret!" },
  });
  await syncServices({ actor: SYSTEM, reason: "test" });
  [ports.authPort, ports.acctPort] = [await freeUdpPort(), await freeUdpPort()];
  dir = await mkdtemp(path.join(os.tmpdir(), "lastmile-radius-config-"));
  out = path.join(dir, "raddb");
  const cli = spawnSync(
    "npx",
    [
      "tsx",
      "scripts/radius-config.ts",
      "--out",
      out,
      "--auth-port",
      String(ports.authPort),
      "--acct-port",
      String(ports.acctPort),
      "--localhost-secret",
      "cli-secret",
    ],
    {
      encoding: "utf8",
      env: { ...process.env, DATA_DIR: dir, RADIUS_DB_PASSWORD: ROLE_PASSWORD },
    },
  );
  expect(cli.status, cli.stderr).toBe(0);
  expect(cli.stderr).toContain(`wrote ${out}`);
  server = await runFreeRadius(out, ports);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

test("the written directory holds the NAS as a client and its secrets in 0600 files", async () => {
  const clients = await readFile(path.join(out, "clients.conf"), "utf8");
  expect(clients).toContain("ipaddr = 192.0.2.7");
  expect(clients).toContain("secret = 'tower7-secret!'");
  expect((await stat(path.join(out, "clients.conf"))).mode & 0o777).toBe(0o600);
  expect((await stat(path.join(out, "mods-available/sql"))).mode & 0o777).toBe(0o600);
  expect(server!.output()).toContain("rlm_sql_postgresql");
});

test("FreeRADIUS on the generated config authenticates a service from our database", async () => {
  const sub = await db.subscription.findFirstOrThrow({ where: { radiusUsername: { not: null } } });
  const reply = await radclient(
    { ...server!, ...ports },
    "auth",
    {
      "User-Name": sub.radiusUsername!,
      "User-Password": decryptSecret(sub.radiusPassword!),
    },
    "cli-secret",
  );
  expect(reply.code).toBe("Access-Accept");
  expect(reply.attributes["Mikrotik-Rate-Limit"]).toEqual(["25M/25M"]);
});
