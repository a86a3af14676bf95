// First: the security specs import the declared operations, whose use cases are marked
// `server-only`; Playwright loads config then specs in the same process, in plain Node.
import "./lib/runtime/allow-server-only";
import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./e2e/support/env";

// End-to-end tests click through the real pages in Debian's Chromium against `npm start` itself
// (embedded PostgreSQL, demo data) on a throw-away data directory. Each role signs in once in
// the setup project and the specs reuse its saved session.
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-dev-shm-usage",
    ],
  },
};

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: E2E.baseUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...chromium,
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "e2e", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
  ],
  webServer: {
    command: "tsx e2e/support/start-server.ts",
    url: `${E2E.baseUrl}/signin`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
