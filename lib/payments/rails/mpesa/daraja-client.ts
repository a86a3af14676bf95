// Safaricom Daraja over HTTPS: OAuth (client credentials, Basic auth, an hour's token), Lipa na
// M-PESA Online (STK push and its status query) and C2B URL registration. Shapes follow Daraja's
// published API reference; amounts are whole shillings.
import "server-only";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import type { LoadedMpesa } from "../load-rail";

/** Daraja's timestamp: YYYYMMDDHHmmss in Nairobi time (EAT, UTC+3, no daylight saving). */
export const darajaTimestamp = (at: Date) =>
  new Date(at.getTime() + 3 * 3_600_000).toISOString().replace(/\D/g, "").slice(0, 14);

/** STK push password: base64(Shortcode + Passkey + Timestamp). */
export const darajaPassword = (shortcode: string, passkey: string, timestamp: string) =>
  Buffer.from(`${shortcode}${passkey}${timestamp}`).toString("base64");

const tokens = new Map<string, { token: string; expiresAt: number }>();

async function call<T>(url: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  } catch (e) {
    logger.warn({ err: e, url }, "daraja unreachable");
    throw new AppError("UNPROCESSABLE", "M-PESA could not be reached; try again shortly.");
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    logger.warn({ status: res.status, body, url }, "daraja refused");
    throw new AppError(
      "UNPROCESSABLE",
      `M-PESA refused the request: ${String(body.errorMessage ?? body.ResponseDescription ?? res.status)}`,
    );
  }
  return body as T;
}

export function darajaClient(m: LoadedMpesa, at: () => Date) {
  const { baseUrl, shortcode, consumerKey } = m.config;
  const { consumerSecret, passkey } = m.secrets;
  if (!baseUrl || !shortcode || !consumerKey || !consumerSecret || !passkey)
    throw new AppError("SETUP_REQUIRED", "M-PESA is not fully configured.");

  /** A cached token unless `fresh` (Test connection must reach the provider). */
  async function token(fresh = false) {
    const cached = tokens.get(consumerKey!);
    if (!fresh && cached && cached.expiresAt > Date.now()) return cached.token;
    const basic = Buffer.from(`${consumerKey}:${consumerSecret}`).toString("base64");
    const r = await call<{ access_token: string; expires_in: string | number }>(
      `${baseUrl}/oauth/v1/generate?grant_type=client_credentials`,
      { headers: { authorization: `Basic ${basic}` } },
    );
    // Renew a minute early so a request never carries a token that expires on the way.
    const life = (Number(r.expires_in) || 3599) * 1000 - 60_000;
    tokens.set(consumerKey!, { token: r.access_token, expiresAt: Date.now() + life });
    return r.access_token;
  }

  async function post<T>(path: string, body: object) {
    return call<T>(`${baseUrl}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${await token()}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  const signed = () => {
    const Timestamp = darajaTimestamp(at());
    return {
      BusinessShortCode: shortcode,
      Password: darajaPassword(shortcode, passkey, Timestamp),
      Timestamp,
    };
  };

  return {
    token,
    stkPush: (p: {
      shillings: number;
      phone: string;
      accountReference: string;
      description: string;
      callbackUrl: string;
    }) =>
      post<{
        MerchantRequestID: string;
        CheckoutRequestID: string;
        ResponseCode: string;
        CustomerMessage?: string;
      }>("/mpesa/stkpush/v1/processrequest", {
        ...signed(),
        TransactionType: "CustomerPayBillOnline",
        Amount: p.shillings,
        PartyA: p.phone,
        PartyB: shortcode,
        PhoneNumber: p.phone,
        CallBackURL: p.callbackUrl,
        AccountReference: p.accountReference,
        TransactionDesc: p.description,
      }),
    stkQuery: (checkoutRequestId: string) =>
      post<{ ResponseCode: string; ResultCode?: string; ResultDesc?: string }>(
        "/mpesa/stkpushquery/v1/query",
        { ...signed(), CheckoutRequestID: checkoutRequestId },
      ),
    /** Reverses a received transaction; the outcome comes to `resultUrl` later. */
    reversal: (p: {
      transactionId: string;
      shillings: number;
      resultUrl: string;
      timeoutUrl: string;
      remarks: string;
    }) => {
      const { initiatorName } = m.config;
      const { securityCredential } = m.secrets;
      if (!initiatorName || !securityCredential)
        throw new AppError(
          "SETUP_REQUIRED",
          "M-PESA reversals need the initiator name and security credential.",
        );
      return post<{
        OriginatorConversationID: string;
        ConversationID: string;
        ResponseCode: string;
        ResponseDescription?: string;
      }>("/mpesa/reversal/v1/request", {
        Initiator: initiatorName,
        SecurityCredential: securityCredential,
        CommandID: "TransactionReversal",
        TransactionID: p.transactionId,
        Amount: p.shillings,
        ReceiverParty: shortcode,
        // Daraja's own spelling.
        RecieverIdentifierType: "11",
        ResultURL: p.resultUrl,
        QueueTimeOutURL: p.timeoutUrl,
        Remarks: p.remarks.slice(0, 100) || "Refund",
        Occasion: "",
      });
    },
    registerC2bUrls: (urls: { validation: string; confirmation: string }) =>
      post<{ ResponseDescription?: string }>("/mpesa/c2b/v1/registerurl", {
        ShortCode: shortcode,
        // Completed: if our validation URL cannot be reached, M-PESA completes the payment and
        // the confirmation still records it (money is never refused for our downtime).
        ResponseType: "Completed",
        ConfirmationURL: urls.confirmation,
        ValidationURL: urls.validation,
      }),
  };
}
