import Link from "next/link";

/** The body of the 404, 403 and error pages: what happened and a way on. */
export function StatusPage({
  code,
  title,
  children,
  action,
}: {
  code: string;
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-slate-50 px-4 py-12 text-center">
      <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">{code}</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
      <div className="mt-3 max-w-md text-sm text-slate-600">{children}</div>
      <div className="mt-6 flex gap-4 text-sm font-medium">
        {action}
        <Link href="/" className="text-brand-700 hover:underline">
          Home
        </Link>
      </div>
    </main>
  );
}
