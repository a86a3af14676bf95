import { apiRoute } from "@/lib/http/api-route";
import { listAuditLog } from "@/lib/audit/list-audit-log";

export const GET = apiRoute(async ({ req, actor }) => {
  const p = Object.fromEntries(req.nextUrl.searchParams);
  return listAuditLog({
    actor,
    action: p.action,
    customer: p.customer,
    from: p.from,
    to: p.to,
    before: p.before,
    limit: p.limit,
  });
});
