// The backup file: a tar.gz holding
//   manifest.json      this description (format, versions, migrations, tables, sequences, files)
//   db/<Table>.tsv     each table in PostgreSQL's COPY text format, columns as listed below
//   files/<name>       DATA_DIR files: secrets.json (keys) and mail/ (offline mail)
// The schema is not dumped: the migrations are the schema. A restore applies the migrations the
// backup names to an empty database and then copies the rows in.
import { z } from "zod";

export const BACKUP_FORMAT = "lastmile-backup";
export const BACKUP_VERSION = 1;

/** What under DATA_DIR a backup carries; the database itself travels as table data. */
export const DATA_FILES = ["secrets.json", "mail"] as const;

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  appVersion: z.string(),
  postgresVersion: z.string(),
  migrations: z.array(z.string()),
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(z.string()).min(1),
      rows: z.number().int().min(0),
      file: z.string().regex(/^db\/[^/]+\.tsv$/),
    }),
  ),
  /** last_value as text (bigint); null when the sequence was never used. */
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string().nullable() })),
  files: z.array(z.enum(DATA_FILES)),
});

export type Manifest = z.infer<typeof manifestSchema>;
