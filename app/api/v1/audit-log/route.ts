import { apiOperation } from "@/lib/http/api-operation";
import { readAuditLog } from "@/lib/http/openapi/audit";
import { listAuditLog } from "@/lib/audit/list-audit-log";

export const GET = apiOperation(readAuditLog, ({ actor, query }) =>
  listAuditLog({ actor, ...query }),
);
