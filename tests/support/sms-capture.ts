// A local SMS gateway that answers like Twilio (POST /2010-04-01/Accounts/{sid}/Messages.json)
// and like Africa's Talking (POST /version1/messaging), and keeps every form it receives.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type CapturedSms = {
  path: string;
  headers: Record<string, string>;
  form: Record<string, string>;
};

export async function startSmsCapture() {
  const received: CapturedSms[] = [];
  let refuse = false;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const form = Object.fromEntries(new URLSearchParams(body));
      received.push({ path: req.url ?? "", headers: req.headers as Record<string, string>, form });
      const json = (status: number, data: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(data));
      if (refuse) return json(400, { code: 21211, message: "Invalid 'To' Phone Number" });
      if (req.url?.startsWith("/2010-04-01/Accounts/"))
        return json(201, { sid: `SM${received.length}`, status: "queued", to: form.To });
      if (req.url === "/version1/messaging")
        return json(201, {
          SMSMessageData: {
            Message: "Sent to 1/1 Total Cost: KES 0.8000",
            Recipients: [
              {
                number: form.to,
                status: "Success",
                statusCode: 101,
                messageId: `ATXid_${received.length}`,
              },
            ],
          },
        });
      json(404, { error: "not found" });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    refuseNext(on: boolean) {
      refuse = on;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
