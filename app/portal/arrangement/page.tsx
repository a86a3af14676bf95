import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { requireCustomer } from "@/lib/auth/session";
import { getArrangementOffer } from "@/lib/dunning/arrangements/get-arrangement-offer";
import { formatMoney } from "@/lib/money/format-money";
import { getBranding } from "@/lib/settings/get-branding";
import { ArrangementSchedule } from "./arrangement-schedule";
import { ProposalForm } from "./proposal-form";
import { proposeArrangementAction } from "./propose-arrangement-action";

export const metadata = { title: "Payment arrangement" };

// The negotiation portal: pay the overdue balance in instalments within the ISP's terms.
export default async function ArrangementPage() {
  const actor = await requireCustomer("/portal/arrangement");
  const [offer, brand] = await Promise.all([
    getArrangementOffer({ actor, customerId: actor.customerId }),
    getBranding(),
  ]);
  const a = offer.arrangement;
  const open = a && (a.status === "ACTIVE" || a.status === "PENDING");
  const money = (m: number) => formatMoney(m, offer.currency, brand.locale);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Payment arrangement</h1>
        <p className="mt-1 text-sm text-slate-500">
          Cannot pay it all at once? Spread what is overdue over a few payments.
        </p>
      </div>
      {a && (
        <Card>
          <CardHeader
            title={open ? "Your arrangement" : "Your last arrangement"}
            description={
              a.status === "PENDING" ? "Our accounts team will reply by email." : undefined
            }
          />
          <CardBody>
            <ArrangementSchedule a={a} locale={brand.locale} />
          </CardBody>
        </Card>
      )}
      {!open && (
        <Card>
          <CardHeader
            title="Propose an arrangement"
            description={
              offer.overdue > 0
                ? `${money(offer.overdue)} is overdue on ${offer.invoiceCount} invoice${offer.invoiceCount === 1 ? "" : "s"}. Up to ${offer.policy.maxInstalments} payments within ${offer.policy.maxSpanDays} days are agreed at once.`
                : undefined
            }
          />
          {offer.overdue <= 0 ? (
            <EmptyState title="Nothing is overdue">There is nothing to arrange.</EmptyState>
          ) : !offer.policy.enabled ? (
            <CardBody className="space-y-3 text-sm text-slate-600">
              <p>Arrangements are not offered online on this account: please contact us.</p>
              <ButtonLink href="/portal/support">Contact support</ButtonLink>
            </CardBody>
          ) : (
            <CardBody>
              <ProposalForm
                action={proposeArrangementAction}
                total={offer.overdue}
                currency={offer.currency}
                locale={brand.locale}
                today={offer.today}
                policy={offer.policy}
              />
            </CardBody>
          )}
        </Card>
      )}
    </div>
  );
}
