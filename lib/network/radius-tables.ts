// Reads and writes FreeRADIUS's own tables (radcheck, radreply, radusergroup, radgroupcheck,
// radgroupreply; lowercase, unquoted, as its schema creates them). Only lib/network calls this.
// Writes replace a user's or a group's rows whole inside the caller's transaction, so FreeRADIUS
// never reads half a change.
import type { Tx } from "@/lib/db";
import type { GroupRows, RadiusRow } from "./radius-groups";

type Row = RadiusRow & { name: string };

const byName = (rows: Row[]) => {
  const map = new Map<string, RadiusRow[]>();
  for (const { name, ...row } of rows) {
    const list = map.get(name) ?? [];
    list.push(row);
    map.set(name, list);
  }
  return map;
};

export async function readGroups(tx: Tx): Promise<Map<string, GroupRows>> {
  const [check, reply] = await Promise.all(
    ["radgroupcheck", "radgroupreply"].map((table) =>
      tx.$queryRawUnsafe<Row[]>(
        `SELECT groupname AS name, attribute, op, value FROM ${table} ORDER BY id`,
      ),
    ),
  );
  const checks = byName(check);
  const replies = byName(reply);
  const groups = new Map<string, GroupRows>();
  for (const name of new Set([...checks.keys(), ...replies.keys()]))
    groups.set(name, { check: checks.get(name) ?? [], reply: replies.get(name) ?? [] });
  return groups;
}

async function insertRows(
  tx: Tx,
  table: string,
  nameColumn: string,
  rows: { name: string; row: RadiusRow }[],
) {
  if (!rows.length) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO ${table} (${nameColumn}, attribute, op, value)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
    rows.map((r) => r.name),
    rows.map((r) => r.row.attribute),
    rows.map((r) => r.row.op),
    rows.map((r) => r.row.value),
  );
}

/** Replaces the named groups' rows (a group missing from `groups` is removed). */
export async function writeGroups(tx: Tx, names: string[], groups: Map<string, GroupRows>) {
  if (!names.length) return;
  for (const table of ["radgroupcheck", "radgroupreply"])
    await tx.$executeRawUnsafe(`DELETE FROM ${table} WHERE groupname = ANY($1::text[])`, names);
  const pick = (part: keyof GroupRows) =>
    names.flatMap((name) => (groups.get(name)?.[part] ?? []).map((row) => ({ name, row })));
  await insertRows(tx, "radgroupcheck", "groupname", pick("check"));
  await insertRows(tx, "radgroupreply", "groupname", pick("reply"));
}

/** What FreeRADIUS holds for one username. */
export type UserRows = { check: RadiusRow[]; reply: RadiusRow[]; group: string | null };

/** The rows of these usernames, or of every username when `usernames` is null. */
export async function readUsers(
  tx: Tx,
  usernames: string[] | null,
): Promise<Map<string, UserRows>> {
  const where = usernames ? "WHERE username = ANY($1::text[])" : "";
  const args = usernames ? [usernames] : [];
  const [check, reply] = await Promise.all(
    ["radcheck", "radreply"].map((table) =>
      tx.$queryRawUnsafe<Row[]>(
        `SELECT username AS name, attribute, op, value FROM ${table} ${where} ORDER BY id`,
        ...args,
      ),
    ),
  );
  const groups = await tx.$queryRawUnsafe<{ name: string; group: string }[]>(
    `SELECT username AS name, groupname AS "group" FROM radusergroup ${where} ORDER BY priority, id`,
    ...args,
  );
  const checks = byName(check);
  const replies = byName(reply);
  const users = new Map<string, UserRows>();
  const names = new Set([...checks.keys(), ...replies.keys(), ...groups.map((g) => g.name)]);
  for (const name of names)
    users.set(name, { check: checks.get(name) ?? [], reply: replies.get(name) ?? [], group: null });
  for (const g of groups) {
    const user = users.get(g.name)!;
    user.group ??= g.group;
  }
  return users;
}

/** Replaces the rows of these usernames; a username mapped to null loses all its rows. */
export async function writeUsers(tx: Tx, users: Map<string, UserRows | null>) {
  const names = [...users.keys()];
  if (!names.length) return;
  for (const table of ["radcheck", "radreply", "radusergroup"])
    await tx.$executeRawUnsafe(`DELETE FROM ${table} WHERE username = ANY($1::text[])`, names);
  const rows = (part: "check" | "reply") =>
    [...users].flatMap(([name, u]) => (u?.[part] ?? []).map((row) => ({ name, row })));
  await insertRows(tx, "radcheck", "username", rows("check"));
  await insertRows(tx, "radreply", "username", rows("reply"));
  const grouped = [...users].filter(([, u]) => u?.group);
  if (grouped.length)
    await tx.$executeRawUnsafe(
      `INSERT INTO radusergroup (username, groupname, priority)
       SELECT u, g, 1 FROM unnest($1::text[], $2::text[]) AS t(u, g)`,
      grouped.map(([name]) => name),
      grouped.map(([, u]) => u!.group!),
    );
}

export const sameRows = (a: readonly RadiusRow[], b: readonly RadiusRow[]) =>
  a.length === b.length &&
  a.every((r, i) => r.attribute === b[i].attribute && r.op === b[i].op && r.value === b[i].value);
