// Starts the product exactly as `npm start` does, on a fresh data directory with demo data and
// known passwords, for Playwright's webServer.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { E2E } from "./env";

rmSync(E2E.dataDir, { recursive: true, force: true });
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
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
