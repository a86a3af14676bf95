// A local Safaricom Daraja built from its published API reference: OAuth client credentials,
// STK push (checks the Password = base64(Shortcode + Passkey + Timestamp), whole amounts and the
// 12-character AccountReference), STK push query, C2B URL registration, transaction reversal
// (initiator and security credential, whole amounts; its result posted to the ResultURL). The test decides how a
// prompt ends and when (or whether) the callback is sent, and plays paybill payments through the
// registered validation and confirmation URLs.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

type Stk = {
  request: Record<string, unknown>;
  checkoutRequestId: string;
  merchantRequestId: string;
  result?: { code: number; desc: string; receipt?: string };
};

export const CREDENTIALS = {
  consumerKey: "ck_test",
  consumerSecret: "cs_test",
  passkey: "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
  shortcode: "174379",
  initiatorName: "testapi",
  securityCredential: "c2VjdXJpdHktY3JlZGVudGlhbA==",
};

type Reversal = { request: Record<string, unknown>; conversationId: string };

export async function startFakeDaraja() {
  const pushes: Stk[] = [];
  const reversals: Reversal[] = [];
  let registered: { ConfirmationURL: string; ValidationURL: string } | null = null;
  let issued = "";

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length
      ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>)
      : {};
    const send = (status: number, json: object) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    const url = req.url ?? "";
    if (url.startsWith("/oauth/v1/generate")) {
      const basic = Buffer.from(
        `${CREDENTIALS.consumerKey}:${CREDENTIALS.consumerSecret}`,
      ).toString("base64");
      if (req.headers.authorization !== `Basic ${basic}`)
        return send(400, {
          errorCode: "400.008.01",
          errorMessage: "Invalid Authentication passed",
        });
      issued = randomBytes(12).toString("hex");
      return send(200, { access_token: issued, expires_in: "3599" });
    }
    if (req.headers.authorization !== `Bearer ${issued}`)
      return send(401, { errorCode: "404.001.03", errorMessage: "Invalid Access Token" });
    const password = Buffer.from(
      `${CREDENTIALS.shortcode}${CREDENTIALS.passkey}${String(body.Timestamp)}`,
    ).toString("base64");
    if (url === "/mpesa/stkpush/v1/processrequest") {
      const bad =
        body.Password !== password
          ? "Invalid Password"
          : !Number.isInteger(body.Amount) || (body.Amount as number) < 1
            ? "Invalid Amount"
            : String(body.AccountReference).length > 12
              ? "Invalid AccountReference"
              : !/^2547\d{8}$|^2541\d{8}$/.test(String(body.PhoneNumber))
                ? "Invalid PhoneNumber"
                : null;
      if (bad) return send(400, { errorCode: "400.002.02", errorMessage: `Bad Request - ${bad}` });
      const p: Stk = {
        request: body,
        checkoutRequestId: `ws_CO_${randomBytes(8).toString("hex")}`,
        merchantRequestId: `${randomBytes(4).toString("hex")}-1`,
      };
      pushes.push(p);
      return send(200, {
        MerchantRequestID: p.merchantRequestId,
        CheckoutRequestID: p.checkoutRequestId,
        ResponseCode: "0",
        ResponseDescription: "Success. Request accepted for processing",
        CustomerMessage: "Success. Request accepted for processing",
      });
    }
    if (url === "/mpesa/stkpushquery/v1/query") {
      if (body.Password !== password) return send(400, { errorMessage: "Invalid Password" });
      const p = pushes.find((x) => x.checkoutRequestId === body.CheckoutRequestID);
      if (!p)
        return send(500, { errorCode: "500.001.1001", errorMessage: "Unable to lock subscriber" });
      if (!p.result)
        return send(500, {
          errorCode: "500.001.1001",
          errorMessage: "The transaction is being processed",
        });
      return send(200, {
        ResponseCode: "0",
        ResponseDescription: "The service request has been accepted successsfully",
        MerchantRequestID: p.merchantRequestId,
        CheckoutRequestID: p.checkoutRequestId,
        ResultCode: String(p.result.code),
        ResultDesc: p.result.desc,
      });
    }
    if (url === "/mpesa/reversal/v1/request") {
      const bad =
        body.Initiator !== CREDENTIALS.initiatorName ||
        body.SecurityCredential !== CREDENTIALS.securityCredential
          ? "The initiator information is invalid."
          : body.CommandID !== "TransactionReversal"
            ? "Invalid CommandID"
            : !Number.isInteger(body.Amount) || (body.Amount as number) < 1
              ? "Invalid Amount"
              : body.ReceiverParty !== CREDENTIALS.shortcode || body.RecieverIdentifierType !== "11"
                ? "Invalid ReceiverParty"
                : !body.TransactionID || !body.ResultURL || !body.QueueTimeOutURL
                  ? "Bad Request - Invalid TransactionID / ResultURL"
                  : null;
      if (bad) return send(400, { errorCode: "400.002.02", errorMessage: bad });
      const conversationId = `AG_20261130_${randomBytes(8).toString("hex")}`;
      reversals.push({ request: body, conversationId });
      return send(200, {
        OriginatorConversationID: randomBytes(6).toString("hex"),
        ConversationID: conversationId,
        ResponseCode: "0",
        ResponseDescription: "Accept the service request successfully.",
      });
    }
    if (url === "/mpesa/c2b/v1/registerurl") {
      registered = body as typeof registered;
      return send(200, {
        OriginatorCoversationID: "x",
        ResponseCode: "0",
        ResponseDescription: "success",
      });
    }
    send(404, { errorMessage: "not found" });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const post = async (to: string, json: object) => {
    const r = await fetch(to, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(json),
    });
    return {
      status: r.status,
      body: (await r.json().catch(() => null)) as Record<string, unknown>,
    };
  };

  const callbackBody = (p: Stk) => ({
    Body: {
      stkCallback: {
        MerchantRequestID: p.merchantRequestId,
        CheckoutRequestID: p.checkoutRequestId,
        ResultCode: p.result!.code,
        ResultDesc: p.result!.desc,
        ...(p.result!.code === 0
          ? {
              CallbackMetadata: {
                Item: [
                  { Name: "Amount", Value: p.request.Amount },
                  { Name: "MpesaReceiptNumber", Value: p.result!.receipt },
                  { Name: "TransactionDate", Value: 20261130104512 },
                  { Name: "PhoneNumber", Value: Number(p.request.PhoneNumber) },
                ],
              },
            }
          : {}),
      },
    },
  });

  return {
    url,
    pushes,
    get registered() {
      return registered;
    },
    /** The customer answers the prompt (0 paid, 1032 cancelled, …); no callback yet. */
    finish(checkoutRequestId: string, code: number, desc: string) {
      const p = pushes.find((x) => x.checkoutRequestId === checkoutRequestId)!;
      p.result = {
        code,
        desc,
        receipt: code === 0 ? `TK${randomBytes(4).toString("hex").toUpperCase()}` : undefined,
      };
      return p.result;
    },
    /** Sends the callback to the URL the STK push named (or `to`, e.g. with a wrong token). */
    callback(checkoutRequestId: string, to?: string) {
      const p = pushes.find((x) => x.checkoutRequestId === checkoutRequestId)!;
      return post(to ?? String(p.request.CallBackURL), callbackBody(p));
    },
    /** A customer pays the paybill: validation first, confirmation when it is accepted. */
    async payBill(billRef: string, amount: string) {
      const tx = {
        TransactionType: "Pay Bill",
        TransID: `TK${randomBytes(4).toString("hex").toUpperCase()}`,
        TransTime: "20261130104512",
        TransAmount: amount,
        BusinessShortCode: CREDENTIALS.shortcode,
        BillRefNumber: billRef,
        MSISDN: "2547 ***** 126",
        FirstName: "John",
      };
      const validation = await post(registered!.ValidationURL, tx);
      const accepted = String(validation.body?.ResultCode) === "0";
      const confirmation = accepted ? await post(registered!.ConfirmationURL, tx) : null;
      return { tx, validation, confirmation, resend: () => post(registered!.ConfirmationURL, tx) };
    },
    reversals,
    /** Daraja posts the reversal's result to its ResultURL (or `to`). */
    reversalResult(conversationId: string, code: number, desc: string, to?: string) {
      const r = reversals.find((x) => x.conversationId === conversationId)!;
      return post(to ?? String(r.request.ResultURL), {
        Result: {
          ResultType: 0,
          ResultCode: code,
          ResultDesc: desc,
          OriginatorConversationID: "x",
          ConversationID: conversationId,
          TransactionID: `TK${randomBytes(4).toString("hex").toUpperCase()}`,
        },
      });
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
