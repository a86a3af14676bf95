"use client";

import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { useIsActive } from "./use-is-active";

export function NavLink({
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
        "block rounded-md px-3 py-2 text-sm font-medium",
        active
          ? "bg-brand-800 text-white"
          : "text-brand-100 hover:bg-brand-800/60 hover:text-white",
      )}
    >
      {children}
    </Link>
  );
}
