import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { currentActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getHeldOrder } from "@/lib/orders/get-held-order";
import { getBranding } from "@/lib/settings/get-branding";
import { formatMoney } from "@/lib/money/format-money";
import { claimOrderAction } from "./claim-order-action";
import { declineOrderAction } from "./decline-order-action";
import { perInterval } from "@/lib/format/labels";

export const metadata: Metadata = { title: "Confirm your order" };

// Reached from the email sent when a checkout used the address of an existing login: signing in
// is the proof that the order may join that account (lib/orders/README.md).
export default async function ConfirmOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/order/confirm/${id}`)}`);
  const [order, brand] = await Promise.all([
    getHeldOrder({ actor, orderId: id }).catch((e: unknown) => {
      if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    getBranding(),
  ]);
  const q = order.quote;
  const address = order.serviceAddress
    ? [order.serviceAddress.line1, order.serviceAddress.line2, order.serviceAddress.suburb]
        .concat(order.serviceAddress.city)
        .filter(Boolean)
        .join(", ")
    : "—";
  const open = order.status === "NEW" || order.status === "SCHEDULED";
  const hidden = <input type="hidden" name="orderId" value={order.id} />;
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-12 sm:px-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Confirm your order</h1>
        <p className="mt-2 text-slate-600">
          This order was placed with your email address. It joins your account only if you confirm
          it; nothing is installed or billed before that.
        </p>
      </div>
      <Card>
        <CardBody className="grid gap-4 text-sm sm:grid-cols-2">
          <p>
            <span className="text-slate-500">Order</span>
            <br />
            <span className="font-mono font-semibold">{order.number}</span>
          </p>
          <p>
            <span className="text-slate-500">Placed</span>
            <br />
            <DateTime value={order.createdAt} locale={brand.locale} timeZone={brand.timeZone} />
          </p>
          <p>
            <span className="text-slate-500">Plan</span>
            <br />
            {q.plan.name},{" "}
            <span className="tabular">
              {formatMoney(q.totals.recurring.totalAmount, q.currency, brand.locale)}
            </span>{" "}
            {perInterval(q.plan.interval)}
          </p>
          <p>
            <span className="text-slate-500">Service address</span>
            <br />
            {address}
          </p>
          <p className="sm:col-span-2">
            <span className="text-slate-500">Signed by</span>
            <br />
            {order.contracts.map((c) => c.signerName).join(", ") || "—"}
          </p>
        </CardBody>
      </Card>
      {!open ? (
        <Alert>This order is {order.status.toLowerCase()}; there is nothing more to do.</Alert>
      ) : actor.role !== "CUSTOMER" ? (
        <Alert tone="warning">
          Your email address belongs to a staff sign-in, which cannot hold services. Place the order
          again with a personal email address; a colleague will cancel this one.
        </Alert>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <ActionForm
            action={claimOrderAction}
            submit="Yes, add it to my account"
            pending="Adding…"
          >
            {hidden}
          </ActionForm>
          <ActionForm
            action={declineOrderAction}
            submit="No, I did not place this order"
            variant="secondary"
            pending="Declining…"
          >
            {hidden}
          </ActionForm>
        </div>
      )}
    </div>
  );
}
