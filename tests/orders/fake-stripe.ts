// A minimal local Stripe for tests: the SDK is pointed at it with STRIPE_API_BASE. It answers
// the three calls the checkout makes (customer, SetupIntent create, SetupIntent retrieve) and
// lets a test mark a SetupIntent as confirmed, as Stripe.js would in the browser.
import http from "node:http";
import type { AddressInfo } from "node:net";

type Intent = { id: string; customer: string; metadata: Record<string, string>; status: string };

export async function startFakeStripe() {
  const intents = new Map<string, Intent>();
  const updates: {
    id: string;
    email: string | null;
    name: string | null;
    metadata: Record<string, string>;
  }[] = [];
  let n = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const form = new URLSearchParams(body);
      const metadata = Object.fromEntries(
        [...form.entries()]
          .filter(([k]) => k.startsWith("metadata["))
          .map(([k, v]) => [k.slice(9, -1), v]),
      );
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { "content-type": "application/json", "request-id": `req_${++n}` });
        res.end(JSON.stringify(json));
      };
      const url = new URL(req.url!, "http://x");
      if (req.method === "POST" && url.pathname === "/v1/customers")
        return send(200, { id: `cus_${++n}`, object: "customer", metadata });
      const customer = url.pathname.match(/^\/v1\/customers\/(cus_\w+)$/);
      if (req.method === "POST" && customer) {
        updates.push({
          id: customer[1],
          email: form.get("email"),
          name: form.get("name"),
          metadata,
        });
        return send(200, {
          id: customer[1],
          object: "customer",
          email: form.get("email"),
          name: form.get("name"),
          metadata,
        });
      }
      if (req.method === "POST" && url.pathname === "/v1/setup_intents") {
        const intent = {
          id: `seti_${++n}`,
          customer: form.get("customer")!,
          metadata,
          status: "requires_payment_method",
        };
        intents.set(intent.id, intent);
        return send(200, {
          ...intent,
          object: "setup_intent",
          client_secret: `${intent.id}_secret_test`,
        });
      }
      const m = url.pathname.match(/^\/v1\/setup_intents\/(seti_\w+)$/);
      if (req.method === "GET" && m && intents.has(m[1])) {
        const i = intents.get(m[1])!;
        const pm =
          i.status === "succeeded"
            ? {
                id: `pm_for_${i.id}`,
                object: "payment_method",
                card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 },
              }
            : null;
        return send(200, { ...i, object: "setup_intent", payment_method: pm });
      }
      send(404, {
        error: {
          type: "invalid_request_error",
          message: `No such route ${req.method} ${url.pathname}`,
        },
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    updates,
    confirm: (id: string) => void (intents.get(id)!.status = "succeeded"),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
