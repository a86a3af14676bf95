import type { ContractContent } from "@/lib/contracts/contract-content";

/** The agreement as the signer reads it: the same content that is hashed and put in the PDF. */
export function ContractView({ c }: { c: ContractContent }) {
  return (
    <article
      aria-label={c.title}
      tabIndex={0}
      className="max-h-[28rem] overflow-y-auto rounded-lg bg-white p-5 text-sm leading-relaxed text-slate-700 ring-1 ring-slate-200 focus:outline-2"
    >
      <h3 className="text-lg font-semibold text-slate-900">{c.title}</h3>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <div className="rounded bg-slate-50 p-3">
          <p className="text-xs uppercase tracking-wide text-slate-500">Provider</p>
          <p className="font-medium text-slate-900">{c.provider.legalName}</p>
          <p>{c.provider.address}</p>
        </div>
        <div className="rounded bg-slate-50 p-3">
          <p className="text-xs uppercase tracking-wide text-slate-500">Customer</p>
          <p className="font-medium text-slate-900">{c.customer.companyName ?? c.customer.name}</p>
          {c.customer.idNumber && (
            <p>
              {c.customer.type === "BUSINESS" ? "Reg." : "ID"} {c.customer.idNumber}
            </p>
          )}
          <p>{c.customer.email}</p>
        </div>
      </div>
      <p className="mt-3">
        <span className="text-slate-500">Service address:</span> {c.serviceAddress}
      </p>
      <h4 className="mt-4 font-semibold text-slate-900">Schedule</h4>
      <table className="mt-1 w-full text-sm">
        <tbody>
          {c.schedule.rows.map((r, i) => (
            <tr key={i} className="border-b border-slate-100">
              <td className="py-1.5">
                {r.description}
                {r.charge && <span className="block text-xs text-slate-500">{r.charge}</span>}
              </td>
              <td className="tabular whitespace-nowrap py-1.5 text-right align-top">{r.amount}</td>
            </tr>
          ))}
          <tr className="font-semibold">
            <td className="pt-2">Recurring</td>
            <td className="tabular whitespace-nowrap pt-2 text-right">
              {c.schedule.recurringTotal}
            </td>
          </tr>
          <tr className="font-semibold">
            <td>Once-off</td>
            <td className="tabular whitespace-nowrap text-right">{c.schedule.onceOffTotal}</td>
          </tr>
        </tbody>
      </table>
      <p className="mt-1 text-xs text-slate-500">
        {c.schedule.taxNote} Minimum term: {c.schedule.term}.
      </p>
      <h4 className="mt-4 font-semibold text-slate-900">Terms</h4>
      {c.clauses.map((p, i) => (
        <p key={i} className="mt-2">
          {p}
        </p>
      ))}
      <p className="mt-2">
        See also the full{" "}
        <a href="/terms" target="_blank" rel="noreferrer" className="text-brand-700 underline">
          terms of service
        </a>{" "}
        and{" "}
        <a href="/privacy" target="_blank" rel="noreferrer" className="text-brand-700 underline">
          privacy notice
        </a>
        .
      </p>
      <h4 className="mt-4 font-semibold text-slate-900">Payment</h4>
      <p className="mt-1">
        {c.payment.method}: {c.payment.details}
      </p>
      {c.payment.mandateText && (
        <p className="mt-2 rounded border border-slate-200 p-3">
          <span className="block text-xs uppercase tracking-wide text-slate-500">
            Debit order mandate
          </span>
          {c.payment.mandateText}
        </p>
      )}
    </article>
  );
}
