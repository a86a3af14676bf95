import { ButtonLink } from "@/components/ui/button";
import { PlanCard } from "@/components/storefront/plan-card";
import { listPublicCatalog } from "@/lib/catalog/list-public-plans";
import { getBranding } from "@/lib/settings/get-branding";
import { perInterval } from "@/lib/format/labels";
import { formatMoney } from "@/lib/money/format-money";

export const metadata = { title: "Internet for home and business" };

export default async function HomePage() {
  const [brand, { plans }] = await Promise.all([getBranding(), listPublicCatalog()]);
  const money = (v: number) => formatMoney(v, brand.currency, brand.locale);
  return (
    <>
      <section className="relative overflow-hidden bg-gradient-to-br from-brand-900 via-brand-800 to-brand-700">
        <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6 sm:py-28">
          <h1 className="max-w-2xl text-4xl font-bold tracking-tight text-white sm:text-5xl">
            Fast, honest internet for your home and business.
          </h1>
          <p className="mt-5 max-w-xl text-lg text-brand-100">
            Check if {brand.name} reaches your address, choose a plan and sign up online in five
            minutes. No paperwork, no call centre.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink
              href="/coverage"
              size="lg"
              className="bg-white !text-brand-800 hover:bg-brand-50"
            >
              Check my address
            </ButtonLink>
            <ButtonLink
              href="#plans"
              size="lg"
              variant="ghost"
              className="!text-white ring-1 ring-white/40 hover:bg-white/10"
            >
              See plans
            </ButtonLink>
          </div>
        </div>
      </section>
      <section id="plans" className="mx-auto max-w-6xl scroll-mt-20 px-4 py-16 sm:px-6">
        <h2 className="text-2xl font-bold tracking-tight text-slate-900">Plans</h2>
        <p className="mt-2 text-slate-600">
          Prices {brand.pricesIncludeTax ? "include" : "exclude"} VAT. Availability depends on your
          address.
        </p>
        {plans.length === 0 ? (
          <p className="mt-8 rounded-lg bg-slate-50 p-8 text-center text-slate-500">
            No plans are on sale yet.
          </p>
        ) : (
          <div className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {plans.map((p) => (
              <PlanCard
                key={p.id}
                plan={{
                  ...p,
                  priceLabel: money(p.price),
                  intervalLabel: perInterval(p.interval),
                  setupLabel: p.setupFee ? money(p.setupFee) : null,
                }}
                action={
                  <ButtonLink
                    href={`/coverage?plan=${p.code}`}
                    variant="secondary"
                    className="w-full"
                  >
                    Check availability
                  </ButtonLink>
                }
              />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
