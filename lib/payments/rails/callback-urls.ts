// The URLs providers call back on. Each carries the rail's random callback token: Daraja does not
// sign its callbacks and a Pix PSP authenticates itself with mTLS at the ISP's proxy, so the
// token is what tells a real callback from a stranger's POST. Daraja refuses callback URLs that
// contain "mpesa", "safaricom", "sql", "query" or "exe", hence the neutral path names.
import { appUrl } from "@/lib/env";

export const RAILS_PREFIX = "/api/rails";

/** Registered as the Pix key's webhook; the PSP appends `/pix` (and `/rec`, `/cobr`). */
export const pixWebhookUrl = (token: string) => `${appUrl()}${RAILS_PREFIX}/pix/${token}`;

export const darajaUrls = (token: string) => {
  const base = `${appUrl()}${RAILS_PREFIX}/daraja/${token}`;
  return {
    stkCallbackUrl: `${base}/stk`,
    c2bValidationUrl: `${base}/c2b/validation`,
    c2bConfirmationUrl: `${base}/c2b/confirmation`,
    reversalResultUrl: `${base}/reversal/result`,
  };
};
