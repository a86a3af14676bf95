// The audit log's filters, shared by the viewer page and GET /api/v1/audit-log.
import { z } from "zod";
import { bigintCursor, isoDate, limit, text } from "@/lib/http/schemas";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const auditFilterSchema = z.object({
  /** Action prefix, e.g. `customer.` or `auth.sign_in`. */
  action: z.preprocess(blankToUndefined, text().trim().max(80).optional()),
  /** Account number or customer id. */
  customer: z.preprocess(blankToUndefined, text().trim().max(80).optional()),
  from: z.preprocess(blankToUndefined, isoDate().optional()),
  to: z.preprocess(blankToUndefined, isoDate().optional()),
  /** Keyset cursor: show entries older than this id. */
  before: z.preprocess(blankToUndefined, bigintCursor().optional()),
  limit: limit(200, 50),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;
