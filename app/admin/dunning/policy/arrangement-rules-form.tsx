import Decimal from "decimal.js";
import { ActionForm } from "@/components/admin/action-form";
import { Field, Input, Select } from "@/components/ui/field";
import type { ArrangementPolicy } from "@/lib/dunning/arrangements/arrangement-schema";
import { customerTypeLabel, dunningStepLabel } from "@/lib/format/labels";
import { updateArrangementPolicyAction } from "./update-arrangement-policy-action";

const RESUME = ["overdue-notice", "soft-suspend", "suspend", "collections"] as const;

/** The rules a customer's own arrangement proposal must meet to be agreed without staff. */
export function ArrangementRulesForm({ policy }: { policy: ArrangementPolicy }) {
  const t = policy.customerType;
  const id = (f: string) => `${t}-arr-${f}`;
  return (
    <ActionForm
      action={updateArrangementPolicyAction}
      submit={`Save ${customerTypeLabel(t).toLowerCase()} arrangement rules`}
    >
      <input type="hidden" name="customerType" value={t} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Most payments" name={id("max")}>
          <Input
            id={id("max")}
            name="maxInstalments"
            type="number"
            min={1}
            max={24}
            defaultValue={policy.maxInstalments}
          />
        </Field>
        <Field label="First payment at least" name={id("kind")}>
          <Select id={id("kind")} name="minFirstKind" defaultValue={policy.minFirstKind}>
            <option value="PERCENT">Percent of the total</option>
            <option value="FIXED">Fixed amount</option>
          </Select>
        </Field>
        <Field label="Amount or %" name={id("min")}>
          <Input
            id={id("min")}
            name="minFirstValue"
            inputMode="decimal"
            defaultValue={new Decimal(policy.minFirstValue).div(100).toString()}
          />
        </Field>
        <Field label="Last payment within (days)" name={id("span")}>
          <Input
            id={id("span")}
            name="maxSpanDays"
            type="number"
            min={1}
            max={365}
            defaultValue={policy.maxSpanDays}
          />
        </Field>
        <Field label="A missed payment resumes at" name={id("resume")}>
          <Select id={id("resume")} name="resumeStep" defaultValue={policy.resumeStep}>
            {RESUME.map((s) => (
              <option key={s} value={s}>
                {dunningStepLabel(s)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="flex flex-wrap gap-4 text-sm text-slate-700">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="enabled" defaultChecked={policy.enabled} />
          Customers may propose arrangements in the portal
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="liftRestrictions" defaultChecked={policy.liftRestrictions} />
          Agreeing lifts a throttle or suspension
        </label>
      </div>
    </ActionForm>
  );
}
