// Operations on the network side: usage, RADIUS sessions, NAS entries, disconnects, a
// service's PPPoE credentials, and suspension/restore that the network follows.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import {
  ipPoolInputSchema,
  ipPoolSchema,
  staticIpInputSchema,
  staticIpSchema,
} from "@/lib/network/ip-pool-schema";
import { ipoeIdentitySchema } from "@/lib/network/ipoe-schema";
import { nasInputSchema, nasSchema } from "@/lib/network/nas-schema";
import { isIsoDate } from "@/lib/time/dates";

const isoDate = z.string().refine(isIsoDate, "Use YYYY-MM-DD");
const subscriptionParams = z.object({ id: z.string().min(1) });
const NETWORK_READ = ["ADMIN", "SUPPORT", "TECHNICIAN"] as const;
const NETWORK_WRITE = ["ADMIN", "TECHNICIAN"] as const;

const DailyUsage = z
  .object({
    date: isoDate,
    downloadBytes: z.number().int().describe("Bytes the customer received"),
    uploadBytes: z.number().int().describe("Bytes the customer sent"),
  })
  .meta({ id: "DailyUsage" });

export const getSubscriptionUsage = defineOperation({
  method: "GET",
  path: "/subscriptions/{id}/usage",
  tag: "Network",
  summary: "A service's data usage per day",
  description:
    "Every day from `from` to `to` (inclusive, the ISP's calendar; at most 366 days; default the last 30 days), folded from RADIUS accounting every five minutes.",
  roles: NETWORK_READ,
  params: subscriptionParams,
  query: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
  responses: { 200: z.object({ data: z.array(DailyUsage) }) },
});

const Session = z
  .object({
    id: z.string().describe("radacct id"),
    subscriptionId: z.string(),
    customerId: z.string(),
    username: z.string(),
    acctSessionId: z.string(),
    nasIp: z.string(),
    framedIp: z.string().nullable(),
    startedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime().nullable().describe("Last accounting update"),
    stoppedAt: z.iso.datetime().nullable(),
    terminateCause: z.string().nullable(),
    downloadBytes: z.number().int(),
    uploadBytes: z.number().int(),
  })
  .meta({ id: "Session" });

export const listSessionsOperation = defineOperation({
  method: "GET",
  path: "/sessions",
  tag: "Network",
  summary: "RADIUS sessions (open by default), newest first",
  roles: NETWORK_READ,
  query: z.object({
    customerId: z.string().min(1).optional(),
    subscriptionId: z.string().min(1).optional(),
    state: z.enum(["open", "all"]).default("open"),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  }),
  responses: { 200: z.object({ data: z.array(Session) }) },
});

export const listNasOperation = defineOperation({
  method: "GET",
  path: "/nas",
  tag: "Network",
  summary: "NAS list (secrets are never returned)",
  roles: NETWORK_READ,
  responses: { 200: z.object({ data: z.array(nasSchema) }) },
});

export const createNasOperation = defineOperation({
  method: "POST",
  path: "/nas",
  tag: "Network",
  summary: "Register a NAS",
  description:
    "FreeRADIUS accepts it after `npm run radius:config` rewrites clients.conf; CoA and Disconnect requests go to its `coaPort` (default 3799). The secret is stored encrypted.",
  roles: NETWORK_WRITE,
  body: nasInputSchema,
  responses: { 201: nasSchema },
});

const SessionOutcome = z
  .object({
    acctSessionId: z.string(),
    nasIp: z.string(),
    result: z.enum(["ACK", "NAK", "TIMEOUT", "ERROR"]),
    errorCause: z.number().int().nullable().describe("RFC 5176 Error-Cause of a NAK"),
    error: z.string().nullable(),
  })
  .meta({ id: "DisconnectOutcome" });

export const disconnectSubscription = defineOperation({
  method: "POST",
  path: "/subscriptions/{id}/disconnect",
  tag: "Network",
  summary: "Disconnect a service's open sessions (RFC 5176 Disconnect-Request)",
  roles: NETWORK_WRITE,
  params: subscriptionParams,
  responses: { 200: z.object({ sessions: z.array(SessionOutcome) }) },
});

export const getSubscriptionCredentials = defineOperation({
  method: "GET",
  path: "/subscriptions/{id}/credentials",
  tag: "Network",
  summary: "A service's PPPoE username and password (audited)",
  roles: NETWORK_WRITE,
  params: subscriptionParams,
  responses: {
    200: z.object({ username: z.string(), password: z.string() }).meta({ id: "Credentials" }),
  },
});

const Suspension = z
  .object({ subscriptionId: z.string(), status: z.enum(["ACTIVE", "SUSPENDED"]), date: isoDate })
  .meta({ id: "SuspensionChange" });

export const suspendSubscriptionOperation = defineOperation({
  method: "POST",
  path: "/subscriptions/{id}/suspend",
  tag: "Network",
  summary:
    "Suspend a service (billing follows the ISP's suspension policy; the network rejects or walls it)",
  roles: ["ADMIN", "SALES", "ACCOUNTS"],
  params: subscriptionParams,
  body: z.object({ date: isoDate.optional(), reason: z.string().trim().max(500).optional() }),
  responses: { 200: Suspension },
});

export const resumeSubscriptionOperation = defineOperation({
  method: "POST",
  path: "/subscriptions/{id}/resume",
  tag: "Network",
  summary: "Restore a suspended service",
  roles: ["ADMIN", "SALES", "ACCOUNTS"],
  params: subscriptionParams,
  body: z.object({ date: isoDate.optional() }),
  responses: { 200: Suspension },
});

export const listIpPoolsOperation = defineOperation({
  method: "GET",
  path: "/ip-pools",
  tag: "Network",
  summary: "Static IP pools with their size and how many addresses are assigned",
  roles: NETWORK_READ,
  responses: { 200: z.object({ data: z.array(ipPoolSchema) }) },
});

export const createIpPoolOperation = defineOperation({
  method: "POST",
  path: "/ip-pools",
  tag: "Network",
  summary: "Register an IPv4 block for static IPs",
  description:
    "The network and broadcast addresses and the gateway are never handed out. Blocks may not overlap (409).",
  roles: NETWORK_WRITE,
  body: ipPoolInputSchema,
  responses: { 201: ipPoolSchema },
});

export const assignStaticIpOperation = defineOperation({
  method: "POST",
  path: "/subscriptions/{id}/static-ip",
  tag: "Network",
  summary: "Give a service a static IP from a pool",
  description:
    "The lowest free address, or `address` when it is free. FreeRADIUS replies it as Framed-IP-Address; an open session is disconnected so the router reconnects with it.",
  roles: NETWORK_WRITE,
  params: subscriptionParams,
  body: staticIpInputSchema,
  responses: { 201: staticIpSchema },
});

export const releaseStaticIpOperation = defineOperation({
  method: "DELETE",
  path: "/subscriptions/{id}/static-ip",
  tag: "Network",
  summary: "Take a service's static IP back into its pool",
  roles: NETWORK_WRITE,
  params: subscriptionParams,
  responses: { 200: z.object({ address: z.string() }) },
});

const AccessMode = z
  .object({ accessType: z.enum(["PPPOE", "IPOE"]), username: z.string().nullable() })
  .meta({ id: "AccessMode" });

export const setIpoeOperation = defineOperation({
  method: "PUT",
  path: "/subscriptions/{id}/ipoe",
  tag: "Network",
  summary: "Make a service an IPoE line, known by its MAC address or Option 82 circuit id",
  description:
    "FreeRADIUS accepts the line by that name without a password (`Auth-Type := Accept`); the PPPoE password is dropped. 409 when another service has that name.",
  roles: NETWORK_WRITE,
  params: subscriptionParams,
  body: ipoeIdentitySchema,
  responses: { 200: AccessMode },
});

export const unsetIpoeOperation = defineOperation({
  method: "DELETE",
  path: "/subscriptions/{id}/ipoe",
  tag: "Network",
  summary: "Back to PPPoE: a new username and password are generated",
  roles: NETWORK_WRITE,
  params: subscriptionParams,
  responses: { 200: AccessMode },
});

export const networkOperations = [
  setIpoeOperation,
  unsetIpoeOperation,
  listIpPoolsOperation,
  createIpPoolOperation,
  assignStaticIpOperation,
  releaseStaticIpOperation,
  getSubscriptionUsage,
  listSessionsOperation,
  listNasOperation,
  createNasOperation,
  disconnectSubscription,
  getSubscriptionCredentials,
  suspendSubscriptionOperation,
  resumeSubscriptionOperation,
];
