// A local Stripe for tests, e2e and benchmarks: the SDK is pointed at it with STRIPE_API_BASE and
// speaks the real protocol (form-encoded requests, JSON answers, Idempotency-Key replays, 402
// card errors carrying the failed PaymentIntent). It covers what Lastmile calls: customers,
// SetupIntents, PaymentMethods, PaymentIntents (create/confirm/retrieve/search) and refunds.
// Card behaviour follows the PaymentMethod id, like Stripe's test cards: an id containing
// "decline" is declined (card_declined), one containing "auth" needs 3-D Secure
// (authentication_required off-session, requires_action on-session), anything else succeeds.
// `event()` builds a webhook delivery signed with stripe.webhooks.generateTestHeaderString.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

type Intent = { id: string; customer: string; metadata: Record<string, string>; status: string };
type Json = Record<string, unknown>;

function nested(form: URLSearchParams, prefix: string): Record<string, string> {
  return Object.fromEntries(
    [...form.entries()]
      .filter(([k]) => k.startsWith(`${prefix}[`))
      .map(([k, v]) => [k.slice(prefix.length + 1, -1), v]),
  );
}

const cardOf = (pm: string) => ({
  id: pm,
  object: "payment_method",
  type: "card",
  card: {
    brand: "visa",
    last4: pm.includes("decline") ? "0002" : "4242",
    exp_month: 12,
    exp_year: 2030,
  },
});

export async function startFakeStripe(opts: { latencyMs?: number } = {}) {
  const intents = new Map<string, Intent>();
  const paymentIntents = new Map<string, Json>();
  const refunds = new Map<string, Json>();
  const replays = new Map<string, { status: number; json: unknown }>();
  const attached = new Map<string, string>(); // payment method → customer
  const updates: {
    id: string;
    email: string | null;
    name: string | null;
    metadata: Record<string, string>;
  }[] = [];
  const stats = { requests: 0, charges: 0, dropNext: 0 };
  let n = 0;

  function confirmIntent(pi: Json, pm: string, offSession: boolean) {
    pi.payment_method = pm;
    const amount = pi.amount as number;
    if (pm.includes("decline")) {
      pi.status = "requires_payment_method";
      pi.last_payment_error = {
        type: "card_error",
        code: "card_declined",
        decline_code: "insufficient_funds",
        message: "Your card has insufficient funds.",
      };
      return { status: 402, code: "card_declined" };
    }
    if (pm.includes("auth")) {
      if (!offSession) {
        pi.status = "requires_action";
        return { status: 200 };
      }
      pi.status = "requires_payment_method";
      pi.last_payment_error = {
        type: "card_error",
        code: "authentication_required",
        decline_code: "authentication_required",
        message: "Your card was declined. This transaction requires authentication.",
      };
      return { status: 402, code: "authentication_required" };
    }
    pi.status = "succeeded";
    pi.amount_received = amount;
    pi.last_payment_error = null;
    pi.latest_charge = `ch_for_${pi.id}`;
    stats.charges++;
    return { status: 200 };
  }

  const answerIntent = (pi: Json, r: { status: number; code?: string }) =>
    r.status === 402
      ? {
          status: 402,
          json: {
            error: {
              ...(pi.last_payment_error as Json),
              payment_intent: pi,
              doc_url: "https://stripe.com/docs/error-codes",
            },
          },
        }
      : { status: 200, json: pi };

  function route(
    method: string,
    url: URL,
    form: URLSearchParams,
  ): { status: number; json: unknown } {
    const metadata = nested(form, "metadata");
    const path = url.pathname;
    if (method === "POST" && path === "/v1/customers")
      return { status: 200, json: { id: `cus_${++n}`, object: "customer", metadata } };
    let m = path.match(/^\/v1\/customers\/(cus_\w+)$/);
    if (method === "POST" && m) {
      updates.push({ id: m[1], email: form.get("email"), name: form.get("name"), metadata });
      return {
        status: 200,
        json: {
          id: m[1],
          object: "customer",
          email: form.get("email"),
          name: form.get("name"),
          metadata,
        },
      };
    }
    if (method === "POST" && path === "/v1/setup_intents") {
      const intent = {
        id: `seti_${++n}`,
        customer: form.get("customer")!,
        metadata,
        status: "requires_payment_method",
      };
      intents.set(intent.id, intent);
      return {
        status: 200,
        json: { ...intent, object: "setup_intent", client_secret: `${intent.id}_secret_test` },
      };
    }
    m = path.match(/^\/v1\/setup_intents\/(seti_\w+)$/);
    if (method === "GET" && m && intents.has(m[1])) {
      const i = intents.get(m[1])!;
      const pm =
        i.status === "succeeded" ? { ...cardOf(`pm_for_${i.id}`), customer: i.customer } : null;
      return { status: 200, json: { ...i, object: "setup_intent", payment_method: pm } };
    }
    // Stripe.js's confirmSetup, done server-side by the test confirm path (no browser).
    m = path.match(/^\/v1\/setup_intents\/(seti_\w+)\/confirm$/);
    if (method === "POST" && m && intents.has(m[1])) {
      const i = intents.get(m[1])!;
      i.status = "succeeded";
      return {
        status: 200,
        json: { ...i, object: "setup_intent", payment_method: `pm_for_${i.id}` },
      };
    }
    m = path.match(/^\/v1\/payment_methods\/(pm_\w+)$/);
    if (method === "GET" && m)
      return { status: 200, json: { ...cardOf(m[1]), customer: attached.get(m[1]) ?? null } };
    m = path.match(/^\/v1\/payment_methods\/(pm_\w+)\/detach$/);
    if (method === "POST" && m) {
      attached.delete(m[1]);
      return { status: 200, json: { ...cardOf(m[1]), customer: null } };
    }
    if (method === "POST" && path === "/v1/payment_intents") {
      const pi: Json = {
        id: `pi_${++n}`,
        object: "payment_intent",
        amount: Number(form.get("amount")),
        amount_received: 0,
        currency: form.get("currency"),
        customer: form.get("customer"),
        metadata,
        status: "requires_payment_method",
        client_secret: `pi_${n}_secret_test`,
        last_payment_error: null,
        payment_method_types: [...form.entries()]
          .filter(([k]) => k.startsWith("allowed_payment_method_types"))
          .map(([, v]) => v),
        automatic_payment_methods:
          form.get("automatic_payment_methods[enabled]") === "true" ? { enabled: true } : null,
        created: Math.floor(Date.now() / 1000),
      };
      paymentIntents.set(pi.id as string, pi);
      const pm = form.get("payment_method");
      if (form.get("confirm") === "true" && pm)
        return answerIntent(pi, confirmIntent(pi, pm, form.get("off_session") === "true"));
      return { status: 200, json: pi };
    }
    if (method === "GET" && path === "/v1/payment_intents/search") {
      const q = url.searchParams.get("query") ?? "";
      const want = q.match(/metadata\['(\w+)'\]:'([^']*)'/);
      const data = [...paymentIntents.values()].filter(
        (pi) => want && (pi.metadata as Json)[want[1]] === want[2],
      );
      return { status: 200, json: { object: "search_result", data, has_more: false, url: path } };
    }
    m = path.match(/^\/v1\/payment_intents\/(pi_\w+)$/);
    if (method === "GET" && m && paymentIntents.has(m[1]))
      return { status: 200, json: paymentIntents.get(m[1]) };
    m = path.match(/^\/v1\/payment_intents\/(pi_\w+)\/confirm$/);
    if (method === "POST" && m && paymentIntents.has(m[1])) {
      const pi = paymentIntents.get(m[1])!;
      if (pi.status === "succeeded")
        return {
          status: 400,
          json: {
            error: {
              type: "invalid_request_error",
              code: "payment_intent_unexpected_state",
              message: "This PaymentIntent has already succeeded.",
            },
          },
        };
      return answerIntent(
        pi,
        confirmIntent(pi, form.get("payment_method") ?? "pm_card_visa", false),
      );
    }
    if (method === "POST" && path === "/v1/refunds") {
      const pi = paymentIntents.get(form.get("payment_intent") ?? "");
      if (!pi || pi.status !== "succeeded")
        return {
          status: 400,
          json: { error: { type: "invalid_request_error", message: "No such charge." } },
        };
      const done = [...refunds.values()]
        .filter((r) => r.payment_intent === pi.id)
        .reduce((s, r) => s + (r.amount as number), 0);
      const amount = Number(form.get("amount") ?? (pi.amount_received as number) - done);
      if (amount + done > (pi.amount_received as number))
        return {
          status: 400,
          json: {
            error: {
              type: "invalid_request_error",
              code: "charge_already_refunded",
              message: "Refund exceeds the charge.",
            },
          },
        };
      const refund = {
        id: `re_${++n}`,
        object: "refund",
        amount,
        payment_intent: pi.id,
        charge: pi.latest_charge,
        status: "succeeded",
        reason: null,
        metadata,
      };
      refunds.set(refund.id, refund);
      return { status: 200, json: refund };
    }
    if (method === "GET" && path === "/v1/refunds") {
      const pi = url.searchParams.get("payment_intent");
      const data = [...refunds.values()].filter((r) => r.payment_intent === pi);
      return { status: 200, json: { object: "list", data, has_more: false, url: path } };
    }
    return {
      status: 404,
      json: {
        error: { type: "invalid_request_error", message: `No such route ${method} ${path}` },
      },
    };
  }

  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      stats.requests++;
      const url = new URL(req.url!, "http://x");
      const key = req.headers["idempotency-key"];
      const replayKey = typeof key === "string" ? `${req.method} ${url.pathname} ${key}` : null;
      const answer =
        (replayKey && replays.get(replayKey)) || route(req.method!, url, new URLSearchParams(body));
      if (replayKey) replays.set(replayKey, answer);
      if (stats.dropNext > 0 && req.method === "POST") {
        stats.dropNext--;
        req.socket.destroy(); // the request reached Stripe and was done; the answer is lost
        return;
      }
      const send = () => {
        res.writeHead(answer.status, {
          "content-type": "application/json",
          "request-id": `req_${++n}`,
        });
        res.end(JSON.stringify(answer.json));
      };
      if (opts.latencyMs) setTimeout(send, opts.latencyMs);
      else send();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    updates,
    stats,
    paymentIntents,
    refunds,
    /** Marks a checkout SetupIntent confirmed, as Stripe.js would in the browser. */
    confirm: (id: string) => void (intents.get(id)!.status = "succeeded"),
    /** A signed webhook delivery of `type` about `object` (Stripe-Signature header and body). */
    event(type: string, object: unknown, secret: string, id = `evt_${++n}`) {
      const payload = JSON.stringify({
        id,
        object: "event",
        type,
        api_version: "2025-01-27.acacia",
        created: Math.floor(Date.now() / 1000),
        data: { object },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
      });
      return {
        id,
        payload,
        signature: Stripe.webhooks.generateTestHeaderString({ payload, secret }),
      };
    },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
