import Link from "next/link";

const TABS = [
  { href: "/admin/bank", label: "Collections" },
  { href: "/admin/bank/imports", label: "Imports" },
  { href: "/admin/bank/review", label: "Review queue" },
  { href: "/admin/bank/cnab", label: "CNAB 240" },
];

/** The Bank section's sub-navigation. */
export function BankTabs({ current }: { current: string }) {
  return (
    <nav aria-label="Bank" className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.href === current ? "page" : undefined}
          className={`whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
            t.href === current
              ? "border-brand-600 text-brand-700"
              : "border-transparent text-slate-600 hover:text-slate-900"
          }`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
