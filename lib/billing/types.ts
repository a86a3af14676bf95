// Shapes shared by the pure billing rules and the database writer.
import type Decimal from "decimal.js";
import type {
  BillingInterval,
  CycleMode,
  LineKind,
  SubscriptionStatus,
  TaxBehavior,
} from "@/lib/generated/prisma/enums";
import type { IsoDate } from "@/lib/time/dates";
import type { DiscountSpec } from "./discounts";

/** What the billing rules need to know about a subscription (its row plus its product). */
export type SubscriptionState = {
  id: string;
  customerId: string;
  status: SubscriptionStatus;
  productId: string;
  productName: string;
  price: number; // per interval, minor units, as displayed
  quantity: number;
  interval: BillingInterval;
  cycleMode: CycleMode;
  anchorDay: number;
  startDate: IsoDate;
  billedThrough: IsoDate | null; // first day not yet billed
  nextBillDate: IsoDate | null;
  contractEndDate: IsoDate | null;
  cancelAt: IsoDate | null;
  taxRate: string; // percent
  /** The plan's own tax behaviour; null or absent: the ISP's pricesIncludeTax. */
  taxBehavior?: TaxBehavior | null;
  setupFee: number;
  earlyTerminationPercent: number;
};

export type PendingPlanChange = {
  id: string;
  effectiveDate: IsoDate;
  toProduct: {
    id: string;
    name: string;
    price: number;
    interval: BillingInterval;
    taxRate: string;
    taxBehavior?: TaxBehavior | null;
    earlyTerminationPercent: number;
  };
};

/**
 * What was charged for days [start, end) as a share of the list price: (RECURRING + DISCOUNT) /
 * RECURRING for a billed period, 1 for days charged undiscounted by an upgrade. The latest span
 * containing a day wins. Credits for unused days are multiplied by it.
 */
export type ChargedSpan = { start: IsoDate; end: IsoDate; factor: Decimal };

export type SuspensionSpan = {
  id: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  creditedThrough: IsoDate | null;
};

/** An invoice line before tax: `amount` is unrounded and as displayed (gross or net per settings). */
export type LineDraft = {
  subscriptionId: string | null;
  kind: LineKind;
  description: string;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null; // exclusive
  quantity: string;
  unitAmount: number;
  amount: Decimal;
  taxRate: string;
  /** Whether `amount` includes tax, when the plan overrides the ISP's setting. */
  taxBehavior?: TaxBehavior | null;
  oneOffChargeId?: string;
};

export type PlanInput = {
  sub: SubscriptionState;
  asOf: IsoDate;
  planChanges: readonly PendingPlanChange[];
  discounts: readonly DiscountSpec[];
  suspensions: readonly SuspensionSpan[];
  /** SKIP credits suspended days on the next invoice; CONTINUE bills through suspensions. */
  creditSuspensions: boolean;
  /** What earlier invoices charged for the periods credits can reach; none means the list price. */
  charged?: readonly ChargedSpan[];
};

export type PlanResult = {
  lines: LineDraft[];
  sub: SubscriptionState; // the state after billing
  changed: boolean;
  cancelled: boolean;
  appliedPlanChangeIds: string[];
  discountUses: Map<string, number>; // discount id → cycles consumed now
  suspensionCredits: { id: string; creditedThrough: IsoDate; closed: boolean }[];
};
