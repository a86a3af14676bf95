import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDunningPolicies } from "@/lib/dunning/get-dunning-policies";
import { listHolidays } from "@/lib/dunning/list-holidays";
import { policyFormValues } from "@/lib/dunning/policy-form-schema";
import type { DunningPolicy } from "@/lib/dunning/policy-schema";
import { formatDate } from "@/lib/format/dates";
import { customerTypeLabel, dunningStepLabel } from "@/lib/format/labels";
import { getBranding } from "@/lib/settings/get-branding";
import { addHolidayAction } from "./add-holiday-action";
import { removeHolidayAction } from "./remove-holiday-action";
import { updatePolicyAction } from "./update-policy-action";
import { ArrangementRulesForm } from "./arrangement-rules-form";
import { getArrangementPolicies } from "@/lib/dunning/arrangements/get-arrangement-policies";

export const metadata = { title: "Dunning policy" };

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <input
        type="checkbox"
        name={name}
        defaultChecked={checked}
        className="rounded border-slate-300"
      />
      {label}
    </label>
  );
}

function PolicyForm({ policy }: { policy: DunningPolicy }) {
  const values = policyFormValues(policy);
  const t = policy.customerType;
  return (
    <ActionForm
      action={updatePolicyAction}
      submit={`Save ${customerTypeLabel(t).toLowerCase()} policy`}
    >
      <input type="hidden" name="customerType" value={t} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">
          Steps, in days from the due date of the oldest unpaid invoice
        </legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          {policy.steps.map((s) => (
            <div key={s.step} className="rounded-md p-3 ring-1 ring-slate-200">
              <Field label={dunningStepLabel(s.step)} name={`${t}-${s.step}`}>
                <Input
                  id={`${t}-${s.step}`}
                  name={`steps.${s.step}.offset`}
                  type="number"
                  defaultValue={s.offsetDays}
                />
              </Field>
              <div className="mt-2">
                <Check name={`steps.${s.step}.enabled`} label="On" checked={s.enabled} />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Ignore balances under" name={`${t}-minBalance`}>
          <Input
            id={`${t}-minBalance`}
            name="minBalance"
            defaultValue={values.minBalance}
            inputMode="decimal"
          />
        </Field>
        <Field label="Late fee" name={`${t}-lateFeeKind`}>
          <Select id={`${t}-lateFeeKind`} name="lateFeeKind" defaultValue={policy.lateFeeKind}>
            <option value="FIXED">Fixed amount</option>
            <option value="PERCENT">Percent of the invoice</option>
          </Select>
        </Field>
        <Field label="Late fee amount or %" name={`${t}-lateFeeValue`}>
          <Input
            id={`${t}-lateFeeValue`}
            name="lateFeeValue"
            defaultValue={values.lateFeeValue}
            inputMode="decimal"
          />
        </Field>
        <Field
          label="Reconnection fee (0 = none)"
          name={`${t}-reconnectionFee`}
          hint="Charged at suspension"
        >
          <Input
            id={`${t}-reconnectionFee`}
            name="reconnectionFee"
            defaultValue={values.reconnectionFee}
            inputMode="decimal"
          />
        </Field>
        <Field label="No suspension from (hour)" name={`${t}-cutoffHour`}>
          <Input
            id={`${t}-cutoffHour`}
            name="cutoffHour"
            type="number"
            min={0}
            max={24}
            defaultValue={policy.cutoffHour}
          />
        </Field>
        <Field label="Messages from / until (hour)" name={`${t}-quietEndHour`}>
          <div className="flex gap-2">
            <Input
              id={`${t}-quietEndHour`}
              name="quietEndHour"
              type="number"
              min={0}
              max={24}
              defaultValue={policy.quietEndHour}
              aria-label="Messages from"
            />
            <Input
              name="quietStartHour"
              type="number"
              min={0}
              max={24}
              defaultValue={policy.quietStartHour}
              aria-label="Messages until"
            />
          </div>
        </Field>
      </div>
      <div className="flex flex-wrap gap-4">
        <Check
          name="skipWeekends"
          label="No suspensions on weekends"
          checked={policy.skipWeekends}
        />
        <Check
          name="feesInMustPay"
          label="Fees must be paid before restoring"
          checked={policy.feesInMustPay}
        />
      </div>
    </ActionForm>
  );
}

export default async function DunningPolicyPage() {
  const actor = await requirePermission("settings:write", "/admin/dunning/policy");
  const [policies, holidays, brand, arrangementRules] = await Promise.all([
    getDunningPolicies(),
    listHolidays({ actor }),
    getBranding(),
    getArrangementPolicies(),
  ]);
  return (
    <>
      <Link href="/admin/dunning" className="text-sm font-medium text-brand-700 hover:underline">
        ← Dunning simulator
      </Link>
      <PageHeader
        title="Dunning policy"
        description="The ladder per customer class, and the calendar: suspensions never on weekends, public holidays or after the cut-off hour; messages only outside quiet hours, in the customer's time zone."
      />
      <div className="space-y-6">
        {(["RESIDENTIAL", "BUSINESS"] as const).map((t) => (
          <Card key={t}>
            <CardHeader title={customerTypeLabel(t)} />
            <CardBody>
              <PolicyForm policy={policies[t]} />
              <h3 className="mb-2 mt-6 border-t border-slate-100 pt-4 text-sm font-semibold text-slate-900">
                Payment arrangements
              </h3>
              <ArrangementRulesForm policy={arrangementRules[t]} />
            </CardBody>
          </Card>
        ))}
        <Card>
          <CardHeader title="Public holidays" description="No suspensions on these days." />
          <CardBody>
            <ActionForm
              action={addHolidayAction}
              submit="Add holiday"
              className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end"
            >
              <Field label="Date" name="holiday-date">
                <Input id="holiday-date" name="date" type="date" />
              </Field>
              <Field label="Name" name="holiday-name">
                <Input id="holiday-name" name="name" />
              </Field>
            </ActionForm>
          </CardBody>
          {holidays.length === 0 ? (
            <EmptyState title="No holidays listed" />
          ) : (
            <Table>
              <thead className="bg-slate-50">
                <tr>
                  <Th>Date</Th>
                  <Th>Holiday</Th>
                  <Th />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {holidays.map((h) => (
                  <tr key={h.id}>
                    <Td className="tabular">{formatDate(h.date, brand.locale)}</Td>
                    <Td>{h.name}</Td>
                    <Td numeric>
                      <ActionForm
                        action={removeHolidayAction}
                        submit="Remove"
                        variant="secondary"
                        className="flex justify-end"
                      >
                        <input type="hidden" name="id" value={h.id} />
                      </ActionForm>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
