import { Badge, type Tone } from "@/components/ui/badge";
import type { PaymentStatus } from "@/lib/generated/prisma/enums";
import { PAYMENT_STATUS_LABEL } from "@/lib/payments/payment-labels";

const TONE: Record<PaymentStatus, Tone> = {
  PENDING: "amber",
  SUCCEEDED: "green",
  FAILED: "red",
  REVERSED: "red",
  REFUNDED: "gray",
  DISPUTED: "amber",
};

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  return <Badge tone={TONE[status]}>{PAYMENT_STATUS_LABEL[status]}</Badge>;
}
