// Tables our migrations create but Prisma does not model: FreeRADIUS's standard schema
// (prisma/migrations/*_radius_schema), read and written with SQL by lib/network and FreeRADIUS.
// The schema engine leaves them out of diffs (lib/db/schema-engine.ts), and prisma.config.ts
// gives the Prisma CLI the same list.
export const EXTERNAL_TABLES = [
  "radacct",
  "radcheck",
  "radgroupcheck",
  "radgroupreply",
  "radreply",
  "radusergroup",
  "radpostauth",
  "nas",
  "nasreload",
].map((table) => `public.${table}`);
