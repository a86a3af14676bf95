"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useState } from "react";

type Item = { href: string; label: string };

/** The storefront's links on phones: a disclosure button (Escape closes it, so does navigating). */
export function MobileMenu({ items }: { items: Item[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const path = usePathname();
  // A link followed inside the menu lands on a new page: close the menu there.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setOpen(false), [path]);
  return (
    <div className="sm:hidden" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md px-2 py-1.5 text-slate-700 ring-1 ring-inset ring-slate-300"
      >
        <span aria-hidden="true">☰</span> Menu
      </button>
      {open && (
        <nav
          id={id}
          aria-label="Menu"
          className="absolute inset-x-0 top-full border-b border-slate-200 bg-white px-4 py-2 shadow-sm"
        >
          <ul className="divide-y divide-slate-100">
            {items.map((i) => (
              <li key={i.href}>
                <Link href={i.href} className="block py-3 font-medium text-slate-800">
                  {i.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
