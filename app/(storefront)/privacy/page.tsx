import type { Metadata } from "next";
import { LegalText } from "@/components/storefront/legal-text";
import { formatDate } from "@/lib/format/dates";
import { getBranding } from "@/lib/settings/get-branding";
import { getLegalPage } from "@/lib/settings/get-legal-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLegalPage({ slug: "privacy" })).title };
}

export default async function LegalPage() {
  const [page, brand] = await Promise.all([getLegalPage({ slug: "privacy" }), getBranding()]);
  return (
    <article className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{page.title}</h1>
      {page.updatedAt && (
        <p className="mt-2 text-sm text-slate-500">
          Last updated {formatDate(page.updatedAt, brand.locale)}
        </p>
      )}
      <div className="mt-6">
        <LegalText body={page.body} />
      </div>
    </article>
  );
}
