import { technologyLabel } from "@/lib/format/labels";
import { Badge } from "@/components/ui/badge";

export type PlanCardData = {
  name: string;
  description: string | null;
  technology: string | null;
  downloadMbps: number | null;
  uploadMbps: number | null;
  dataCapGb: number | null;
  priceLabel: string;
  intervalLabel: string;
  setupLabel: string | null;
  contractMonths: number;
};

export function PlanCard({ plan, action }: { plan: PlanCardData; action?: React.ReactNode }) {
  return (
    <div className="flex flex-col rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <div className="flex items-center justify-between">
        <h3 className="text-lg font-semibold text-slate-900">{plan.name}</h3>
        {plan.technology && (
          <Badge tone={plan.technology === "FIBRE" ? "brand" : "blue"}>
            {technologyLabel(plan.technology)}
          </Badge>
        )}
      </div>
      <p className="mt-4 flex items-baseline gap-1">
        <span className="text-4xl font-bold tracking-tight text-slate-900">
          {plan.downloadMbps}
        </span>
        <span className="text-sm font-medium text-slate-500">/ {plan.uploadMbps} Mbps</span>
      </p>
      <p className="mt-1 text-sm text-slate-500">
        {plan.dataCapGb ? `${plan.dataCapGb} GB per month` : "Uncapped"}
      </p>
      {plan.description && <p className="mt-4 flex-1 text-sm text-slate-600">{plan.description}</p>}
      <div className="mt-6 border-t border-slate-100 pt-4">
        <p className="tabular text-2xl font-semibold text-slate-900">
          {plan.priceLabel}
          <span className="text-sm font-normal text-slate-500"> {plan.intervalLabel}</span>
        </p>
        <p className="mt-1 text-xs text-slate-500">
          {plan.contractMonths ? `${plan.contractMonths}-month contract` : "Month to month"}
          {plan.setupLabel ? ` · setup ${plan.setupLabel}` : " · free setup"}
        </p>
      </div>
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}
