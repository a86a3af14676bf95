// One interface for SMS gateways; each adapter speaks its provider's real REST protocol (form
// posts over HTTPS), with a configurable base URL so tests point it at a local capture server.
export type SmsMessage = { to: string; text: string; from?: string };
export type SmsAdapter = {
  name: string;
  /** Resolves with the provider's message id; rejects when the gateway refuses the message. */
  send(message: SmsMessage): Promise<{ providerId: string }>;
};

export class SmsGatewayError extends Error {}

export async function postForm(
  url: string,
  form: Record<string, string>,
  headers: Record<string, string>,
): Promise<unknown> {
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
      ...headers,
    },
    body: new URLSearchParams(form).toString(),
    signal: AbortSignal.timeout(15_000),
  });
  const body = await res.text();
  if (!res.ok)
    throw new SmsGatewayError(`SMS gateway answered ${res.status}: ${body.slice(0, 200)}`);
  try {
    return JSON.parse(body);
  } catch {
    throw new SmsGatewayError(`SMS gateway sent no JSON: ${body.slice(0, 200)}`);
  }
}
