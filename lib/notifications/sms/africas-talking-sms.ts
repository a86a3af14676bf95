// Africa's Talking bulk SMS: POST /version1/messaging with username, to, message (and from);
// the API key in the `apiKey` header; each recipient's status and messageId come back in
// SMSMessageData.Recipients.
import { postForm, SmsGatewayError, type SmsAdapter } from "./sms-adapter";

type Reply = {
  SMSMessageData?: {
    Message?: string;
    Recipients?: { number: string; status: string; statusCode: number; messageId: string }[];
  };
};

export function africasTalkingSms(opts: {
  baseUrl?: string;
  username: string;
  apiKey: string;
  from?: string;
}): SmsAdapter {
  const base = (opts.baseUrl ?? "https://api.africastalking.com").replace(/\/$/, "");
  return {
    name: "africastalking",
    async send({ to, text, from }) {
      const sender = from ?? opts.from;
      const reply = (await postForm(
        `${base}/version1/messaging`,
        { username: opts.username, to, message: text, ...(sender && { from: sender }) },
        { apiKey: opts.apiKey },
      )) as Reply;
      const r = reply.SMSMessageData?.Recipients?.[0];
      // 100 Processed, 101 Sent, 102 Queued; anything else is a refusal.
      if (!r || ![100, 101, 102].includes(r.statusCode))
        throw new SmsGatewayError(
          `Africa's Talking did not accept the message: ${r?.status ?? reply.SMSMessageData?.Message ?? "no recipient"}`,
        );
      return { providerId: r.messageId };
    },
  };
}
