import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Order received" };

// Deliberately shows nothing but the order number: the URL is shareable and unauthenticated,
// and the page reads the same whether or not the email already had an account.
export default async function OrderCompletePage({
  searchParams,
}: {
  searchParams: Promise<{ number?: string }>;
}) {
  const { number } = await searchParams;
  const safe = number && /^[A-Z0-9-]{1,30}$/.test(number) ? number : null;
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center sm:px-6">
      <div
        className="mx-auto flex h-14 w-14 items-center justify-center rounded-full bg-emerald-100 text-emerald-700"
        aria-hidden
      >
        <svg
          viewBox="0 0 24 24"
          className="h-8 w-8"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M5 12.5l4.5 4.5L19 7.5" />
        </svg>
      </div>
      <h1 className="mt-6 text-3xl font-bold tracking-tight text-slate-900">
        Thank you! Your order is in.
      </h1>
      {safe && (
        <p className="mt-3 text-lg text-slate-700">
          Order number <span className="font-mono font-semibold">{safe}</span>
        </p>
      )}
      <ol className="mx-auto mt-8 max-w-md space-y-3 text-left text-slate-600">
        <li>
          <span className="font-semibold text-slate-900">1. Check your inbox.</span> We emailed you
          what happens next. If you already have an account with us, the email asks you to sign in
          and confirm the order first.
        </li>
        <li>
          <span className="font-semibold text-slate-900">2. We book your installation.</span> Our
          team will contact you to confirm a date.
        </li>
        <li>
          <span className="font-semibold text-slate-900">3. You go live.</span> Billing starts on
          the day we activate your service.
        </li>
      </ol>
      <div className="mt-10 flex justify-center gap-3">
        <ButtonLink href="/portal/orders" size="lg">
          Follow my order
        </ButtonLink>
        <ButtonLink href="/" size="lg" variant="secondary">
          Back to home
        </ButtonLink>
      </div>
    </div>
  );
}
