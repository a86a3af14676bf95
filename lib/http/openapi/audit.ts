// The audit log.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import { rolesWith } from "@/lib/auth/roles";
import { auditFilterSchema } from "@/lib/audit/audit-filter-schema";
import { dateTime } from "./common";

const AuditEntry = z
  .object({
    id: z.string().meta({ description: "Increasing; pass as `before` for older entries" }),
    at: dateTime(),
    actorType: z.string().meta({ examples: ["USER", "API_KEY", "SYSTEM", "PUBLIC"] }),
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string().meta({ examples: ["customer.update"] }),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    customerId: z.string().nullable(),
    ip: z.string().nullable(),
    data: z.unknown().meta({ description: "What changed (action-specific)" }),
    customer: z.object({ accountNumber: z.string(), name: z.string() }).nullable(),
  })
  .meta({ id: "AuditEntry" });

export const readAuditLog = defineOperation({
  method: "GET",
  path: "/audit-log",
  tag: "Audit",
  summary: "Read the audit log (audit:read)",
  description:
    "Newest first. Dates are YYYY-MM-DD in the ISP's time zone; pass `nextCursor` as `before` for older entries.",
  roles: rolesWith("audit:read"),
  query: auditFilterSchema,
  responses: {
    200: z.object({
      entries: z.array(AuditEntry),
      nextCursor: z.string().nullable(),
      customer: z
        .object({ id: z.string(), accountNumber: z.string(), name: z.string() })
        .nullable(),
      customerNotFound: z.boolean(),
    }),
  },
});

export const auditOperations = [readAuditLog];
