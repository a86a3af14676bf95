"use client";

import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { useIsActive } from "./use-is-active";

/** A tab in a light page header (the customer portal): the current section is underlined in the brand colour. */
export function TabNavLink({
  href,
  children,
  exact,
}: {
  href: string;
  children: React.ReactNode;
  exact?: boolean;
}) {
  const active = useIsActive(href, exact);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
        active
          ? "border-brand-600 text-brand-700"
          : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
      )}
    >
      {children}
    </Link>
  );
}
