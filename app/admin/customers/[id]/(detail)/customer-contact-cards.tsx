// The customer page's right-hand column below the notes: contact details with the portal login
// (and the password-link action), the billing and service addresses, and other contacts.
import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { getCustomerDetails } from "@/lib/customers/get-customer-details";
import { sendPasswordLinkAction } from "../portal-access/send-password-link-action";

type Details = NonNullable<Awaited<ReturnType<typeof getCustomerDetails>>>;
type Brand = { locale: string; timeZone: string };

type Addr = {
  line1: string;
  line2?: string | null;
  suburb?: string | null;
  city: string;
  postalCode?: string | null;
};
const Address = ({ a }: { a: Addr }) => (
  <address className="not-italic leading-relaxed">
    {a.line1}
    {a.line2 && (
      <>
        <br />
        {a.line2}
      </>
    )}
    <br />
    {[a.suburb, a.city].filter(Boolean).join(", ")}
    {a.postalCode && ` ${a.postalCode}`}
  </address>
);
const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <>
    <dt className="text-slate-500">{label}</dt>
    <dd className="text-slate-900">{children ?? <span className="text-slate-500">—</span>}</dd>
  </>
);

export function CustomerContactCards({
  details,
  brand,
  canSendPasswordLink,
}: {
  details: Details;
  brand: Brand;
  canSendPasswordLink: boolean;
}) {
  const when = (v: string | Date | null) => (
    <DateTime value={v} locale={brand.locale} timeZone={brand.timeZone} />
  );
  return (
    <>
      <Card>
        <CardHeader title="Contact" />
        <CardBody>
          <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-2 text-sm">
            <Row label="Name">
              {details.firstName} {details.lastName}
            </Row>
            <Row label="Email">
              <a
                className="break-all text-brand-700 hover:underline"
                href={`mailto:${details.email}`}
              >
                {details.email}
              </a>
            </Row>
            <Row label="Phone">
              {details.phone && (
                <a
                  className="text-brand-700 hover:underline"
                  href={`tel:${details.phone.replace(/\s/g, "")}`}
                >
                  {details.phone}
                </a>
              )}
            </Row>
            <Row label="ID number">{details.idNumber}</Row>
            {details.type === "BUSINESS" && <Row label="Tax number">{details.taxNumber}</Row>}
            <Row label="Marketing">{details.marketingOptIn ? "Opted in" : "No"}</Row>
            <Row label="Customer since">{when(details.createdAt)}</Row>
            <Row label="Portal">
              {details.portalLogin ? (
                details.portalLogin.hasPassword ? (
                  details.portalLogin.lastLoginAt ? (
                    <>Last sign-in {when(details.portalLogin.lastLoginAt)}</>
                  ) : (
                    "Never signed in"
                  )
                ) : (
                  "No password set yet"
                )
              ) : (
                "No login"
              )}
            </Row>
          </dl>
          {details.portalLogin && canSendPasswordLink && (
            <ActionForm
              action={sendPasswordLinkAction}
              submit="Email a password link"
              variant="secondary"
              className="mt-4 space-y-2"
            >
              <input type="hidden" name="customerId" value={details.id} />
            </ActionForm>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Addresses" />
        <CardBody className="space-y-4 text-sm">
          <div>
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Billing</p>
            {details.billingAddress ? (
              <Address a={details.billingAddress} />
            ) : (
              <p className="text-slate-500">None</p>
            )}
          </div>
          {details.serviceAddresses.map((a) => (
            <div key={a.id}>
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                Service
              </p>
              <Address a={a} />
            </div>
          ))}
          {details.serviceAddresses.length === 0 && details.billingAddress && (
            <p className="text-xs text-slate-500">Services are installed at the billing address.</p>
          )}
        </CardBody>
      </Card>
      {details.contacts.length > 0 && (
        <Card>
          <CardHeader title="Other contacts" />
          <ul className="divide-y divide-slate-100 text-sm">
            {details.contacts.map((c) => (
              <li key={c.id} className="px-5 py-3">
                <p className="font-medium text-slate-900">
                  {c.name}
                  {c.role && <span className="font-normal text-slate-500"> · {c.role}</span>}
                </p>
                <p className="text-slate-600">{[c.email, c.phone].filter(Boolean).join(" · ")}</p>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
