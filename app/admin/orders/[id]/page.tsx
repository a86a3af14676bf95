import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Textarea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/roles";
import { getOrder } from "@/lib/orders/get-order";
import { listAssignees } from "@/lib/orders/list-assignees";
import { getBranding } from "@/lib/settings/get-branding";
import { formatMoney } from "@/lib/money/format-money";
import { dateInZone } from "@/lib/time/dates";
import { now } from "@/lib/time/clock";
import type { Quote } from "@/lib/orders/build-quote";
import { maskAccount } from "@/lib/payment-methods/bank-account";
import { StatusBadge } from "@/components/ui/status-badge";
import { paymentMethodLabel, perInterval } from "@/lib/format/labels";
import { statusLabel } from "@/lib/format/status";
import { addNoteAction } from "./add-note-action";
import { OrderChecks } from "./order-checks";
import { PipelinePanel } from "./pipeline-panel";
import { RevealAccount } from "./reveal-account";

export const metadata = { title: "Order" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("orders:read", `/admin/orders/${id}`);
  const [o, assignees, brand] = await Promise.all([
    getOrder({ actor, id }).catch((e) => {
      if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    listAssignees({ actor }),
    getBranding(),
  ]);
  const money = (v: number) => formatMoney(v, brand.currency, brand.locale);
  const quote = o.quote as unknown as Quote;
  const c = o.customer;
  const dt = (v: Date | null, dateOnly = false) => (
    <DateTime value={v} locale={brand.locale} timeZone={brand.timeZone} dateOnly={dateOnly} />
  );
  const open = o.status === "NEW" || o.status === "SCHEDULED";
  const address = o.serviceAddress
    ? [
        o.serviceAddress.line1,
        o.serviceAddress.line2,
        o.serviceAddress.suburb,
        o.serviceAddress.city,
        o.serviceAddress.postalCode,
      ]
        .filter(Boolean)
        .join(", ")
    : "—";
  const activationBlocked =
    [
      o.feasibility === "UNVERIFIED" && "Confirm feasibility of the address before activating.",
      o.heldForUserId && "The holder of the email address has not confirmed the order yet.",
    ]
      .filter(Boolean)
      .join(" ") || null;
  return (
    <>
      <PageHeader
        title={`Order ${o.number}`}
        description={
          <>
            Placed {dt(o.createdAt)} · <StatusBadge kind="order" status={o.status} />
            {o.feasibility === "UNVERIFIED" && (
              <>
                {" "}
                <StatusBadge kind="orderFeasibility" status="UNVERIFIED" />
              </>
            )}
            {o.heldForUserId && open && (
              <>
                {" "}
                <StatusBadge kind="orderHold" status="HELD" />
              </>
            )}
          </>
        }
        actions={
          <Link href="/admin/orders" className="text-sm font-medium text-brand-700 hover:underline">
            ← All orders
          </Link>
        }
      />
      <OrderChecks
        orderId={o.id}
        open={open}
        feasibility={o.feasibility}
        note={o.feasibilityNote}
        typedAddress={address}
        position={
          o.serviceAddress?.lat != null && o.serviceAddress.lng != null
            ? { lat: o.serviceAddress.lat, lng: o.serviceAddress.lng }
            : null
        }
        heldFor={o.heldForUser}
        email={c.email}
        canConfirm={can(actor, "orders:write") || can(actor, "orders:activate")}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader
              title="Customer"
              action={
                <Link
                  href={`/admin/customers/${c.id}`}
                  className="text-sm font-medium text-brand-700 hover:underline"
                >
                  Open customer
                </Link>
              }
            />
            <CardBody className="grid gap-4 text-sm sm:grid-cols-2">
              <p>
                <span className="text-slate-500">Name</span>
                <br />
                <span className="font-medium">
                  {c.companyName ?? `${c.firstName} ${c.lastName}`}
                </span>
                {c.companyName && (
                  <>
                    <br />
                    {c.firstName} {c.lastName}
                  </>
                )}
              </p>
              <p>
                <span className="text-slate-500">Account</span>
                <br />
                <span className="font-mono">{c.accountNumber}</span> ·{" "}
                {statusLabel("customer", c.status).toLowerCase()}
              </p>
              <p>
                <span className="text-slate-500">Contact</span>
                <br />
                <span className="break-all">{c.email}</span>
                <br />
                {c.phone}
              </p>
              <p>
                <span className="text-slate-500">Service address</span>
                <br />
                {address}
                {o.feasibility && o.feasibility !== "UNVERIFIED" && (
                  <span className="mt-1 block text-xs text-slate-500">
                    {statusLabel("orderFeasibility", o.feasibility)}
                    {o.feasibility === "CONFIRMED" && (
                      <>
                        {" "}
                        ({o.feasibilityConfirmedBy?.name ?? "system"},{" "}
                        {dt(o.feasibilityConfirmedAt)})
                      </>
                    )}
                  </span>
                )}
              </p>
              <p>
                <span className="text-slate-500">Installation preference</span>
                <br />
                {o.installPreference ?? "—"}
              </p>
              <p>
                <span className="text-slate-500">Booked for</span>
                <br />
                {dt(o.scheduledFor)}
              </p>
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Services and prices"
              description={`Prices ${quote.pricesIncludeTax ? "include" : "exclude"} tax; locked in at order time.`}
            />
            <ul className="divide-y divide-slate-100 text-sm">
              {quote.lines.map((l, i) => (
                <li key={i} className="flex justify-between gap-4 px-5 py-2.5">
                  <span>{l.description}</span>
                  <span className="tabular text-right">
                    {money(l.totalAmount)}{" "}
                    <span className="text-slate-500">{perInterval(l.interval)}</span>
                  </span>
                </li>
              ))}
            </ul>
            <CardBody className="flex flex-wrap justify-between gap-2 border-t border-slate-200 text-sm">
              <span>
                Subscriptions:{" "}
                {o.subscriptions
                  .map(
                    (s) =>
                      `${s.product.name} (${statusLabel("subscription", s.status).toLowerCase()})`,
                  )
                  .join(", ")}
              </span>
              <span className="tabular font-semibold">
                {money(quote.totals.recurring.totalAmount)} {perInterval(quote.plan.interval)}
              </span>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Agreement and payment" />
            <CardBody className="space-y-3 text-sm">
              {o.contracts.map((k) => (
                <div key={k.id} className="flex flex-wrap items-start justify-between gap-3">
                  <p>
                    Signed by <span className="font-medium">{k.signerName}</span> {dt(k.signedAt)}{" "}
                    from {k.signerIp ?? "unknown IP"} · template v{k.template.version}
                    {k.typedSignature ? " · typed signature" : " · drawn signature"}
                    <br />
                    <span className="break-all font-mono text-xs text-slate-500">
                      SHA-256 {k.documentHash}
                    </span>
                  </p>
                  <a
                    href={`/api/contracts/${k.id}/pdf`}
                    target="_blank"
                    rel="noreferrer"
                    className="font-medium text-brand-700 hover:underline"
                  >
                    Signed PDF
                  </a>
                </div>
              ))}
              {c.paymentMethods.map((m) => (
                <div key={m.id} className="border-t border-slate-100 pt-3">
                  <p className="font-medium">
                    {paymentMethodLabel(m.kind)}
                    {m.isDefault ? " · default" : ""}
                  </p>
                  {m.mandate && (
                    <p className="text-slate-600">
                      {m.mandate.accountHolder} ·{" "}
                      {o.canRevealAccount ? (
                        <RevealAccount
                          mandateId={m.mandate.id}
                          masked={maskAccount(m.mandate.accountLast4)}
                        />
                      ) : (
                        <span className="font-mono">{maskAccount(m.mandate.accountLast4)}</span>
                      )}
                      {m.mandate.bankCode && ` · branch ${m.mandate.bankCode}`} · mandate{" "}
                      {m.mandate.mandateReference}
                    </p>
                  )}
                  {m.cardLast4 && (
                    <p className="text-slate-600">
                      {m.cardBrand} ending {m.cardLast4}
                    </p>
                  )}
                  {!o.canSeePayment && m.kind !== "EFT" && (
                    <p className="text-xs text-slate-500">Details hidden for your role.</p>
                  )}
                </div>
              ))}
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6">
          <PipelinePanel
            orderId={o.id}
            status={o.status}
            assignedToId={o.assignedTo?.id ?? null}
            assignees={assignees}
            today={dateInZone(now(), brand.timeZone)}
            canWrite={can(actor, "orders:write")}
            canActivate={can(actor, "orders:activate")}
            activationBlocked={activationBlocked}
          />
          <Card>
            <CardHeader title="Notes" />
            <CardBody>
              <ActionForm action={addNoteAction} submit="Add note" variant="secondary">
                <input type="hidden" name="orderId" value={o.id} />
                <label htmlFor="body" className="sr-only">
                  Note
                </label>
                <Textarea name="body" rows={3} placeholder="Visible to colleagues only" />
              </ActionForm>
            </CardBody>
            {o.notes.length === 0 ? (
              <EmptyState title="No notes yet" />
            ) : (
              <ul className="divide-y divide-slate-100 border-t border-slate-200 text-sm">
                {o.notes.map((n) => (
                  <li key={n.id} className="px-5 py-3">
                    <p className="whitespace-pre-wrap text-slate-800">{n.body}</p>
                    <p className="mt-1 text-xs text-slate-500">
                      {n.author?.name ?? "System"} · {dt(n.createdAt)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
