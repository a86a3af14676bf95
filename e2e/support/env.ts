// Where the e2e app runs and who can sign in to it. The password is for a throw-away database.
export const E2E = {
  port: Number(process.env.E2E_PORT ?? 3999),
  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  },
  dataDir: process.env.E2E_DATA_DIR ?? "/tmp/lastmile-e2e",
  password: "e2e-Password-123",
  /** The mail provider's shared secret for replies by email (POST /api/inbound/email). */
  inboundEmailSecret: "e2e-inbound-email-secret-0123",
  /** Signs the fake Stripe's webhook deliveries (the app is started against the fake). */
  stripeWebhookSecret: "whsec_e2e_lastmile",
  users: {
    ADMIN: "admin@bolandfibre.test",
    SALES: "sales@bolandfibre.test",
    ACCOUNTS: "accounts@bolandfibre.test",
    SUPPORT: "support@bolandfibre.test",
    TECHNICIAN: "tech@bolandfibre.test",
    CUSTOMER: "customer@bolandfibre.test",
  },
} as const;

export type E2ERole = keyof typeof E2E.users;
export const storageStateFor = (role: E2ERole) => `e2e/.auth/${role.toLowerCase()}.json`;
