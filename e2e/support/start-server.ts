// Starts the product exactly as `npm start` does, on a fresh data directory with demo data and
// known passwords, for Playwright's webServer. Card payments run against the local fake Stripe
// (tests/support/fake-stripe.ts): with STRIPE_API_BASE set, the pay pages confirm with a test
// card server-side, since there is no Stripe.js offline.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { startFakeStripe } from "../../tests/support/fake-stripe";
import { E2E } from "./env";

rmSync(E2E.dataDir, { recursive: true, force: true });
const stripe = await startFakeStripe();
const child = spawn("npx", ["tsx", "scripts/start.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: String(E2E.port),
    DATA_DIR: E2E.dataDir,
    APP_URL: E2E.baseUrl,
    DEMO_DATA: "true",
    ADMIN_EMAIL: E2E.users.ADMIN,
    ADMIN_PASSWORD: E2E.password,
    DATABASE_URL: "",
    INBOUND_EMAIL_SECRET: E2E.inboundEmailSecret,
    STRIPE_SECRET_KEY: "sk_test_e2e",
    STRIPE_PUBLISHABLE_KEY: "pk_test_e2e",
    STRIPE_API_BASE: stripe.url,
    STRIPE_WEBHOOK_SECRET: E2E.stripeWebhookSecret,
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => {
  void stripe.stop();
  process.exit(code ?? 0);
});
