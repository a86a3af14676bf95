// Writes a ready FreeRADIUS 3.2 configuration directory: a copy of the stock one (Debian's
// /etc/freeradius/3.0) with only what connects it to us changed —
// - mods-available/sql: PostgreSQL, our database, the `radius` role; linked into mods-enabled
// - sites-available/default: the auth and accounting ports
// - sites-available/inner-tunnel: its test listener (127.0.0.1:18120) removed, so several
//   servers can run on one machine; EAP's inner tunnel still works without it
// - clients.conf: localhost plus every NAS in our list
// - radiusd.conf: paths pointing into the directory (log/, run/), and no `user`/`group` switch
//   when it will run as root
// Files with secrets are written 0600. `freeradius -X -d DIR` runs it in the foreground.
import { cp, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";

export const STOCK_CONFIG_DIR = "/etc/freeradius/3.0";

export type RadiusClient = { name: string; ipAddress: string; secret: string };

export type RadiusConfigOptions = {
  outDir: string;
  fromDir?: string;
  authPort: number;
  acctPort: number;
  /** libpq connection parameters for the `sql` module (user is the radius role). */
  database: {
    host: string;
    port: number;
    dbname: string;
    user: string;
    password: string;
    sslmode?: string;
  };
  localhostSecret: string;
  clients: RadiusClient[];
  /** Comment out `user`/`group` in radiusd.conf (a server started as root keeps root). */
  runsAsRoot: boolean;
};

/** A FreeRADIUS single-quoted string: no `${…}` expansion; only ' and \ are escaped. */
const frQuote = (value: string) => `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
/** A libpq conninfo value. */
const pqQuote = (value: string) => `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;

function replaceLine(text: string, pattern: RegExp, line: string, file: string): string {
  if (!pattern.test(text)) throw new Error(`${file}: expected ${pattern} in the stock config`);
  return text.replace(pattern, line);
}

/** The top-level `listen { … }` sections of a site, with their text ranges. */
function listenSections(text: string): { start: number; end: number; body: string }[] {
  const found: { start: number; end: number; body: string }[] = [];
  const re = /^\s*listen\s*\{/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let depth = 0;
    let i = m.index + m[0].length - 1;
    for (; i < text.length; i++) {
      if (text[i] === "{") depth++;
      else if (text[i] === "}" && --depth === 0) break;
    }
    found.push({ start: m.index, end: i + 1, body: text.slice(m.index, i + 1) });
    re.lastIndex = i + 1;
  }
  return found;
}

function withListenPorts(site: string, ports: { auth: number; acct: number }): string {
  let out = site;
  for (const s of listenSections(site).reverse()) {
    const type = /^\s*type\s*=\s*(\w+)/m.exec(s.body)?.[1];
    const port = type === "auth" ? ports.auth : type === "acct" ? ports.acct : null;
    if (port === null) continue;
    const body = replaceLine(
      s.body,
      /^(\s*)port\s*=\s*\d+/m,
      `$1port = ${port}`,
      "sites-available/default",
    );
    out = out.slice(0, s.start) + body + out.slice(s.end);
  }
  return out;
}

function withoutListen(site: string): string {
  let out = site;
  for (const s of listenSections(site).reverse())
    out = `${out.slice(0, s.start)}\n# (listen section removed by npm run radius:config)${out.slice(s.end)}`;
  return out;
}

function sqlModule(stock: string, db: RadiusConfigOptions["database"]): string {
  const conninfo = [
    `host=${pqQuote(db.host)}`,
    `port=${db.port}`,
    `dbname=${pqQuote(db.dbname)}`,
    `user=${pqQuote(db.user)}`,
    `password=${pqQuote(db.password)}`,
    ...(db.sslmode ? [`sslmode=${pqQuote(db.sslmode)}`] : []),
  ].join(" ");
  let text = replaceLine(stock, /^(\s*)dialect\s*=\s*".*"/m, `$1dialect = "postgresql"`, "sql");
  text = replaceLine(
    text,
    /^(\s*)driver\s*=\s*"rlm_sql_null"/m,
    `$1driver = "rlm_sql_postgresql"`,
    "sql",
  );
  // With "=" in it, rlm_sql_postgresql passes radius_db to libpq as the whole conninfo.
  return replaceLine(
    text,
    /^(\s*)radius_db\s*=\s*".*"/m,
    `$1radius_db = ${frQuote(conninfo)}`,
    "sql",
  );
}

function clientsConf(localhostSecret: string, clients: RadiusClient[]): string {
  const block = (name: string, ip: string, secret: string, shortname: string) =>
    [
      `client ${name} {`,
      `\tipaddr = ${ip}`,
      `\tsecret = ${frQuote(secret)}`,
      `\tshortname = ${frQuote(shortname)}`,
      `\tnas_type = other`,
      `}`,
    ].join("\n");
  // A NAS on the loopback address replaces the localhost entry (FreeRADIUS refuses duplicates).
  const taken = new Set(clients.map((c) => c.ipAddress));
  return [
    "# Written by npm run radius:config from Lastmile's NAS list; run it again after NAS changes.",
    ...(taken.has("127.0.0.1")
      ? []
      : [block("localhost", "127.0.0.1", localhostSecret, "localhost")]),
    ...(taken.has("::1") ? [] : [block("localhost_ipv6", "::1", localhostSecret, "localhost")]),
    ...clients.map((c, i) => block(`nas${i + 1}`, c.ipAddress, c.secret, c.name)),
    "",
  ].join("\n\n");
}

/** Replaced, not overwritten: the mode only applies to a new file. */
async function writeSecretFile(file: string, text: string) {
  await rm(file, { force: true });
  await writeFile(file, text, { mode: 0o600 });
}

export async function writeRadiusConfig(opts: RadiusConfigOptions): Promise<string> {
  const out = path.resolve(opts.outDir);
  const from = opts.fromDir ?? STOCK_CONFIG_DIR;
  await rm(out, { recursive: true, force: true });
  await cp(from, out, { recursive: true, verbatimSymlinks: true });
  await mkdir(path.join(out, "log"), { recursive: true });
  await mkdir(path.join(out, "run"), { recursive: true });
  const file = (f: string) => path.join(out, f);

  let radiusd = await readFile(file("radiusd.conf"), "utf8");
  radiusd = replaceLine(radiusd, /^raddbdir\s*=.*$/m, `raddbdir = ${out}`, "radiusd.conf");
  radiusd = replaceLine(radiusd, /^logdir\s*=.*$/m, `logdir = ${out}/log`, "radiusd.conf");
  radiusd = replaceLine(radiusd, /^run_dir\s*=.*$/m, `run_dir = ${out}/run`, "radiusd.conf");
  if (opts.runsAsRoot)
    radiusd = radiusd.replace(/^(\s*)(user|group)\s*=/gm, "$1# (running as root) $2 =");
  await writeFile(file("radiusd.conf"), radiusd);

  const sql = sqlModule(await readFile(file("mods-available/sql"), "utf8"), opts.database);
  await writeSecretFile(file("mods-available/sql"), sql);
  await rm(file("mods-enabled/sql"), { force: true });
  await symlink("../mods-available/sql", file("mods-enabled/sql"));

  const site = await readFile(file("sites-available/default"), "utf8");
  await writeFile(
    file("sites-available/default"),
    withListenPorts(site, { auth: opts.authPort, acct: opts.acctPort }),
  );
  const inner = await readFile(file("sites-available/inner-tunnel"), "utf8");
  await writeFile(file("sites-available/inner-tunnel"), withoutListen(inner));

  await writeSecretFile(file("clients.conf"), clientsConf(opts.localhostSecret, opts.clients));
  return out;
}
