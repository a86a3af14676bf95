import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests sit beside the code (lib/**/*.test.ts). Integration tests (tests/**) run on a real
// embedded PostgreSQL: tests/setup/global-setup.ts migrates a template database once, and every
// test file gets its own clone of it.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next enforces `import "server-only"` when it builds; tests run lib code on the server.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "inngest/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/per-file.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
