// The `radius` role FreeRADIUS logs in as (created NOLOGIN by the radius_schema migration, with
// exactly the grants its sql module needs). Giving it a password needs CREATEROLE or a superuser:
// the embedded database's owner has it; on a managed server the DBA runs the statement instead.
import { db } from "@/lib/db";

export const RADIUS_ROLE = "radius";

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

export const radiusLoginSql = (password: string) =>
  `ALTER ROLE ${RADIUS_ROLE} WITH LOGIN PASSWORD ${literal(password)}`;

/** Lets the radius role log in with `password`. */
export async function setRadiusRolePassword(password: string): Promise<void> {
  await db.$executeRawUnsafe(radiusLoginSql(password));
}
