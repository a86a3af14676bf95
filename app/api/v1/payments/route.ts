import { apiOperation } from "@/lib/http/api-operation";
import { listPaymentsOp, recordPaymentOp } from "@/lib/http/openapi/payments";
import { listPayments } from "@/lib/payments/list-payments";
import { recordManualPayment } from "@/lib/payments/record-manual-payment";

export const GET = apiOperation(listPaymentsOp, ({ actor, query }) =>
  listPayments({ actor, filter: query }),
);

export const POST = apiOperation(recordPaymentOp, ({ actor, body }) =>
  recordManualPayment({ actor, ...body }),
);
