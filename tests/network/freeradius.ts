// Debian's FreeRADIUS for integration tests: the directory `npm run radius:config` writes (the
// same lib function), pointed at this test file's database, started with `freeradius -X` on
// free UDP ports; radclient sends real packets to it. Every test file starts its own server and
// stops it in afterAll.
import { spawn, type ChildProcess } from "node:child_process";
import dgram from "node:dgram";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import radius from "radius";
import { SYSTEM } from "@/lib/auth/roles";
import { listRadiusClients } from "@/lib/network/list-radius-clients";
import { writeRadiusConfig } from "@/lib/network/radius-config";
import { setRadiusRolePassword } from "@/lib/network/radius-role";

// One password for every test file: the role belongs to the whole (shared) test cluster.
export const ROLE_PASSWORD = "radius-test-password";
export const LOCALHOST_SECRET = "lastmile-test-secret";

export async function freeUdpPort(): Promise<number> {
  const socket = dgram.createSocket("udp4");
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

export type FreeRadius = {
  authPort: number;
  acctPort: number;
  dir: string;
  output: () => string;
  stop: () => Promise<void>;
};

export async function startFreeRadius(): Promise<FreeRadius> {
  await setRadiusRolePassword(ROLE_PASSWORD);
  const url = new URL(process.env.DATABASE_URL!);
  const dir = await mkdtemp(path.join(os.tmpdir(), "lastmile-freeradius-"));
  const [authPort, acctPort] = [await freeUdpPort(), await freeUdpPort()];
  await writeRadiusConfig({
    outDir: dir,
    authPort,
    acctPort,
    database: {
      host: url.hostname,
      port: Number(url.port),
      dbname: url.pathname.slice(1),
      user: "radius",
      password: ROLE_PASSWORD,
    },
    localhostSecret: LOCALHOST_SECRET,
    clients: await listRadiusClients({ actor: SYSTEM }),
    runsAsRoot: process.getuid?.() === 0,
  });
  return runFreeRadius(dir, { authPort, acctPort });
}

/** `freeradius -X -d dir` until it is ready to process requests; stop() ends it and removes dir. */
export async function runFreeRadius(
  dir: string,
  ports: { authPort: number; acctPort: number },
): Promise<FreeRadius> {
  let log = "";
  const child: ChildProcess = spawn("freeradius", ["-X", "-d", dir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`freeradius did not start:\n${log}`)), 20_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("Ready to process requests")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`freeradius exited with ${code}:\n${log.slice(-4000)}`));
    });
  });
  return {
    ...ports,
    dir,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type RadclientReply = { code: string; attributes: Record<string, string[]> };

/** Sends one packet with radclient (`type` auth or acct) and parses the reply it prints. */
export async function radclient(
  server: FreeRadius,
  type: "auth" | "acct",
  attributes: Record<string, string | number>,
  secret = LOCALHOST_SECRET,
): Promise<RadclientReply> {
  const port = type === "auth" ? server.authPort : server.acctPort;
  const input = Object.entries(attributes)
    .map(([k, v]) => `${k} = ${typeof v === "number" ? v : JSON.stringify(v)}`)
    .join("\n");
  const child = spawn("radclient", ["-x", "-r", "1", "-t", "3", `127.0.0.1:${port}`, type, secret]);
  let out = "";
  child.stdout.on("data", (c) => (out += c));
  child.stderr.on("data", (c) => (out += c));
  child.stdin.end(`${input}\n`);
  await new Promise((resolve) => child.once("exit", resolve));
  const code = /Received (\S+) Id/.exec(out)?.[1];
  if (!code) throw new Error(`radclient got no reply:\n${out}`);
  const replyPart = out.slice(out.indexOf("Received "));
  const attrs: Record<string, string[]> = {};
  for (const m of replyPart.matchAll(/^\s+([\w-]+) = (.*)$/gm)) {
    const value = m[2].replace(/^"(.*)"$/, "$1");
    (attrs[m[1]] ??= []).push(value);
  }
  return { code, attributes: attrs };
}

export type CoaRequestSeen = {
  code: string;
  attributes: Record<string, unknown>;
  vendor: { vendor: number; type: number; value: Buffer }[];
  at: number;
};

/** A NAS's Dynamic Authorization port: records each request and ACKs it (or NAKs, on demand). */
export async function startCoaListener(secret: string, host = "127.0.0.1") {
  const socket = dgram.createSocket("udp4");
  await new Promise<void>((resolve) => socket.bind(0, host, resolve));
  const seen: CoaRequestSeen[] = [];
  const waiters: (() => void)[] = [];
  let nakCause: number | null = null;
  socket.on("message", (msg, rinfo) => {
    const packet = radius.decode({ packet: msg, secret });
    const vendor = packet.raw_attributes
      .filter(([type]) => Number(type) === 26)
      .map(([, value]) => {
        const b = value as Buffer;
        return { vendor: b.readUInt32BE(0), type: b[4], value: b.subarray(6, 6 + b[5] - 2) };
      });
    seen.push({ code: packet.code, attributes: packet.attributes, vendor, at: performance.now() });
    const ack = packet.code === "CoA-Request" ? "CoA-ACK" : "Disconnect-ACK";
    const nak = packet.code === "CoA-Request" ? "CoA-NAK" : "Disconnect-NAK";
    const response = radius.encode_response({
      packet,
      code: nakCause === null ? ack : nak,
      secret,
      attributes: nakCause === null ? [] : [["Error-Cause", nakCause]],
    });
    socket.send(response, rinfo.port, rinfo.address);
    waiters.splice(0).forEach((w) => w());
  });
  return {
    port: socket.address().port,
    seen,
    nakWith: (cause: number | null) => (nakCause = cause),
    next: (timeoutMs = 10_000) =>
      new Promise<CoaRequestSeen>((resolve, reject) => {
        const count = seen.length;
        const timer = setTimeout(
          () => reject(new Error("no CoA/Disconnect request arrived")),
          timeoutMs,
        );
        waiters.push(() => {
          clearTimeout(timer);
          resolve(seen[count]);
        });
      }),
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
