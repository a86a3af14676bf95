// The configured SMS gateway (SMS_* in lib/env.ts), or null when SMS is not set up.
import { env } from "@/lib/env";
import { africasTalkingSms } from "./africas-talking-sms";
import type { SmsAdapter } from "./sms-adapter";
import { twilioSms } from "./twilio-sms";

export function smsGateway(): SmsAdapter | null {
  const { SMS_PROVIDER, SMS_BASE_URL, SMS_ACCOUNT, SMS_TOKEN, SMS_FROM } = env;
  if (!SMS_PROVIDER || !SMS_ACCOUNT || !SMS_TOKEN) return null;
  if (SMS_PROVIDER === "twilio")
    return twilioSms({
      baseUrl: SMS_BASE_URL,
      accountSid: SMS_ACCOUNT,
      authToken: SMS_TOKEN,
      from: SMS_FROM ?? "",
    });
  return africasTalkingSms({
    baseUrl: SMS_BASE_URL,
    username: SMS_ACCOUNT,
    apiKey: SMS_TOKEN,
    from: SMS_FROM,
  });
}
