import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/roles";
import { listCoaLog } from "@/lib/network/list-coa-log";
import { listIpPools, listStaticIps } from "@/lib/network/list-ip-pools";
import { listNas } from "@/lib/network/list-nas";
import { listSessions } from "@/lib/network/list-sessions";
import { getBranding } from "@/lib/settings/get-branding";
import { formatBytes } from "@/lib/usage/format-bytes";
import { RunNowButton } from "../jobs/run-now-button";
import { AssignStaticIpForm, IpPoolForm, ReleaseStaticIpButton } from "./ip-pool-forms";
import { NasForm } from "./nas-form";

export const metadata = { title: "Network" };

const RESULT_TONE: Record<string, Tone> = {
  ACK: "green",
  NAK: "red",
  TIMEOUT: "amber",
  ERROR: "red",
};

export default async function NetworkPage() {
  const actor = await requirePermission("network:read", "/admin/network");
  const [sessions, nases, coa, pools, staticIps, brand] = await Promise.all([
    listSessions({ actor, limit: 100 }),
    listNas({ actor }),
    listCoaLog({ actor, limit: 50 }),
    listIpPools({ actor }),
    listStaticIps({ actor }),
    getBranding(),
  ]);
  const write = can(actor, "network:write");
  const when = (v: string | null) => (
    <DateTime value={v} locale={brand.locale} timeZone={brand.timeZone} />
  );
  return (
    <>
      <PageHeader
        title="Network"
        description="Live RADIUS sessions from FreeRADIUS accounting, the NAS list, and every CoA and Disconnect sent with the NAS's answer."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title={`Open sessions (${sessions.length}${sessions.length === 100 ? "+" : ""})`}
            description="Newest first; bytes are session totals so far."
          />
          {sessions.length === 0 ? (
            <EmptyState title="Nobody is online">
              Sessions appear when a NAS sends accounting to FreeRADIUS.
            </EmptyState>
          ) : (
            <Table>
              <thead className="bg-slate-50">
                <tr>
                  <Th>User</Th>
                  <Th>NAS</Th>
                  <Th>IP</Th>
                  <Th>Started</Th>
                  <Th>Last update</Th>
                  <Th numeric>Download</Th>
                  <Th numeric>Upload</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {sessions.map((s) => (
                  <tr key={s.id} className="hover:bg-slate-50">
                    <Td>
                      <Link
                        href={`/admin/customers/${s.customerId}`}
                        className="font-mono text-brand-700 hover:underline"
                      >
                        {s.username}
                      </Link>
                    </Td>
                    <Td className="font-mono">{s.nasIp}</Td>
                    <Td className="font-mono">{s.framedIp ?? "—"}</Td>
                    <Td>{when(s.startedAt)}</Td>
                    <Td>{when(s.updatedAt)}</Td>
                    <Td numeric>{formatBytes(s.downloadBytes, brand.locale)}</Td>
                    <Td numeric>{formatBytes(s.uploadBytes, brand.locale)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>

        <Card>
          <CardHeader
            title="NAS"
            description="FreeRADIUS clients (npm run radius:config writes clients.conf from this list) and where CoA goes."
            action={can(actor, "jobs:run") ? <RunNowButton name="radius.resync" /> : undefined}
          />
          {nases.length === 0 ? (
            <EmptyState title="No NAS yet">
              Add the BRAS or router your customers connect through.
            </EmptyState>
          ) : (
            <Table>
              <thead className="bg-slate-50">
                <tr>
                  <Th>Name</Th>
                  <Th>Address</Th>
                  <Th>Type</Th>
                  <Th numeric>CoA port</Th>
                  <Th>Description</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {nases.map((n) => (
                  <tr key={n.id}>
                    <Td className="font-medium text-slate-900">{n.name}</Td>
                    <Td className="font-mono">{n.ipAddress}</Td>
                    <Td>{n.type.toLowerCase()}</Td>
                    <Td numeric>{n.coaPort}</Td>
                    <Td className="whitespace-normal text-slate-600">{n.description ?? ""}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {can(actor, "network:write") && (
            <div className="border-t border-slate-200 px-5 py-4">
              <h3 className="mb-3 text-sm font-semibold text-slate-900">Add a NAS</h3>
              <NasForm />
            </div>
          )}
        </Card>

        <Card>
          <CardHeader
            title="Static IPs"
            description="Pools of public addresses; FreeRADIUS replies a service's address as Framed-IP-Address."
          />
          {pools.length === 0 ? (
            <EmptyState title="No pools yet">
              Add a block of addresses to hand out static IPs.
            </EmptyState>
          ) : (
            <Table>
              <thead className="bg-slate-50">
                <tr>
                  <Th>Pool</Th>
                  <Th>Block</Th>
                  <Th>Gateway</Th>
                  <Th numeric>Assigned</Th>
                  <Th numeric>Free</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {pools.map((p) => (
                  <tr key={p.id}>
                    <Td>{p.name}</Td>
                    <Td className="font-mono">{p.cidr}</Td>
                    <Td className="font-mono">{p.gateway ?? "—"}</Td>
                    <Td numeric>{p.assigned}</Td>
                    <Td numeric>{p.size - p.assigned}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {staticIps.length > 0 && (
            <Table>
              <thead className="bg-slate-50">
                <tr>
                  <Th>Address</Th>
                  <Th>Login</Th>
                  <Th>Customer</Th>
                  <Th>Assigned</Th>
                  {write && (
                    <Th>
                      <span className="sr-only">Release</span>
                    </Th>
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {staticIps.map((ip) => (
                  <tr key={ip.address} className="align-top">
                    <Td className="font-mono">{ip.address}</Td>
                    <Td className="font-mono">{ip.subscription.radiusUsername ?? "—"}</Td>
                    <Td>
                      <Link
                        href={`/admin/customers/${ip.subscription.customer.id}`}
                        className="text-brand-700 hover:underline"
                      >
                        {ip.subscription.customer.firstName} {ip.subscription.customer.lastName}
                      </Link>{" "}
                      <span className="text-slate-500">
                        · {ip.subscription.product.name}
                        {ip.subscription.status === "CANCELLED" ? " (cancelled)" : ""}
                      </span>
                    </Td>
                    <Td>{when(ip.assignedAt.toISOString())}</Td>
                    {write && (
                      <Td>
                        <ReleaseStaticIpButton subscriptionId={ip.subscription.id} />
                      </Td>
                    )}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {write && (
            <div className="space-y-5 border-t border-slate-200 px-5 py-4">
              {pools.length > 0 && (
                <div>
                  <h3 className="mb-3 text-sm font-semibold text-slate-900">Assign a static IP</h3>
                  <AssignStaticIpForm pools={pools} />
                </div>
              )}
              <div>
                <h3 className="mb-3 text-sm font-semibold text-slate-900">Add a pool</h3>
                <IpPoolForm />
              </div>
            </div>
          )}
        </Card>

        <Card>
          <CardHeader title="CoA log" description="The latest 50 requests to a NAS (RFC 5176)." />
          {coa.length === 0 ? (
            <EmptyState title="Nothing sent yet">
              Plan changes, suspensions and restores of online services send CoA or Disconnect.
            </EmptyState>
          ) : (
            <Table>
              <thead className="bg-slate-50">
                <tr>
                  <Th>Sent</Th>
                  <Th>Request</Th>
                  <Th>User</Th>
                  <Th>NAS</Th>
                  <Th>Why</Th>
                  <Th>Answer</Th>
                  <Th numeric>Latency</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {coa.map((c) => (
                  <tr key={c.id} className="align-top">
                    <Td>{when(c.sentAt)}</Td>
                    <Td>{c.kind === "COA" ? "CoA" : "Disconnect"}</Td>
                    <Td className="font-mono">
                      {c.customerId ? (
                        <Link
                          href={`/admin/customers/${c.customerId}`}
                          className="text-brand-700 hover:underline"
                        >
                          {c.username}
                        </Link>
                      ) : (
                        c.username
                      )}
                    </Td>
                    <Td className="font-mono">{c.nasIp}</Td>
                    <Td>{c.reason}</Td>
                    <Td className="whitespace-normal">
                      <Badge tone={RESULT_TONE[c.result]}>{c.result}</Badge>
                      {c.error && (
                        <p className="mt-1 max-w-xs text-xs text-slate-600">
                          {c.error}
                          {c.errorCause !== null ? ` (${c.errorCause})` : ""}
                        </p>
                      )}
                    </Td>
                    <Td numeric>{c.latencyMs === null ? "—" : `${c.latencyMs} ms`}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
