// Twilio's Programmable Messaging API (and compatible gateways): POST
// /2010-04-01/Accounts/{AccountSid}/Messages.json with To, From, Body; HTTP Basic auth with the
// Account SID and auth token; the created message's `sid` comes back.
import { postForm, SmsGatewayError, type SmsAdapter } from "./sms-adapter";

export function twilioSms(opts: {
  baseUrl?: string;
  accountSid: string;
  authToken: string;
  from: string;
}): SmsAdapter {
  const base = (opts.baseUrl ?? "https://api.twilio.com").replace(/\/$/, "");
  return {
    name: "twilio",
    async send({ to, text, from }) {
      const reply = (await postForm(
        `${base}/2010-04-01/Accounts/${encodeURIComponent(opts.accountSid)}/Messages.json`,
        { To: to, From: from ?? opts.from, Body: text },
        {
          authorization: `Basic ${Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString("base64")}`,
        },
      )) as { sid?: string; status?: string };
      if (!reply.sid || reply.status === "failed")
        throw new SmsGatewayError(
          `Twilio did not accept the message (${reply.status ?? "no sid"})`,
        );
      return { providerId: reply.sid };
    },
  };
}
