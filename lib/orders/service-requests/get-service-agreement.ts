// The agreement a service request asks the customer to sign, for the staff tablet page and the
// emailed link's page: the same content (and hash) placement will store.
import "server-only";
import { prepareOrder } from "../prepare-order";
import { toContractDraft } from "./service-request-draft";
import { loadServiceRequest, type ServiceRequestRef } from "./load-service-request";

export type GetServiceAgreementOptions = ServiceRequestRef;

export async function getServiceAgreement(opts: GetServiceAgreementOptions) {
  const r = await loadServiceRequest(opts);
  const base = {
    id: r.id,
    customerId: r.customerId,
    status: r.status,
    expired: r.expired,
    planName: r.planName,
    signerName: `${r.customer.firstName} ${r.customer.lastName}`,
  };
  if (r.status !== "AWAITING_SIGNATURE" || r.expired) return { ...base, agreement: null };
  const prepared = await prepareOrder(toContractDraft(r.draft, r.customer));
  return {
    ...base,
    agreement: { content: prepared.content, contentHash: prepared.contentHash },
  };
}
