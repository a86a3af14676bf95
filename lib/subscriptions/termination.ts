// Early-termination fee inside a contract term: remaining months (a started month counts whole)
// × monthly price × the plan's percentage. The rule the product stores (Product.earlyTerminationPercent)
// is the common ISP one; Kill Bill models the same as a fixed-price "cancellation" phase item.
import Decimal from "decimal.js";
import { addMonths, differenceInMonths } from "date-fns";
import type { BillingInterval } from "@/lib/generated/prisma/enums";
import { INTERVAL_MONTHS } from "@/lib/billing/cycles";
import { toDbDate, type IsoDate } from "@/lib/time/dates";

export function remainingContractMonths(effectiveDate: IsoDate, contractEndDate: IsoDate): number {
  if (effectiveDate >= contractEndDate) return 0;
  const from = toDbDate(effectiveDate);
  const to = toDbDate(contractEndDate);
  const whole = differenceInMonths(to, from);
  return addMonths(from, whole) < to ? whole + 1 : whole;
}

export function earlyTerminationFee(opts: {
  effectiveDate: IsoDate;
  contractEndDate: IsoDate | null;
  price: number;
  quantity: number;
  interval: BillingInterval;
  percent: number;
}): { months: number; amount: Decimal } {
  if (!opts.contractEndDate || opts.percent <= 0) return { months: 0, amount: new Decimal(0) };
  const months = remainingContractMonths(opts.effectiveDate, opts.contractEndDate);
  const monthly = new Decimal(opts.price).mul(opts.quantity).div(INTERVAL_MONTHS[opts.interval]);
  return { months, amount: monthly.mul(months).mul(opts.percent).div(100) };
}
