import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { StatusBadge } from "@/components/ui/status-badge";
import { perInterval, technologyLabel } from "@/lib/format/labels";
import { plural } from "@/lib/format/plural";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { CardPaymentsNotice } from "@/components/admin/card-payments-notice";
import { requirePermission } from "@/lib/auth/require-permission";
import { listProducts } from "@/lib/catalog/list-products";
import { getBranding } from "@/lib/settings/get-branding";
import { formatMoney } from "@/lib/money/format-money";
import { isCardPaymentEnabled } from "@/lib/payment-methods/stripe-client";

export const metadata = { title: "Catalogue" };

export default async function CatalogPage({
  searchParams,
}: {
  searchParams: Promise<{ saved?: string }>;
}) {
  const actor = await requirePermission("catalog:write", "/admin/catalog");
  const [products, brand, { saved }] = await Promise.all([
    listProducts({ actor }),
    getBranding(),
    searchParams,
  ]);
  const money = (v: number) => formatMoney(v, brand.currency, brand.locale);
  const section = (kind: "PLAN" | "ADDON", title: string) => {
    const rows = products.filter((p) => p.kind === kind);
    return (
      <Card className="mb-6">
        <CardHeader
          title={title}
          action={
            <ButtonLink href={`/admin/catalog/new?kind=${kind}`} size="sm">
              New {kind === "PLAN" ? "plan" : "add-on"}
            </ButtonLink>
          }
        />
        {rows.length === 0 ? (
          <EmptyState title={`No ${kind === "PLAN" ? "plans" : "add-ons"} yet`} />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Name</Th>
                {kind === "PLAN" ? (
                  <>
                    <Th>Technology</Th>
                    <Th>Speed</Th>
                  </>
                ) : (
                  <Th>Charged</Th>
                )}
                <Th numeric>Price</Th>
                <Th numeric>Setup</Th>
                <Th numeric>Term</Th>
                <Th numeric>Areas</Th>
                <Th numeric>Services</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((p) => (
                <tr key={p.id} className="hover:bg-slate-50">
                  <Td>
                    <Link
                      href={`/admin/catalog/${p.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {p.name}
                    </Link>
                    <span className="block font-mono text-xs text-slate-500">{p.code}</span>
                  </Td>
                  {kind === "PLAN" ? (
                    <>
                      <Td>{p.technology && technologyLabel(p.technology)}</Td>
                      <Td className="tabular">
                        {p.downloadMbps}/{p.uploadMbps} Mbps
                        {p.dataCapGb ? `, ${p.dataCapGb} GB` : ""}
                      </Td>
                    </>
                  ) : (
                    <Td>{p.addonCharge === "ONCE_OFF" ? "Once-off" : "Recurring"}</Td>
                  )}
                  <Td numeric>
                    {money(p.price)}{" "}
                    {p.kind === "PLAN" || p.addonCharge === "RECURRING"
                      ? perInterval(p.interval)
                      : ""}
                  </Td>
                  <Td numeric>{p.setupFee ? money(p.setupFee) : "—"}</Td>
                  <Td numeric>
                    {p.contractMonths
                      ? plural(p.contractMonths, "month", "months", brand.locale)
                      : "—"}
                  </Td>
                  <Td numeric>{p._count.coverageAreas}</Td>
                  <Td numeric>{p._count.subscriptions}</Td>
                  <Td>
                    <StatusBadge kind="product" status={p.status} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    );
  };
  return (
    <>
      <PageHeader
        title="Catalogue"
        description={`Plans and add-ons. Prices ${brand.pricesIncludeTax ? "include" : "exclude"} tax; a retired product stays on existing services.`}
      />
      {saved && (
        <Alert tone="success" className="mb-6">
          Saved.
        </Alert>
      )}
      <CardPaymentsNotice enabled={isCardPaymentEnabled()} />
      {section("PLAN", "Plans")}
      {section("ADDON", "Add-ons")}
    </>
  );
}
