// The one module that reads process.env. Everything else imports `env`.
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/http/forwarded-chain";

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .optional()
    .transform((v) => (v === undefined ? fallback : ["true", "1", "yes"].includes(v)));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  /** The database owner's URL, when migrations must run as another role than the app's. */
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./data"),
  AUTH_SECRET: z.string().min(16).optional(),
  /** 32 bytes, base64 or hex: encrypts bank account numbers (AES-256-GCM). */
  ENCRYPTION_KEY: z.string().optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  DEMO_DATA: bool(true),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  /** SMS gateway for customer messages (lib/notifications/sms): unset = no SMS. */
  SMS_PROVIDER: z.enum(["twilio", "africastalking"]).optional(),
  /** The gateway's API root; defaults to the provider's public API (tests: a local server). */
  SMS_BASE_URL: z.string().url().optional(),
  /** Twilio Account SID, or the Africa's Talking username. */
  SMS_ACCOUNT: z.string().optional(),
  /** Twilio auth token, or the Africa's Talking API key. */
  SMS_TOKEN: z.string().optional(),
  /** Sender number or alphanumeric sender id. */
  SMS_FROM: z.string().optional(),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /** Points the Stripe SDK at another host (tests use a local fake Stripe). */
  STRIPE_API_BASE: z.string().url().optional(),
  INNGEST_BASE_URL: z.string().url().optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_DEV: z.string().optional(),
  /** Proxies whose X-Forwarded-For entries are believed: a hop count or a comma list of CIDRs. */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        parseTrustedProxies(v);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
      }
    }),
  /** Set by scripts/start.ts, whose server writes the socket address into x-lastmile-socket-ip. */
  LASTMILE_SOCKET_IP_HEADER: bool(false),
  /** Bearer token for Prometheus at /api/metrics; unset → the endpoint answers 404. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Drop folder for bank files (host-to-host/SFTP deliveries), imported by bank.import-inbox. */
  BANK_INBOX_DIR: z.string().min(1).optional(),
  /** Shared secret the mail provider sends to POST /api/inbound/email (replies to tickets). */
  INBOUND_EMAIL_SECRET: z.string().min(16).optional(),
  /** Nightly backups kept in DATA_DIR/backups (0 turns the nightly backup off). */
  BACKUP_RETENTION: z.coerce.number().int().min(0).max(3650).default(7),
  /** How far in the past a new subscription may start (days): a typo cannot bill years at once. */
  SUBSCRIPTION_MAX_BACKDATE_DAYS: z.coerce.number().int().min(0).max(3660).default(90),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Test instances only: enables /api/v1/sandbox/clock, which moves business time for everyone. */
  SANDBOX_CLOCK: bool(false),
  /** Tests set this so they can travel in time; production leaves it unset. */
  LASTMILE_FIXED_NOW: z.string().datetime().optional(),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  // An empty variable means "not set" (e.g. DATABASE_URL= in a .env file).
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid configuration: ${issues}`);
  }
  return parsed.data;
}

/** Re-read on each access in tests (they change DATABASE_URL per file); cached otherwise. */
let cached: Env | undefined;
export const env: Env = new Proxy({} as Env, {
  get(_t, key: string) {
    if (!cached || process.env.VITEST) cached = load();
    return cached[key as keyof Env];
  },
});

export const appUrl = () => env.APP_URL ?? `http://localhost:${env.PORT}`;
/** True when jobs go to an Inngest server rather than the in-process scheduler. */
export const usesInngestServer = () =>
  Boolean(env.INNGEST_BASE_URL || env.INNGEST_EVENT_KEY || env.INNGEST_DEV);
