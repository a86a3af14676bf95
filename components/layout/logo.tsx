/** The ISP's logo when set, else its name beside a signal mark. */
export function Logo({
  name,
  logoUrl,
  inverted,
}: {
  name: string;
  logoUrl?: string | null;
  inverted?: boolean;
}) {
  if (logoUrl) {
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={logoUrl} alt={name} className="h-8 w-auto" />;
  }
  return (
    <span
      className={`flex items-center gap-2 whitespace-nowrap text-lg font-bold tracking-tight ${inverted ? "text-white" : "text-slate-900"}`}
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className={`h-7 w-7 ${inverted ? "text-brand-200" : "text-brand-700"}`}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
      >
        <path d="M5 12.5a10 10 0 0 1 14 0" />
        <path d="M8.5 16a5 5 0 0 1 7 0" />
        <circle cx="12" cy="19.5" r="1.2" fill="currentColor" />
        <path d="M1.5 9a15 15 0 0 1 21 0" />
      </svg>
      {name}
    </span>
  );
}
